import Foundation
import Testing

@testable import PalisadeCore

@Suite("Input discovery")
struct InputDiscoveryTests {
    /// A fresh folder under the temporary directory, removed when the test ends.
    final class Folder {
        let path: String
        init() throws {
            path = NSTemporaryDirectory() + "palisade-discovery-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ relative: String, _ text: String = "FROM debian:12\n") throws {
            let full = path + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    private func found(_ folder: Folder, excludes: [String] = []) -> [String] {
        let (inputs, errors) = InputDiscovery.discover([folder.path], excludes: excludes)
        #expect(errors.isEmpty, "\(errors)")
        return inputs.map(\.relativePath)
    }

    @Test("Dockerfiles are recognised by every common name, in any letter case")
    func dockerfileNames() {
        for name in [
            "Dockerfile", "dockerfile", "Dockerfile.prod", "Dockerfile-alpine", "api.Dockerfile",
            "api.dockerfile",
            "Containerfile", "Containerfile.dev", "DOCKERFILE",
        ] {
            #expect(DockerfileKind.isCandidate(fileName: name), "\(name)")
        }
        for name in [
            "Dockerfile.dockerignore", ".dockerignore", "README.md", "docker-compose.yml", "Makefile",
        ] {
            #expect(!DockerfileKind.isCandidate(fileName: name), "\(name)")
        }
    }

    @Test("A symbolic link back to a parent folder does not make a file be scanned twice")
    func symlinkLoop() throws {
        let folder = try Folder()
        try folder.write("app/Dockerfile")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/app/loop", withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/app/linked.Dockerfile",
            withDestinationPath: folder.path + "/app/Dockerfile")
        #expect(found(folder) == ["app/Dockerfile", "app/linked.Dockerfile"])
    }

    @Test("Hidden folders, node_modules, vendor and rule fixtures are skipped; named files never are")
    func skippedFolders() throws {
        let folder = try Folder()
        try folder.write("Dockerfile")
        for skipped in [
            ".git/Dockerfile", ".terraform/modules/x/Dockerfile", "node_modules/pkg/Dockerfile",
            "vendor/lib/Dockerfile",
            "policies/DF001/fixtures/fail/Dockerfile",
        ] {
            try folder.write(skipped)
        }
        try folder.write("policies/DF001/rule.yaml", "id: DF001\n")
        // A folder named fixtures that is not in a rule folder is scanned.
        try folder.write("test/fixtures/Dockerfile")
        #expect(found(folder) == ["Dockerfile", "test/fixtures/Dockerfile"])
        let named = folder.path + "/node_modules/pkg/Dockerfile"
        #expect(InputDiscovery.discover([named]).inputs.map(\.path) == [named])
    }

    @Test("--exclude globs match paths relative to the folder named, and file names")
    func excludes() throws {
        let folder = try Folder()
        for file in [
            "Dockerfile", "services/api/Dockerfile", "services/web/Dockerfile", "legacy/old.Dockerfile",
        ] {
            try folder.write(file)
        }
        #expect(
            found(folder, excludes: ["services/web"]) == [
                "Dockerfile", "legacy/old.Dockerfile", "services/api/Dockerfile",
            ])
        #expect(found(folder, excludes: ["*.Dockerfile", "services/*/Dockerfile"]) == ["Dockerfile"])
    }
}
