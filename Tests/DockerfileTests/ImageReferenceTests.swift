import Testing

@testable import Dockerfile

@Suite struct ImageReferenceTests {
    static let digest = "sha256:" + String(repeating: "0123456789abcdef", count: 4)

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let registry: String
        let repository: String
        let tag: String?
        let digest: String?
        let digestValid: Bool
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(
            text: "alpine", registry: "docker.io", repository: "library/alpine", tag: nil, digest: nil,
            digestValid: false),
        Case(
            text: "alpine:3.19", registry: "docker.io", repository: "library/alpine", tag: "3.19",
            digest: nil, digestValid: false),
        Case(
            text: "bitnami/redis:7", registry: "docker.io", repository: "bitnami/redis", tag: "7",
            digest: nil, digestValid: false),
        Case(
            text: "docker.io/nginx", registry: "docker.io", repository: "library/nginx", tag: nil,
            digest: nil, digestValid: false),
        Case(
            text: "index.docker.io/library/nginx:1", registry: "docker.io", repository: "library/nginx",
            tag: "1", digest: nil, digestValid: false),
        Case(
            text: "registry.example.com:5000/team/app", registry: "registry.example.com:5000",
            repository: "team/app", tag: nil, digest: nil, digestValid: false),
        Case(
            text: "registry.example.com:5000/team/app:2.1", registry: "registry.example.com:5000",
            repository: "team/app", tag: "2.1", digest: nil, digestValid: false),
        Case(
            text: "localhost/app", registry: "localhost", repository: "app", tag: nil, digest: nil,
            digestValid: false),
        Case(
            text: "localhost:5000/app:dev", registry: "localhost:5000", repository: "app", tag: "dev",
            digest: nil, digestValid: false),
        Case(
            text: "gcr.io/distroless/static-debian12:nonroot", registry: "gcr.io",
            repository: "distroless/static-debian12", tag: "nonroot", digest: nil, digestValid: false),
        Case(
            text: "alpine@\(digest)", registry: "docker.io", repository: "library/alpine", tag: nil,
            digest: digest, digestValid: true),
        Case(
            text: "alpine:3.19@\(digest)", registry: "docker.io", repository: "library/alpine", tag: "3.19",
            digest: digest, digestValid: true),
        Case(
            text: "alpine@sha256:abc", registry: "docker.io", repository: "library/alpine", tag: nil,
            digest: "sha256:abc", digestValid: false),
        Case(
            text: "alpine@sha256:" + String(repeating: "A", count: 64), registry: "docker.io",
            repository: "library/alpine", tag: nil, digest: "sha256:" + String(repeating: "A", count: 64),
            digestValid: false),
        Case(
            text: "alpine@sha512:" + String(repeating: "a", count: 128), registry: "docker.io",
            repository: "library/alpine", tag: nil, digest: "sha512:" + String(repeating: "a", count: 128),
            digestValid: false),
        Case(
            text: "localhost:5000", registry: "docker.io", repository: "library/localhost", tag: "5000",
            digest: nil, digestValid: false),
    ]

    @Test(arguments: cases)
    func parses(_ example: Case) throws {
        let reference = try #require(ImageReference.parse(example.text))
        #expect(reference.registry == example.registry)
        #expect(reference.repository == example.repository)
        #expect(reference.tag == example.tag)
        #expect(reference.digest == example.digest)
        #expect(reference.isDigestValid == example.digestValid)
    }

    @Test(arguments: ["", "alpine:", "alpine@", "a b", "$IMG", "/alpine", "team//app", "team/app/"])
    func rejectsNonReferences(_ text: String) {
        #expect(ImageReference.parse(text) == nil)
    }

    @Test func canonicalFormWritesEveryPart() throws {
        let reference = try #require(ImageReference.parse("alpine:3.19@\(Self.digest)"))
        #expect(reference.canonical == "docker.io/library/alpine:3.19@\(Self.digest)")
    }
}
