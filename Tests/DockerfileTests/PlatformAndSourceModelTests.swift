import Testing

@testable import Dockerfile

/// Stage references through BuildKit's platform arguments, and classified COPY/ADD sources.
@Suite struct PlatformAndSourceModelTests {
    static let digest = "sha256:" + String(repeating: "0123456789abcdef", count: 4)
    static let commit = "9f3c2a1b4d5e6f708192a3b4c5d6e7f809a1b2c3"

    func model(_ text: String) throws -> DockerfileModel {
        try DockerfileModel.parse(bytes: Array(text.utf8), path: "Dockerfile")
    }

    @Test("A platform argument that names a stage for every value is a stage reference")
    func everyOperatingSystemHasAStage() throws {
        let parsed = try model(
            """
            FROM alpine:3.19@\(Self.digest) AS run-linux
            FROM alpine:3.19@\(Self.digest) AS run-windows
            FROM run-${TARGETOS}
            """)
        #expect(parsed.stages[2].base.platformStages == [0, 1])
        #expect(parsed.stages[2].base.unresolvedReason == nil)
        #expect(parsed.imageReferences.count == 2, "the third FROM is not an image reference")
    }

    @Test("A value without a stage keeps the reference unresolved and names the value")
    func missingArchitectureStage() throws {
        let parsed = try model(
            """
            ARG TARGETARCH
            FROM alpine:3.19@\(Self.digest) AS build-amd64
            FROM alpine:3.19@\(Self.digest) AS build-arm64
            FROM build-${TARGETARCH}
            """)
        let base = parsed.stages[2].base
        #expect(base.platformStages.isEmpty)
        #expect(base.unresolvedReason?.contains("TARGETARCH=") == true, "\(base.unresolvedReason ?? "nil")")
        #expect(parsed.imageReferences.last?.unresolvedReason != nil)
    }

    @Test("An ARG with a default is not a platform argument the builder sets")
    func defaultedArgumentIsOrdinary() throws {
        let parsed = try model(
            """
            ARG TARGETOS=linux
            FROM alpine:3.19@\(Self.digest) AS run-linux
            FROM run-${TARGETOS}
            """)
        #expect(parsed.stages[1].base.stage == 0)
        #expect(parsed.stages[1].base.platformStages.isEmpty)
    }

    @Test("Inside a stage the platform argument must be declared to name stages")
    func stageScopeNeedsDeclaration() throws {
        let text = { (declaration: String) in
            """
            FROM alpine:3.19@\(Self.digest) AS run-linux
            FROM alpine:3.19@\(Self.digest) AS run-windows
            FROM alpine:3.19@\(Self.digest)
            \(declaration)
            COPY --from=run-${TARGETOS} /a /a
            """
        }
        #expect(try model(text("ARG TARGETOS")).imageReferences.count == 3)
        #expect(try model(text("ARG OTHER")).imageReferences.count == 4)
    }

    @Test("COPY/ADD sources: here-documents, Git query and fragment forms, ARG defaults")
    func sources() throws {
        let parsed = try model(
            """
            FROM alpine:3.19@\(Self.digest)
            ARG REF=\(Self.commit)
            ARG NOREF
            ADD <<EOT /etc/motd
            hi
            EOT
            ADD https://github.com/o/r.git?ref=v1&commit=\(Self.commit)&subdir=docs /a
            ADD git@github.com:o/r.git#${REF}:sub /b
            ADD https://github.com/o/r.git#v1.2.3 /c
            ADD https://github.com/o/r.git#${NOREF} /d
            ADD https://example.com/x.tgz ${REF}.txt /e/
            COPY . /app
            """)
        let byLine = { (line: Int) throws -> [TransferSource] in
            let index = try #require(parsed.instructions.firstIndex { $0.line == line })
            return try #require(parsed.transferSources[index])
        }
        #expect(try byLine(4).map(\.kind) == [.heredoc])
        let query = try #require(try byLine(7).first?.git)
        #expect(query.commit == Self.commit && query.ref == "v1" && query.subdirectory == "docs")
        #expect(query.repository == "https://github.com/o/r.git")
        let fragment = try #require(try byLine(8).first?.git)
        #expect(fragment.commit == Self.commit && fragment.subdirectory == "sub")
        #expect(try byLine(9).first?.git?.commit == nil)
        #expect(try byLine(9).first?.git?.ref == "v1.2.3")
        let unresolved = try #require(try byLine(10).first)
        #expect(
            unresolved.kind == .git && unresolved.git?.commit == nil && unresolved.unresolvedReason != nil)
        #expect(try byLine(11).map(\.kind) == [.url, .local])
        #expect(try byLine(11).last?.resolved == Self.commit + ".txt")
        #expect(try byLine(12).map(\.kind) == [.local])
    }

    @Test("A Git source's ?checksum= (Dockerfile 1.18) is the commit its ref must resolve to")
    func gitChecksumQuery() throws {
        let git = try #require(
            GitSource.parse("https://github.com/o/r.git?tag=v1.2.3&checksum=\(Self.commit)"))
        #expect(git.ref == "v1.2.3" && git.commit == Self.commit)
        let short = try #require(GitSource.parse("https://github.com/o/r.git?tag=v1&checksum=9f3c2a1"))
        #expect(short.commit == nil)
    }

    @Test("EXPOSE words are expanded with the stage's ARG and ENV values")
    func exposedPortsExpanded() throws {
        let parsed = try model(
            """
            ARG GLOBAL_PORT=80
            FROM alpine:3.19
            ARG SSH_PORT=22
            ENV WEB=8080
            ARG NODEFAULT
            EXPOSE $SSH_PORT ${WEB}/udp 443 ${NODEFAULT} $GLOBAL_PORT
            """)
        let index = try #require(parsed.instructions.firstIndex { $0.keyword == "EXPOSE" })
        let ports = try #require(parsed.exposedPorts[index])
        #expect(ports.map(\.resolved) == ["22", "8080/udp", "443", nil, nil])
        #expect(ports.map(\.raw) == ["$SSH_PORT", "${WEB}/udp", "443", "${NODEFAULT}", "$GLOBAL_PORT"])
        #expect(ports[3].unresolvedReason == "ARG NODEFAULT has no default value")
        #expect(
            ports[4].unresolvedReason
                == "GLOBAL_PORT is not declared in this stage (it is a global ARG, which a stage sees only after ARG GLOBAL_PORT)"
        )
    }
}
