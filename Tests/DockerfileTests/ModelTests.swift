import Foundation
import Testing

@testable import Dockerfile

/// The semantic model against BuildKit's semantics, case by case.
@Suite struct ModelTests {
    static let digest = "sha256:" + String(repeating: "0123456789abcdef", count: 4)

    func model(_ text: String, target: String? = nil) throws -> DockerfileModel {
        try DockerfileModel.parse(bytes: Array(text.utf8), path: "Dockerfile", target: target)
    }

    @Test func d1StageReferenceByEarlierName() throws {
        let parsed = try model(
            """
            FROM golang:1.22.5 AS build
            RUN go build -o /app .
            FROM build AS test
            RUN go test ./...
            FROM gcr.io/distroless/static-debian12:nonroot
            COPY --from=build /app /app
            USER 65532
            ENTRYPOINT ["/app"]
            """)
        #expect(parsed.stages.count == 3)
        #expect(parsed.stages[1].base.stage == 0)
        #expect(parsed.stages[1].base.image == nil)
        #expect(parsed.stages[2].base.image?.tag == "nonroot")
        #expect(parsed.imageReferences.map(\.origin) == [.from, .from])
        #expect(parsed.finalStage.user?.user == "65532")
        #expect(parsed.stages[2].instructionIndices == [4, 5, 6, 7])
        #expect(parsed.instructionStages == [0, 0, 1, 1, 2, 2, 2, 2])
    }

    @Test func d2StageNamesAreCaseInsensitive() throws {
        let parsed = try model("FROM node:20.11.1 AS Builder\nRUN npm ci\nFROM builder\nUSER node\n")
        #expect(parsed.stages[0].name == "builder")
        #expect(parsed.stages[0].nameAsWritten == "Builder")
        #expect(parsed.stages[1].base.stage == 0)
        #expect(parsed.imageReferences.count == 1)
    }

    @Test func d3ForwardReferenceIsAnImage() throws {
        let parsed = try model("FROM app\nFROM alpine:3.19 AS app\n")
        #expect(parsed.stages[0].base.stage == nil)
        #expect(parsed.stages[0].base.image?.repository == "library/app")
        #expect(parsed.stages[0].base.image?.tag == nil)
    }

    @Test func d4Scratch() throws {
        let parsed = try model("FROM scratch\nCOPY app /\n")
        #expect(parsed.stages[0].base.isScratch)
        #expect(parsed.stages[0].base.image == nil)
        #expect(parsed.imageReferences.isEmpty)
        #expect(parsed.stages[0].user == nil)
    }

    @Test func d5PlatformFlag() throws {
        let parsed = try model("FROM --platform=$BUILDPLATFORM golang:1.22.5-alpine AS build\n")
        #expect(parsed.stages[0].platform == "$BUILDPLATFORM")
        #expect(parsed.stages[0].base.image?.tag == "1.22.5-alpine")
        #expect(parsed.stages[0].name == "build")
    }

    @Test func d6ToD8GlobalArgResolution() throws {
        let parsed = try model(
            """
            ARG BASE=alpine:3.19
            ARG TAG
            ARG IMG=python
            FROM ${BASE} AS a
            USER 1000
            FROM alpine:${TAG} AS b
            USER 1000
            FROM $IMG
            USER 1000
            """)
        #expect(parsed.globalArgs.map(\.name) == ["BASE", "TAG", "IMG"])
        #expect(parsed.globalArgs.map(\.defaultValue) == ["alpine:3.19", nil, "python"])
        let bases = parsed.stages.map(\.base)
        #expect(bases[0].raw == "${BASE}")
        #expect(bases[0].resolved == "alpine:3.19")
        #expect(bases[0].image?.tag == "3.19")
        #expect(bases[0].unresolvedReason == nil)
        #expect(bases[1].resolved == "alpine:")
        #expect(bases[1].image == nil)
        #expect(bases[1].unresolvedReason == "ARG TAG has no default value")
        #expect(bases[2].resolved == "python")
        #expect(bases[2].image?.tag == nil)
        #expect(parsed.stages[2].base.image?.repository == "library/python")
    }

    @Test(arguments: [
        ("ARG A\nFROM ${A:-alpine:3}", "alpine:3", nil as String?),
        ("ARG A=\nFROM ${A-alpine}", "", "the reference is empty after substitution"),
        ("ARG A=\nFROM ${A:-alpine}", "alpine", nil),
        ("ARG V=3\nFROM alpine${V:+:$V}", "alpine:3", nil),
        ("ARG V\nFROM alpine${V+:x}", "alpine", nil),
        ("FROM golang:$TARGETARCH", "golang:", "TARGETARCH is set by the builder for the build platform"),
        ("FROM $NOPE", "", "NOPE is not declared as a global ARG"),
        (
            "ARG R=registry:5000\nARG N=${R}/app\nFROM $N@\(ModelTests.digest)",
            "registry:5000/app@\(ModelTests.digest)", nil
        ),
        ("ARG D\nFROM alpine@$D", "alpine@", "ARG D has no default value"),
    ])
    func substitutionOperators(_ text: String, _ resolved: String, _ reason: String?) throws {
        let base = try model(text).stages[0].base
        #expect(base.resolved == resolved)
        #expect(base.unresolvedReason == reason)
        #expect((base.image == nil) == (reason != nil))
    }

    @Test func stageReferenceThroughArg() throws {
        let parsed = try model("ARG STAGE=build\nFROM alpine:3 AS build\nFROM ${STAGE}\n")
        #expect(parsed.stages[1].base.stage == 0)
    }

    @Test func d9RegistryPortIsNotATag() throws {
        let image = try #require(try model("FROM registry.example.com:5000/team/app\n").stages[0].base.image)
        #expect(image.registry == "registry.example.com:5000")
        #expect(image.tag == nil)
    }

    @Test func d10Digests() throws {
        let parsed = try model(
            "FROM alpine@\(Self.digest)\nFROM alpine:3.19@\(Self.digest)\nFROM alpine@sha256:bad\n")
        #expect(parsed.stages.map { $0.base.image?.digest != nil } == [true, true, true])
        #expect(parsed.stages.map { $0.base.image?.isDigestValid } == [true, true, false])
        #expect(parsed.stages[1].base.image?.tag == "3.19")
    }

    @Test func d11CopyFromImagesAndMounts() throws {
        let parsed = try model(
            """
            # syntax=docker/dockerfile:1.7
            FROM alpine:3.19 AS base
            FROM base
            COPY --from=nginx:latest /etc/nginx/nginx.conf /etc/nginx/
            COPY --from=busybox /bin/busybox /bin/
            COPY --from=BASE /a /b
            COPY --from=0 /a /b
            RUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=golang:1.22,target=/go echo
            RUN --mount=type=bind,from=base,target=/x echo
            RUN --mount==,=x,from echo
            """)
        let refs = parsed.imageReferences
        #expect(refs.map(\.origin) == [.syntaxDirective, .from, .copyFrom, .copyFrom, .runMount])
        #expect(refs.map(\.line) == [1, 2, 4, 5, 8])
        #expect(refs[0].image?.repository == "docker/dockerfile")
        #expect(refs[0].stage == nil)
        #expect(refs[2].image?.tag == "latest")
        #expect(refs[3].image?.tag == nil)
        #expect(refs[4].image?.repository == "library/golang")
    }

    @Test func d12UserDoesNotCrossFromImage() throws {
        let parsed = try model(
            """
            FROM node:20.11.1 AS build
            USER node
            RUN npm ci
            FROM node:20.11.1-slim
            COPY --from=build /home/node/app /app
            CMD ["node", "/app/index.js"]
            """)
        #expect(parsed.stages[0].user?.user == "node")
        #expect(parsed.finalStage.user == nil)
    }

    @Test func userIsInheritedThroughStageReference() throws {
        let parsed = try model("FROM alpine:3 AS base\nUSER app:staff\nFROM base AS mid\nFROM mid\nRUN id\n")
        let user = try #require(parsed.finalStage.user)
        #expect(user.user == "app")
        #expect(user.group == "staff")
        #expect(user.fromStage == 0)
        #expect(user.line == 2)
    }

    @Test(arguments: [
        ("USER root:root", "root", "root" as String?, nil as String?),
        ("USER 0", "0", nil, nil),
        ("USER 0:0", "0", "0", nil),
        ("ARG UID=0\nUSER ${UID}", "0", nil, nil),
        ("ARG UID\nUSER ${UID}", "", nil, "ARG UID has no default value"),
        ("USER $NOPE", "", nil, "NOPE is not declared in this stage"),
        ("ENV APP_USER=svc\nUSER ${APP_USER}:${GID:-100}", "svc", "100", nil),
        ("USER 1000\nRUN x\nUSER root", "root", nil, nil),
        ("USER 1001:0", "1001", "0", nil),
    ])
    func d13ToD16RootForms(_ body: String, _ user: String, _ group: String?, _ reason: String?) throws {
        let effective = try #require(try model("FROM alpine:3.19\n\(body)\n").finalStage.user)
        #expect(effective.user == user)
        #expect(effective.group == group)
        #expect(effective.unresolvedReason == reason)
    }

    @Test func globalArgVisibleInStageOnlyWhenRedeclared() throws {
        let without = try #require(try model("ARG UID=0\nFROM alpine:3\nUSER $UID\n").finalStage.user)
        #expect(
            without.unresolvedReason
                == "UID is not declared in this stage (it is a global ARG, which a stage sees only after ARG UID)"
        )
        let with = try #require(try model("ARG UID=0\nFROM alpine:3\nARG UID\nUSER $UID\n").finalStage.user)
        #expect(with.resolved == "0")
        #expect(with.unresolvedReason == nil)
    }

    @Test func envIsInheritedThroughStageReference() throws {
        let parsed = try model("FROM alpine:3 AS base\nENV U=app\nFROM base\nUSER $U\n")
        #expect(parsed.finalStage.user?.resolved == "app")
    }

    @Test func targetSelectsTheFinalStage() throws {
        let text = "FROM alpine:3 AS Build\nFROM alpine:3 AS test\nFROM alpine:3\n"
        #expect(try model(text).finalStageIndex == 2)
        #expect(try model(text, target: "build").finalStageIndex == 0)
        #expect(try model(text, target: "1").finalStageIndex == 1)
        #expect(throws: DockerfileError.self) { try model(text, target: "missing") }
    }

    @Test(arguments: [
        ("# only a comment\n", "Dockerfile: no FROM instruction"),
        ("RUN echo\nFROM a\n", "Dockerfile:1: no build stage in current context: RUN before the first FROM"),
        ("FROM a\nFOO bar\n", "Dockerfile:2: unknown instruction: FOO"),
        (
            "FROM a AS 1st\n",
            "Dockerfile:1: invalid name for build stage: \"1st\", name can't start with a number or contain symbols"
        ),
        ("FROM a AS x\nFROM b AS X\n", "Dockerfile:2: duplicate stage name \"x\""),
        ("FROM a b\n", "Dockerfile:1: FROM requires either one or three arguments"),
        (
            "FROM a\nCOPY x\n",
            "Dockerfile:2: COPY requires at least two arguments, but only one was provided. Destination could not be determined."
        ),
        ("FROM a\nSHELL bash -c\n", "Dockerfile:2: SHELL requires the arguments to be in JSON form"),
        ("FROM a\nONBUILD FROM b\n", "Dockerfile:2: FROM isn't allowed as an ONBUILD trigger"),
        ("FROM a\nHEALTHCHECK BOGUS x\n", "Dockerfile:2: Unknown type \"BOGUS\" in HEALTHCHECK (try CMD)"),
    ])
    func rejectsWhatBuildKitRejects(_ text: String, _ message: String) {
        #expect {
            try model(text)
        } throws: { error in
            (error as? DockerfileError)?.description == message
        }
    }

    @Test func argsBeforeFromAreAllowed() throws {
        let parsed = try model("# c\nARG A=1\nARG B\nFROM a:$A\n")
        #expect(parsed.stages[0].base.resolved == "a:1")
        #expect(parsed.instructionStages == [nil, nil, 0])
    }

    @Test func documentShape() throws {
        let parsed = try model(
            "# syntax=docker/dockerfile:1\nARG V=3.19\nFROM --platform=linux/amd64 alpine:$V AS base\nUSER 1000:0\n"
                + "RUN <<EOF\necho\nEOF\nONBUILD RUN x\n")
        let data = try JSONEncoder().encode(parsed)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(document.keys).isSuperset(of: [
                "directives", "global_args", "stages", "instructions", "image_refs",
            ]))
        let stage = try #require((document["stages"] as? [[String: Any]])?.first)
        #expect(stage["name"] as? String == "base")
        #expect(stage["platform"] as? String == "linux/amd64")
        #expect(stage["instructions"] as? [Int] == [1, 2, 3, 4])
        let base = try #require(stage["base"] as? [String: Any])
        #expect(base["resolved"] as? String == "alpine:3.19")
        #expect(base["stage"] is NSNull)
        let image = try #require(base["image"] as? [String: Any])
        #expect(image["registry"] as? String == "docker.io")
        #expect(image["digest_valid"] as? Bool == false)
        let user = try #require(stage["user"] as? [String: Any])
        #expect(user["group"] as? String == "0")
        #expect(user["from_stage"] is NSNull)
        let instructions = try #require(document["instructions"] as? [[String: Any]])
        #expect(instructions.map { $0["keyword"] as? String } == ["ARG", "FROM", "USER", "RUN", "ONBUILD"])
        #expect(instructions[0]["stage"] is NSNull)
        #expect(
            instructions[1]["flags"] as? [[String: String]] == [["name": "platform", "value": "linux/amd64"]])
        #expect(instructions[3]["form"] as? String == "shell")
        #expect(instructions[3]["end_line"] as? Int == 7)
        #expect((instructions[3]["heredocs"] as? [[String: Any]])?.first?["body"] as? String == "echo\n")
        #expect((instructions[4]["onbuild"] as? [String: Any])?["keyword"] as? String == "RUN")
        #expect(instructions[4]["form"] is NSNull)
        let refs = try #require(document["image_refs"] as? [[String: Any]])
        #expect(refs.map { $0["origin"] as? String } == ["syntax", "from"])
    }
}
