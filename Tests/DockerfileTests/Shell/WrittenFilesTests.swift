import Testing

@testable import Dockerfile

@Suite("Files a command writes")
struct WrittenFilesTests {
    private func written(_ script: String) -> [[String]] {
        ShellScript.parse(script).commands.map(\.writtenFiles)
    }

    @Test("Output redirections and tee's arguments; not input, descriptor copies or heredoc bodies")
    func writtenFiles() {
        #expect(written("echo insecure >> ~/.curlrc") == [["~/.curlrc"]])
        #expect(written("printf 'x' > \"$HOME/.curlrc\" 2>/dev/null") == [["$HOME/.curlrc", "/dev/null"]])
        #expect(written("make &> build.log") == [["build.log"]])
        #expect(written("cmd 2>&1 < input.txt") == [[]])
        #expect(
            written("echo -k | sudo tee -a /etc/curlrc other.txt") == [[], ["/etc/curlrc", "other.txt"]])
        #expect(written("cat <<EOF > out.txt\nbody > not-a-file\nEOF") == [["out.txt"]])
    }
}
