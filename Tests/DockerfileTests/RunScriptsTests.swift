import Testing

@testable import Dockerfile

/// How a shell-form RUN and its here-documents become the scripts BuildKit runs.
struct RunScriptsTests {
    static func heredoc(_ delimiter: String, _ body: String) -> Heredoc {
        Heredoc(
            delimiter: delimiter, isQuoted: false, stripsLeadingTabs: false, fileDescriptor: 0, body: body,
            line: 2, endLine: 3)
    }

    @Test(
        "a RUN that is only one here-document's marker runs the body",
        arguments: ["<<EOF", "<<-EOF", " <<'EOF' ", "<<\"EOF\"", "0<<EOF", "<< EOF"])
    func markerAlone(text: String) {
        #expect(
            RunScripts.scripts(text, heredocs: [Self.heredoc("EOF", "apk add curl\n")]) == ["apk add curl\n"])
    }

    @Test("any other RUN with here-documents runs its text with the bodies after it")
    func composed() {
        let first = Self.heredoc("A", "one\n")
        let second = Self.heredoc("B", "two\n")
        #expect(RunScripts.scripts("cat > f <<A", heredocs: [first]) == ["cat > f <<A\none\nA"])
        #expect(RunScripts.scripts("<<A bash", heredocs: [first]) == ["<<A bash\none\nA"])
        #expect(RunScripts.scripts("<<A <<B", heredocs: [first, second]) == ["<<A <<B\none\nA\ntwo\nB"])
        #expect(RunScripts.scripts("<<'A\"", heredocs: [first]) == ["<<'A\"\none\nA"])
        #expect(RunScripts.scripts("apk add curl", heredocs: []) == ["apk add curl"])
    }

    @Test(
        "a body with a #! line runs with that interpreter: shell text only for a POSIX shell",
        arguments: [
            ("#!/bin/bash\ncurl u\n", true), ("#!/usr/bin/env sh\ncurl u\n", true),
            ("#!/usr/bin/env -S bash -e\ncurl u\n", true), ("#!/usr/bin/env python3\nprint(1)\n", false),
            ("#!/usr/bin/perl\nprint 1\n", false), ("#!/bin/bash\r\ncurl u\r\n", true),
        ])
    func shebang(body: String, isShell: Bool) {
        #expect(RunScripts.scripts("<<EOF", heredocs: [Self.heredoc("EOF", body)]) == (isShell ? [body] : []))
    }
}
