import Testing

@testable import Dockerfile

/// Grammar features of BuildKit's parser, one test each.
@Suite struct SyntaxTests {
    func tree(_ text: String) throws -> SyntaxTree {
        try SyntaxTree.parse(bytes: Array(text.utf8), path: "Dockerfile")
    }

    func summary(_ tree: SyntaxTree) -> [String] {
        tree.instructions.map { "\($0.keyword) \($0.line)-\($0.endLine)" }
    }

    @Test func directivesAtTheTopOnly() throws {
        let parsed = try tree(
            "# syntax=docker/dockerfile:1\n#escape=`\n# check=skip=all\n# foo=bar\n# escape=\\\nFROM a\n")
        #expect(parsed.directives.map(\.name) == ["syntax", "escape", "check"])
        #expect(parsed.directives.map(\.line) == [1, 2, 3])
        #expect(parsed.escapeCharacter == "`")
        #expect(parsed.comments.count == 5)
    }

    @Test func blankLineEndsDirectives() throws {
        let parsed = try tree("\n# escape=`\nFROM a\nRUN a \\\n b\n")
        #expect(parsed.directives.isEmpty)
        #expect(summary(parsed) == ["FROM 3-3", "RUN 4-5"])
    }

    @Test func repeatedDirectiveIsAnError() {
        #expect(throws: DockerfileError.self) { try tree("# escape=`\n# escape=`\nFROM a\n") }
    }

    @Test func invalidEscapeTokenIsAnError() {
        #expect(throws: DockerfileError.self) { try tree("# escape=x\nFROM a\n") }
    }

    @Test func byteOrderMarksAndEncodings() throws {
        let text = "FROM a\nUSER b\n"
        let utf8: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let units = Array(text.utf16)
        let utf16LE: [UInt8] =
            [0xFF, 0xFE]
            + units.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16BE: [UInt8] =
            [0xFE, 0xFF]
            + units.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let scalars = text.unicodeScalars.map(\.value)
        let utf32LE: [UInt8] =
            [0xFF, 0xFE, 0, 0]
            + scalars.flatMap { (value: UInt32) -> [UInt8] in
                (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }
            }
        let utf32BE: [UInt8] =
            [0, 0, 0xFE, 0xFF]
            + scalars.flatMap { (value: UInt32) -> [UInt8] in
                (0..<4).reversed().map { UInt8((value >> (8 * $0)) & 0xFF) }
            }
        for bytes in [utf8, utf16LE, utf16BE, utf32LE, utf32BE] {
            let parsed = try SyntaxTree.parse(bytes: bytes, path: "f")
            #expect(summary(parsed) == ["FROM 1-1", "USER 2-2"])
            #expect(parsed.instructions.first?.argumentText == "a")
        }
    }

    @Test func invalidUTF8ReportsLineAndColumn() {
        let bytes = Array("FROM a\nRUN é".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect {
            try SyntaxTree.parse(bytes: bytes, path: "Dockerfile")
        } throws: { error in
            guard let error = error as? DockerfileError else { return false }
            return error.line == 2 && error.column == 6
                && error.description == "Dockerfile:2:6: invalid UTF-8 byte sequence"
        }
    }

    @Test func crlfLineEndings() throws {
        let parsed = try tree("FROM a\r\nRUN x \\\r\n  y\r\n")
        #expect(summary(parsed) == ["FROM 1-1", "RUN 2-3"])
        #expect(parsed.instructions[1].kind == .run(.shell("x   y")))
    }

    @Test func continuationsWithCommentsAndBlankLines() throws {
        let parsed = try tree("FROM a\nRUN a \\\n# inside\n\n    # indented\n  b \\\n  c\nUSER x\n")
        #expect(summary(parsed) == ["FROM 1-1", "RUN 2-7", "USER 8-8"])
        #expect(parsed.instructions[1].kind == .run(.shell("a   b   c")))
        #expect(parsed.comments.map(\.line) == [3, 5])
        #expect(parsed.comments.map(\.text) == ["inside", "indented"])
    }

    @Test func escapedEscapeDoesNotContinue() throws {
        let parsed = try tree("FROM a\nRUN echo \\\\\nUSER x\n")
        #expect(summary(parsed) == ["FROM 1-1", "RUN 2-2", "USER 3-3"])
    }

    @Test func backtickEscapeContinues() throws {
        let parsed = try tree("# escape=`\nFROM a\nRUN dir c:\\ `\n  /s\n")
        #expect(summary(parsed) == ["FROM 2-2", "RUN 3-4"])
        #expect(parsed.instructions[1].argumentText == "dir c:\\   /s")
    }

    @Test func heredocsWithAnyDelimiter() throws {
        let text =
            "FROM a\nRUN <<EOT bash\nset -e\necho hi\nEOT\nCOPY <<-\"END\" 3<<'x' /dst\n\tone\n\tEND\ntwo\nx\nUSER u\n"
        let parsed = try tree(text)
        #expect(summary(parsed) == ["FROM 1-1", "RUN 2-5", "COPY 6-10", "USER 11-11"])
        let run = parsed.instructions[1].heredocs
        #expect(run.count == 1)
        #expect(run.first?.delimiter == "EOT")
        #expect(run.first?.body == "set -e\necho hi\n")
        #expect(run.first?.isQuoted == false)
        #expect(run.first?.line == 3)
        #expect(run.first?.endLine == 5)
        let copy = parsed.instructions[2].heredocs
        #expect(copy.map(\.delimiter) == ["END", "x"])
        #expect(copy.map(\.isQuoted) == [true, true])
        #expect(copy.map(\.stripsLeadingTabs) == [true, false])
        #expect(copy.map(\.fileDescriptor) == [0, 3])
        #expect(copy.map(\.body) == ["one\n", "two\n"])
    }

    @Test func heredocIgnoredInExecFormAndOtherKeywords() throws {
        let parsed = try tree("FROM a\nRUN [\"cat\", \"<<EOF\"]\nCMD cat <<EOF\nUSER u\n")
        #expect(summary(parsed) == ["FROM 1-1", "RUN 2-2", "CMD 3-3", "USER 4-4"])
        #expect(parsed.instructions.allSatisfy { $0.heredocs.isEmpty })
    }

    @Test func unterminatedHeredocIsAnError() {
        #expect(throws: DockerfileError.self) { try tree("FROM a\nRUN <<EOF\necho\n") }
    }

    @Test func onbuildHeredocBelongsToTrigger() throws {
        let parsed = try tree("FROM a\nONBUILD COPY <<E /x\nhi\nE\nUSER u\n")
        #expect(summary(parsed) == ["FROM 1-1", "ONBUILD 2-4", "USER 5-5"])
        guard case .onbuild(let inner?) = parsed.instructions[1].kind else {
            Issue.record("ONBUILD trigger missing")
            return
        }
        #expect(inner.keyword == "COPY")
        #expect(inner.heredocs.first?.body == "hi\n")
    }

    @Test(arguments: [
        ("CMD [\"a\", \"b\"]", Arguments.exec(["a", "b"])),
        ("CMD [ \"a\" ]  trailing", Arguments.exec(["a"])),
        ("CMD []", Arguments.exec([])),
        ("CMD [\"\\u00e9\\n\"]", Arguments.exec(["é\n"])),
        ("CMD ['a']", Arguments.shell("['a']")),
        ("CMD [\"a\",", Arguments.shell("[\"a\",")),
        ("CMD echo [\"a\"]", Arguments.shell("echo [\"a\"]")),
        ("CMD [\"a\" \"b\"]", Arguments.shell("[\"a\" \"b\"]")),
    ])
    func execFormOrShellFallback(_ text: String, _ expected: Arguments) throws {
        let parsed = try tree("FROM a\n\(text)\n")
        #expect(parsed.instructions[1].kind == .cmd(expected))
    }

    @Test(arguments: ["CMD [\"a\", 1]", "RUN [\"a\", null]", "COPY [\"a\", {\"b\": []}]"])
    func jsonArrayOfNonStringsIsAnError(_ text: String) {
        #expect(throws: DockerfileError.self) { try tree("FROM a\n\(text)\n") }
    }

    @Test func flagsAsWrittenInOrder() throws {
        let parsed = try tree(
            "FROM --platform=$BUILDPLATFORM a AS b\nCOPY --link --from=b --chown=\"u g\" x y\nRUN -- --not-a-flag\n"
        )
        #expect(parsed.instructions[0].flags == [Flag(name: "platform", value: "$BUILDPLATFORM")])
        #expect(parsed.instructions[1].flags.map(\.text) == ["--link", "--from=b", "--chown=u g"])
        #expect(parsed.instructions[1].kind == .copy(FileTransfer(paths: ["x", "y"], isExecForm: false)))
        #expect(parsed.instructions[2].flags.isEmpty)
        #expect(parsed.instructions[2].kind == .run(.shell("--not-a-flag")))
    }

    @Test func keywordsAreCaseInsensitive() throws {
        let parsed = try tree("from builder as final\nRuN echo\nuser 1000\n")
        #expect(parsed.instructions.map(\.keyword) == ["FROM", "RUN", "USER"])
        #expect(parsed.instructions.map(\.keywordAsWritten) == ["from", "RuN", "user"])
        #expect(parsed.instructions[0].kind == .from(FromArguments(words: ["builder", "as", "final"])))
    }

    @Test func typedPayloads() throws {
        let parsed = try tree(
            """
            FROM a
            ARG A=1 "B=two words" C
            ENV X="y z" W=1
            ENV LEGACY some value
            LABEL k=v
            EXPOSE 22/tcp 8080
            VOLUME ["/data"]
            HEALTHCHECK --interval=5s CMD ["curl", "x"]
            HEALTHCHECK NONE
            SHELL ["pwsh", "-c"]
            WORKDIR /app
            STOPSIGNAL SIGTERM
            MAINTAINER me
            ONBUILD RUN echo
            FOO bar

            """)
        let kinds = parsed.instructions.map(\.kind)
        #expect(
            kinds[1]
                == .arg([
                    ArgDeclaration(name: "A", defaultValue: "1", rawDefault: "1"),
                    ArgDeclaration(name: "B", defaultValue: "two words", rawDefault: "two words\""),
                    ArgDeclaration(name: "C", defaultValue: nil, rawDefault: nil),
                ]))
        #expect(
            kinds[2]
                == .env([
                    KeyValue(key: "X", value: "y z", rawValue: "\"y z\""),
                    KeyValue(key: "W", value: "1", rawValue: "1"),
                ]))
        #expect(kinds[3] == .env([KeyValue(key: "LEGACY", value: "some value", rawValue: "some value")]))
        #expect(kinds[4] == .label([KeyValue(key: "k", value: "v", rawValue: "v")]))
        #expect(kinds[5] == .expose(["22/tcp", "8080"]))
        #expect(kinds[6] == .volume(["/data"], isExecForm: true))
        #expect(kinds[7] == .healthcheck(.command(.exec(["curl", "x"]))))
        #expect(parsed.instructions[7].flags == [Flag(name: "interval", value: "5s")])
        #expect(kinds[8] == .healthcheck(.none))
        #expect(kinds[9] == .shell(.exec(["pwsh", "-c"])))
        #expect(kinds[10] == .workdir("/app"))
        #expect(kinds[11] == .stopSignal("SIGTERM"))
        #expect(kinds[12] == .maintainer("me"))
        guard case .onbuild(let trigger?) = kinds[13] else {
            Issue.record("ONBUILD without trigger")
            return
        }
        #expect(trigger.kind == .run(.shell("echo")))
        #expect(kinds[14] == .unknown("bar"))
    }

    @Test func envKeyWithoutValueIsAnError() {
        #expect(throws: DockerfileError.self) { try tree("FROM a\nENV ONLYKEY\n") }
    }

    @Test func commentsKeepTheirLines() throws {
        let parsed = try tree("FROM a\n# palisade ignore=DF001 vendored base\nRUN x # not a comment\n")
        #expect(parsed.comments == [Comment(line: 2, text: "palisade ignore=DF001 vendored base")])
        #expect(parsed.instructions[1].kind == .run(.shell("x # not a comment")))
    }
}
