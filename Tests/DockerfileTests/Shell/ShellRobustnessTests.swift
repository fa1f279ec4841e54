import TestMaterial
import Testing

@testable import Dockerfile

/// Bad and hostile input: reported, recovered from, never a crash, output bounded.
struct ShellRobustnessTests {
    @Test(
        "problems are reported with their offset",
        arguments: [
            ("echo 'abc", "unterminated single quote at offset 5"),
            ("echo \"abc", "unterminated double quote at offset 5"),
            ("echo $(date", "unterminated $( at offset 5"),
            ("echo ${X", "unterminated ${ at offset 5"),
            ("echo `date", "unterminated backtick at offset 5"),
            ("diff <(a", "unterminated <( at offset 5"),
            ("(cd x", "unterminated ( at offset 0"),
            ("if true; then echo", "'if' without 'fi' at offset 3"),
            ("while true; do echo", "'while' without 'done' at offset 6"),
            ("case x in a) echo", "'case' without 'esac' at offset 5"),
            ("{ echo", "'{' without '}' at offset 2"),
            ("echo a )", "unexpected ')' at offset 7"),
            ("echo a && ", "missing command after '&&' at offset 7"),
            ("| grep x", "unexpected '|' at offset 0"),
            ("fi", "unexpected 'fi' at offset 0"),
            ("[[ -f x", "unterminated [[ at offset 0"),
        ])
    func diagnostics(source: String, expected: String) {
        let script = ShellScript.parse(source)
        #expect(script.diagnostics.first == expected)
    }

    @Test("parsing recovers after an error")
    func recovery() {
        #expect(argvs("echo a ) ; echo b") == [["echo", "a"], ["echo", "b"]])
        #expect(argvs("fi; done; echo ok") == [["echo", "ok"]])
        #expect(argvs("if a; then b; done; echo c") == [["a"], ["b"], ["echo", "c"]])
    }

    @Test(
        "nesting beyond the depth limit is reported and read as literal text",
        arguments: [
            ("echo ", "$(", ")"), ("", "( ", " )"), ("", "{ ", "; }"), ("", "if true; then ", "; fi"),
            ("echo ", "${X:-", "}"), ("echo ", "\"$(", ")\""), ("cat ", "<(", ")"),
            ("", "while a; do ", "; done"), ("", "for x in y; do ", "; done"),
            ("", "case x in y) ", ";; esac"), ("", "f() { ", "; }"), ("sh -c 'echo ", "$(", ")"),
        ])
    func depthLimit(prefix: String, opener: String, closer: String) {
        let depth = 200
        let source =
            prefix + String(repeating: opener, count: depth) + "echo x"
            + String(repeating: closer, count: depth)
            + (prefix.hasPrefix("sh") ? "'" : "")
        let script = ShellScript.parse(source)
        #expect(script.diagnostics.contains { $0.contains("deeper than 64 levels") })
        #expect(script.commands.count <= 67)
    }

    @Test("many backtick substitutions in one command are all children of it")
    func manyBackticks() {
        let script = ShellScript.parse(String(repeating: "echo `echo` ", count: 500))
        #expect(script.commands.count == 501)
        #expect(
            script.commands.dropFirst().allSatisfy { $0.parent == 0 && $0.context == .commandSubstitution })
    }

    @Test("nested sh -c strings are parsed level by level")
    func nestedShDashC() {
        var source = "id"
        for _ in 0..<6 {
            source = "sh -c '" + source.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let commands = ShellScript.parse(source).commands
        #expect(commands.map { $0.name ?? "" } == Array(repeating: "sh", count: 6) + ["id"])
        #expect(commands.map(\.parent) == [nil] + (0..<6).map { $0 })
    }

    @Test("here-document scripts nested beyond the depth limit are reported and not parsed")
    func nestedHereDocumentScripts() {
        let depth = 200
        let source =
            (0..<depth).map { "bash <<E\($0)\n" }.joined() + "curl -k u\n"
            + (0..<depth).reversed().map { "E\($0)\n" }.joined()
        let script = ShellScript.parse(source)
        #expect(
            script.diagnostics.contains { $0.contains("here-document script nested deeper than 64 levels") })
        #expect(script.commands.count == 65)
        #expect(!script.commands.contains { $0.name == "curl" })
    }

    @Test("many here-documents piped to shells are each parsed once, inside their shell")
    func manyHereDocumentsPipedToShells() {
        let count = 2_000
        let source = (0..<count).map { "cat <<E\($0) | sh\necho \($0)\nE\($0)\n" }.joined()
        let commands = ShellScript.parse(source).commands
        let echoes = commands.indices.filter { commands[$0].name == "echo" }
        #expect(echoes.count == count)
        #expect(echoes.allSatisfy { commands[$0].parent.map { commands[$0].name } == "sh" })
        #expect(commands.filter { $0.name == "cat" }.allSatisfy { $0.hereDocuments.count == 1 })
    }

    @Test("random bytes never crash and give bounded output", arguments: 0..<8)
    func randomBytes(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let alphabet = Array("ab $()`'\"\\{};|&<>#\n\t=-x0123456789[]!*".utf8)
        for length in stride(from: 1, through: 400, by: 7) {
            let bytes = (0..<length).map { _ in
                generator.next() % 4 == 0
                    ? UInt8(truncatingIfNeeded: generator.next())
                    : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            let script = ShellScript.parse(String(decoding: bytes, as: UTF8.self))
            assertWellFormed(script, sourceLength: String(decoding: bytes, as: UTF8.self).utf8.count)
        }
    }

    @Test(
        "every prefix of real RUN texts parses into well-formed output",
        .requiresDockerfileCorpus)
    func truncatedCorpusRuns() {
        let runs = ShellCorpus.runTexts()
        #expect(runs.count > 300)
        for (index, run) in runs.enumerated() where index % 5 == 0 {
            let bytes = Array(run.utf8)
            for cut in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 15)) {
                let prefix = String(decoding: bytes[..<cut], as: UTF8.self)
                assertWellFormed(ShellScript.parse(prefix), sourceLength: prefix.utf8.count)
            }
        }
    }

    @Test(
        "complete corpus RUN texts get diagnostics exactly when bash -n rejects them",
        .requiresDockerfileCorpus,
        .requires("/bin/bash", howToGet: "install bash") { BashOracle.isAvailable })
    func corpusRunsAgreeWithBash() {
        let runs = ShellCorpus.runTexts()
        var disagreements: [String] = []
        var rejected = 0
        for run in runs {
            let script = ShellScript.parse(run)
            assertWellFormed(script, sourceLength: run.utf8.count)
            let bashAccepts = BashOracle.accepts(run)
            if !bashAccepts { rejected += 1 }
            if script.diagnostics.isEmpty != bashAccepts {
                disagreements.append(
                    "bash accepts: \(bashAccepts), ours: \(script.diagnostics): \(run.prefix(160))")
            }
        }
        #expect(rejected > 0, "the corpus holds known-broken RUNs (checkov fixtures, PowerShell)")
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(runs.count): \(disagreements.prefix(5))")
    }

    @Test("a large script parses into one command per line")
    func largeScript() {
        let source = String(
            repeating: "apt-get install -y \"pkg-$V\" $(echo x) && echo 'done' | tee -a log\n", count: 20_000)
        let script = ShellScript.parse(source)
        #expect(script.commands.count == 80_000)
        #expect(script.diagnostics.isEmpty)
    }

    /// Structural invariants every parse result must keep, whatever the input.
    private func assertWellFormed(_ script: ShellScript, sourceLength: Int) {
        #expect(script.commands.count <= sourceLength)
        #expect(script.diagnostics.count <= 51)
        for (index, command) in script.commands.enumerated() {
            #expect(command.range.lowerBound >= 0 && command.range.upperBound <= sourceLength)
            #expect(command.argv == command.words.map(\.value))
            #expect(command.pipelinePosition < command.pipelineLength)
            if let parent = command.parent {
                #expect(parent < index)
            }
        }
    }
}
