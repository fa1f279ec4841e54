import Foundation
import TestMaterial
import Testing

@testable import Dockerfile

/// Every corpus Dockerfile parses into a model or is rejected with a one-line error.
@Suite struct CorpusTests {
    /// Files BuildKit rejects too, by name, with the message we give.
    static let expectedRejects: [String: String] = [
        "bridgecrewio__checkov__tests__dockerfile__checks__example_AliasIsUnique__failure__Dockerfile.Dockerfile":
            "duplicate stage name \"build\"",
        "bridgecrewio__checkov__tests__dockerfile__checks__example_UpdateNotAlone__failure__Dockerfile.Dockerfile":
            "unknown instruction: ~",
        "bridgecrewio__checkov__tests__secrets__resources__file_type__Dockerfile.Dockerfile":
            "unknown instruction: ~",
        "hadolint__language-docker__test__fixtures__6.Dockerfile": "no FROM instruction",
        "moby__buildkit__frontend__dockerfile__parser__testfiles-negative__env_no_value__Dockerfile.Dockerfile":
            "ENV must have two arguments",
        "moby__buildkit__frontend__dockerfile__parser__testfiles-negative__only_comments__Dockerfile.Dockerfile":
            "no FROM instruction",
        "moby__buildkit__frontend__dockerfile__parser__testfiles-negative__shykes-nested-json__Dockerfile.Dockerfile":
            InstructionParser.nonStringArrayMessage,
        "moby__buildkit__frontend__dockerfile__parser__testfiles__health__Dockerfile.Dockerfile":
            "HEALTHCHECK requires at least one argument",
        "moby__buildkit__frontend__dockerfile__parser__testfiles__jeztah-invalid-json-json-inside-string-double__Dockerfile.Dockerfile":
            "no FROM instruction",
        "moby__buildkit__frontend__dockerfile__parser__testfiles__jeztah-invalid-json-json-inside-string__Dockerfile.Dockerfile":
            "no FROM instruction",
        "moby__buildkit__frontend__dockerfile__parser__testfiles__jeztah-invalid-json-single-quotes__Dockerfile.Dockerfile":
            "no FROM instruction",
        "moby__buildkit__frontend__dockerfile__parser__testfiles__jeztah-invalid-json-unterminated-bracket__Dockerfile.Dockerfile":
            "no FROM instruction",
        "moby__buildkit__frontend__dockerfile__parser__testfiles__jeztah-invalid-json-unterminated-string__Dockerfile.Dockerfile":
            "no FROM instruction",
        "moby__buildkit__frontend__dockerfile__parser__testfiles__json__Dockerfile.Dockerfile":
            "no FROM instruction",
        "ossf__scorecard__checks__raw__testdata__Dockerfile-comments.Dockerfile": "no FROM instruction",
        "ossf__scorecard__checks__raw__testdata__Dockerfile-invalid.Dockerfile": "no FROM instruction",
        "ossf__scorecard__checks__raw__testdata__Dockerfile-pinned-as-without-hash.Dockerfile":
            "duplicate stage name \"build3\"",
        "ossf__scorecard__checks__raw__testdata__Dockerfile-pinned-as.Dockerfile":
            "duplicate stage name \"build3\"",
        "ossf__scorecard__checks__raw__testdata__Dockerfile-pkg-managers.Dockerfile": "no FROM instruction",
        "ossf__scorecard__checks__raw__testdata__Dockerfile-proc-subs.Dockerfile": "unknown instruction: [{1",
        "ossf__scorecard__checks__raw__testdata__Dockerfile-some-python.Dockerfile": "no FROM instruction",
        "ossf__scorecard__checks__testdata__Dockerfile-pinned-without-hash.Dockerfile":
            "no build stage in current context: RUN before the first FROM",
    ]

    @Test(.requiresDockerfileCorpus)
    func everyFileParsesOrIsRejectedWithOneLine() throws {
        let files = TestMaterial.dockerfiles
        var parsed = 0
        var rejected: [String: String] = [:]
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for file in files {
                let name = file.lastPathComponent
                let bytes = try TestMaterial.bytes(file)
                do {
                    let model = try DockerfileModel.parse(bytes: bytes, path: name)
                    #expect(!model.stages.isEmpty, "\(name)")
                    parsed += 1
                } catch let error as DockerfileError {
                    #expect(!error.description.contains("\n"), "multi-line error for \(name)")
                    #expect(error.description.hasPrefix(name + ":"))
                    rejected[name] = error.message
                } catch {
                    Issue.record("untyped error for \(name): \(error)")
                }
            }
        }
        print("corpus: \(parsed) parsed, \(rejected.count) rejected in \(elapsed)")
        #expect(files.count == 366)
        #expect(parsed == 344)
        #expect(rejected.count == 22)
        for (name, message) in rejected {
            #expect(Self.expectedRejects[name] == message, "unexpected reject \(name): \(message)")
        }
        #expect(Set(rejected.keys) == Set(Self.expectedRejects.keys))
    }

    @Test(.requiresDockerfileCorpus)
    func everyParsedFileEncodesToJSON() throws {
        let encoder = JSONEncoder()
        for file in TestMaterial.dockerfiles {
            guard
                let model = try? DockerfileModel.parse(
                    bytes: try TestMaterial.bytes(file), path: file.lastPathComponent)
            else { continue }
            let data = try encoder.encode(model)
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object?["stages"] as? [Any] != nil, "\(file.lastPathComponent)")
        }
    }
}
