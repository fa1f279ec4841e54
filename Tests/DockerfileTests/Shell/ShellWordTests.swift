import Testing

@testable import Dockerfile

/// Words: quoting, escapes and expansions, after quote removal.
struct ShellWordTests {
    @Test(
        "quote removal keeps expansions as written",
        arguments: [
            ("echo hello world", ["echo", "hello", "world"]),
            ("echo 'a b'  c", ["echo", "a b", "c"]),
            ("echo \"a b\"", ["echo", "a b"]),
            ("echo a\\ b", ["echo", "a b"]),
            ("echo \"a\\\"b\"", ["echo", "a\"b"]),
            ("echo \"a\\nb\"", ["echo", "a\\nb"]),
            ("echo 'a\\nb'", ["echo", "a\\nb"]),
            ("echo \"it's\"", ["echo", "it's"]),
            ("echo 'say \"hi\"'", ["echo", "say \"hi\""]),
            ("echo $HOME", ["echo", "$HOME"]),
            ("echo ${HOME}/x", ["echo", "${HOME}/x"]),
            ("echo \"$HOME/a b\"", ["echo", "$HOME/a b"]),
            ("echo ${A:-${B:-c}}", ["echo", "${A:-${B:-c}}"]),
            ("echo ${arch##*-}", ["echo", "${arch##*-}"]),
            ("echo $1 $@ $# $?", ["echo", "$1", "$@", "$#", "$?"]),
            ("echo \\$HOME", ["echo", "$HOME"]),
            ("echo 'single'\"double\"bare", ["echo", "singledoublebare"]),
            ("echo $'a\\tb'", ["echo", "a\tb"]),
            ("echo $'\\x41\\101'", ["echo", "AA"]),
            ("echo $((1 + 2))", ["echo", "$((1 + 2))"]),
            ("echo a$", ["echo", "a$"]),
            ("echo {a,b}.txt", ["echo", "{a,b}.txt"]),
            ("echo a#b", ["echo", "a#b"]),
            ("echo caf\u{e9}", ["echo", "caf\u{e9}"]),
        ])
    func quoteRemoval(source: String, expected: [String]) {
        #expect(argvs(source) == [expected])
    }

    @Test(
        "word details",
        arguments: [
            ("x", "x", false, false, false),
            ("'x'", "x", false, false, true),
            ("\\x", "x", false, false, true),
            ("$X", "$X", true, false, false),
            ("\"$X\"", "$X", true, false, true),
            ("'$X'", "$X", false, false, true),
            ("$(date)", "$(date)", true, true, false),
            ("`date`", "`date`", true, true, false),
            ("<(date)", "<(date)", true, true, false),
            ("$((1+1))", "$((1+1))", true, false, false),
        ])
    func wordDetails(text: String, value: String, hasExpansion: Bool, hasSubstitution: Bool, isQuoted: Bool) {
        let word = ShellScript.parse("cmd " + text).commands.first?.words.last
        #expect(word?.text == text)
        #expect(word?.value == value)
        #expect(word?.hasExpansion == hasExpansion)
        #expect(word?.hasSubstitution == hasSubstitution)
        #expect(word?.isQuoted == isQuoted)
        #expect(word?.range == 4..<(4 + text.utf8.count))
    }

    @Test("comments start only at the beginning of a word")
    func comments() {
        #expect(argvs("echo a # comment here\necho b") == [["echo", "a"], ["echo", "b"]])
        #expect(argvs("# only a comment") == [])
    }

    @Test("line continuations are joined, also inside words and quotes")
    func continuations() {
        let script = ShellScript.parse("apt-get install -y \\\n    curl \\\n    git && ec\\\nho \"a\\\nb\"")
        #expect(
            script.commands.map(\.argv) == [["apt-get", "install", "-y", "curl", "git"], ["echo", "ab"]])
        #expect(script.commands.last?.words.first?.text == "echo")
        #expect(script.diagnostics.isEmpty)
    }

    @Test("CRLF line endings read like LF")
    func carriageReturns() {
        #expect(
            argvs("apt-get update \\\r\n  && apt-get install -y curl\r\n") == [
                ["apt-get", "update"], ["apt-get", "install", "-y", "curl"],
            ])
    }

    @Test(
        "leading assignments are not argv",
        arguments: [
            ("A=1 B=\"x y\" make all", ["A=1", "B=x y"], ["make", "all"]),
            ("PATH+=:/opt/bin cmd", ["PATH+=:/opt/bin"], ["cmd"]),
            ("arr[2]=x cmd", ["arr[2]=x"], ["cmd"]),
            ("X=$(curl -s u)", ["X=$(curl -s u)"], []),
            ("make CC=gcc", [], ["make", "CC=gcc"]),
            ("\"A=1\" cmd", [], ["A=1", "cmd"]),
            ("2A=1 cmd", [], ["2A=1", "cmd"]),
            ("arr=(a \"b c\" d) cmd", ["arr=(a \"b c\" d)"], ["cmd"]),
        ])
    func assignments(source: String, assignments: [String], argv: [String]) {
        let command = ShellScript.parse(source).commands.first { $0.context == .top }
        #expect(command?.assignments == assignments)
        #expect(command?.argv == argv)
    }

    @Test("name drops the leading path")
    func names() {
        #expect(command(named: "sudo", in: "/usr/bin/sudo apt-get update")?.argv.first == "/usr/bin/sudo")
        #expect(ShellScript.parse("./configure --prefix=/usr").commands.first?.name == "configure")
        #expect(ShellScript.parse("X=1").commands.first?.name == nil)
    }
}
