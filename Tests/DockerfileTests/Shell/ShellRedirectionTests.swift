import Testing

@testable import Dockerfile

/// Redirections, here-strings and here-documents.
struct ShellRedirectionTests {
    @Test(
        "redirections are parsed apart from argv",
        arguments: [
            ("cmd > out", ["cmd"], [">"], [nil], ["out"]),
            ("cmd >> out 2>&1", ["cmd"], [">>", ">&"], [nil, 2], ["out", "1"]),
            ("cmd &> /dev/null", ["cmd"], ["&>"], [nil], ["/dev/null"]),
            ("cmd &>> log", ["cmd"], ["&>>"], [nil], ["log"]),
            ("cmd < in >| out", ["cmd"], ["<", ">|"], [nil, nil], ["in", "out"]),
            ("cmd 2>/dev/null arg", ["cmd", "arg"], [">"], [2], ["/dev/null"]),
            ("< in cmd", ["cmd"], ["<"], [nil], ["in"]),
            ("cmd 0<>f 3<&0", ["cmd"], ["<>", "<&"], [0, 3], ["f", "0"]),
            ("cmd a2>b", ["cmd", "a2"], [">"], [nil], ["b"]),
            ("bash <<< \"$(curl -s u)\"", ["bash"], ["<<<"], [nil], ["$(curl -s u)"]),
        ] as [(String, [String], [String], [Int?], [String])])
    func redirections(
        source: String, argv: [String], symbols: [String], descriptors: [Int?], targets: [String]
    ) {
        let command = ShellScript.parse(source).commands.first
        #expect(command?.argv == argv)
        #expect(command?.redirections.map(\.symbol) == symbols)
        #expect(command?.redirections.map(\.fileDescriptor) == descriptors)
        #expect(command?.redirections.map { $0.target?.value ?? "" } == targets)
    }

    @Test("here-document bodies are not commands; each is given to its command")
    func hereDocuments() {
        let source = """
            cat <<EOF > /etc/conf && echo after
            not a command; rm -rf /
            EOF
            cat <<-'END' | tee x
            \t\tstill body
            \tEND
            echo last
            """
        let script = ShellScript.parse(source)
        #expect(
            script.commands.map(\.argv) == [
                ["cat"], ["echo", "after"], ["cat"], ["tee", "x"], ["echo", "last"],
            ])
        #expect(script.commands.first?.redirections.first?.target?.value == "EOF")
        #expect(
            script.commands.map(\.hereDocuments) == [
                ["not a command; rm -rf /\n"], [], ["still body\n"], [], [],
            ])
        #expect(script.diagnostics.isEmpty)
    }

    @Test("two here-documents on one line are given to their command in order")
    func twoHereDocuments() {
        let script = ShellScript.parse("paste <<A <<\"B\"\na1\nA\nb1\nB\necho done")
        #expect(script.commands.map(\.argv) == [["paste"], ["echo", "done"]])
        #expect(script.commands.first?.hereDocuments == ["a1\n", "b1\n"])
    }

    @Test(
        "a here-document a shell reads as its script is parsed as one, inside the shell",
        arguments: [
            ("bash <<EOF\ncurl -k u\nEOF", true),
            ("sudo sh -eux <<'EOF'\ncurl -k u\nEOF", true),
            ("bash -s -- arg <<EOF\ncurl -k u\nEOF", true),
            ("sh - <<EOF\ncurl -k u\nEOF", true),
            ("bash - script.sh <<EOF\ncurl -k u\nEOF", false),
            ("cat <<EOF | sh\ncurl -k u\nEOF", true),
            ("cat - <<EOF | bash -e\ncurl -k u\nEOF", true),
            ("bash -c 'echo hi' <<EOF\ncurl -k u\nEOF", false),
            ("bash script.sh <<EOF\ncurl -k u\nEOF", false),
            ("python3 <<EOF\ncurl -k u\nEOF", false),
            ("cat <<EOF | tee f\ncurl -k u\nEOF", false),
            ("cat header <<EOF | sh\ncurl -k u\nEOF", false),
            ("bash 3<<EOF\ncurl -k u\nEOF", false),
        ])
    func hereDocumentScripts(source: String, isScript: Bool) {
        let script = ShellScript.parse(source)
        let curl = script.commands.firstIndex { $0.argv.first == "curl" }
        #expect((curl != nil) == isScript, "\(script.commands.map(\.argv))")
        if let curl {
            #expect(script.commands[curl].context == .hereDocument)
            let parent = script.commands[curl].parent.map { script.commands[$0].effectiveName }
            #expect(parent == "sh" || parent == "bash", "parent \(String(describing: parent))")
        }
        #expect(script.diagnostics.isEmpty)
    }

    @Test("a here-document closed on a later line than its command is still given to it")
    func hereDocumentOfAnEarlierPipelineElement() {
        let script = ShellScript.parse("cat <<A | tr a b > out <<B\nfirst\nA\nsecond\nB")
        #expect(script.commands.map(\.hereDocuments) == [["first\n"], ["second\n"]])
    }

    @Test("a here-document without a body line (as in a RUN line) is not an error")
    func hereDocumentWithoutBody() {
        let script = ShellScript.parse("cat <<EOF > /x")
        #expect(script.commands.map(\.argv) == [["cat"]])
        #expect(script.diagnostics.isEmpty)
    }

    @Test("an unclosed here-document body is reported")
    func unclosedHereDocument() {
        let script = ShellScript.parse("cat <<EOF\nbody")
        #expect(script.diagnostics == ["here-document not closed by 'EOF' at offset 4"])
    }

    @Test("a missing redirection target is reported")
    func missingTarget() {
        let script = ShellScript.parse("echo >")
        #expect(script.commands.first?.redirections.first?.target == nil)
        #expect(script.diagnostics == ["missing target after '>' at offset 5"])
    }
}
