import Testing

@testable import Dockerfile

/// Operators, pipelines, groups, compound commands and function definitions.
struct ShellStructureTests {
    @Test(
        "operators separate simple commands",
        arguments: [
            ("a && b || c", [["a"], ["b"], ["c"]]),
            ("a; b & c", [["a"], ["b"], ["c"]]),
            ("a\nb\n\nc", [["a"], ["b"], ["c"]]),
            ("a | b |& c", [["a"], ["b"], ["c"]]),
            ("a&&b||c;d", [["a"], ["b"], ["c"], ["d"]]),
            ("a &&\n  b", [["a"], ["b"]]),
            ("a |\n b", [["a"], ["b"]]),
            ("! a | b", [["a"], ["b"]]),
            ("a;", [["a"]]),
            ("", []),
            ("   \n\t  ", []),
        ])
    func operators(source: String, expected: [[String]]) {
        let script = ShellScript.parse(source)
        #expect(script.commands.map(\.argv) == expected)
        #expect(script.diagnostics.isEmpty)
    }

    @Test("pipelines number their commands")
    func pipelines() {
        let commands = ShellScript.parse("curl -fsSL u | tar xz -C /opt && echo done | tee log | wc -l")
            .commands
        #expect(commands.map(\.pipeline) == [0, 0, 1, 1, 1])
        #expect(commands.map(\.pipelinePosition) == [0, 1, 0, 1, 2])
        #expect(commands.map(\.pipelineLength) == [2, 2, 3, 3, 3])
    }

    @Test("a compound element counts in its pipeline's length")
    func compoundPipelineElement() {
        let commands = ShellScript.parse("curl u | (cd /tmp && sh)").commands
        #expect(commands.first?.pipelineLength == 2)
        #expect(commands.map(\.context) == [.top, .subshell, .subshell])
    }

    @Test(
        "groups set the context of their commands",
        arguments: [
            ("(cd /x && make)", [SimpleCommand.Context.subshell, .subshell]),
            ("{ a; b; }", [.brace, .brace]),
            ("{ a; (b); }; c", [.brace, .subshell, .top]),
            ("a $(b) <(c)", [.top, .commandSubstitution, .processSubstitution]),
            ("f() { a; }; f", [.brace, .top]),
        ])
    func contexts(source: String, expected: [SimpleCommand.Context]) {
        #expect(ShellScript.parse(source).commands.map(\.context) == expected)
    }

    @Test(
        "compound commands expose the simple commands of their bodies",
        arguments: [
            (
                "if [ -f a ]; then rm a; elif test -d a; then rmdir a; else echo no; fi",
                [
                    ["[", "-f", "a", "]"], ["rm", "a"], ["test", "-d", "a"], ["rmdir", "a"], ["echo", "no"],
                ]
            ),
            ("while read l; do echo $l; done < f", [["read", "l"], ["echo", "$l"]]),
            ("until false; do sleep 1; done", [["false"], ["sleep", "1"]]),
            ("for p in a b $(ls); do apt-get install $p; done", [["ls"], ["apt-get", "install", "$p"]]),
            ("for x\ndo echo $x\ndone", [["echo", "$x"]]),
            ("for ((i=0; i<3; i++)); do echo $i; done", [["echo", "$i"]]),
            ("case \"$arch\" in amd64|x86_64) a=1 ;; (arm64) b ;& *) c;; esac", [[], ["b"], ["c"]]),
            ("case $x in\n  a)\n    echo a\n    ;;\nesac", [["echo", "a"]]),
            ("f() { apt-get update; }", [["apt-get", "update"]]),
            ("function g { echo g; }", [["echo", "g"]]),
            ("function h() ( echo h )", [["echo", "h"]]),
            (
                "[[ -n \"$X\" && $Y < 3 ]] && echo yes",
                [["[[", "-n", "$X", "&&", "$Y", "<", "3", "]]"], ["echo", "yes"]]
            ),
            ("(( i++ )) && echo $i", [["echo", "$i"]]),
            ("if true; then :; fi > log 2>&1", [["true"], [":"]]),
            ("echo if then fi done", [["echo", "if", "then", "fi", "done"]]),
            ("{ echo }; }", [["echo", "}"]]),
        ])
    func compoundCommands(source: String, expected: [[String]]) {
        let script = ShellScript.parse(source)
        #expect(script.commands.map(\.argv) == expected)
        #expect(script.diagnostics.isEmpty)
    }

    @Test("command ranges are UTF-8 offsets of the first to last token")
    func ranges() {
        let source = "é=1 apt-get update && sudo x > out"
        let commands = ShellScript.parse(source).commands
        let bytes = Array(source.utf8)
        #expect(
            commands.map { String(decoding: bytes[$0.range], as: UTF8.self) } == [
                "é=1 apt-get update", "sudo x > out",
            ])
    }

    @Test("commands are listed in source order, nested ones included")
    func sourceOrder() {
        let commands = ShellScript.parse("a $(b $(c)) `d`; e").commands
        #expect(commands.map { $0.argv.first ?? "" } == ["a", "b", "c", "d", "e"])
        #expect(commands.map(\.range.lowerBound) == commands.map(\.range.lowerBound).sorted())
    }

    @Test("children and pipeline helpers select by parent and pipeline")
    func scriptHelpers() {
        let script = ShellScript.parse("echo $(a) $(b | c) && x | y")
        #expect(script.children(of: 0).compactMap(\.name) == ["a", "b", "c"])
        #expect(script.children(of: 1).isEmpty)
        let last = script.commands.last?.pipeline ?? -1
        #expect(script.pipeline(last).compactMap(\.name) == ["x", "y"])
        #expect(script.commands.first { $0.name == "c" }?.parent == 0)
    }
}
