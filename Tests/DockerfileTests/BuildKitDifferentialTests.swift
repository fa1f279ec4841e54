import Foundation
import TestMaterial
import Testing

@testable import Dockerfile

/// Compares our syntax tree with BuildKit's own parser (the `dockerfile` PyPI package) over
/// the corpus: keyword, first line, last line and flags of every instruction.
@Suite struct BuildKitDifferentialTests {
    struct OracleInstruction: Equatable {
        let keyword: String
        let startLine: Int
        let endLine: Int
        let flags: [String]

        var summary: String { "\(keyword) \(startLine)-\(endLine) \(flags)" }
    }

    /// Runs scripts/buildkit-parse.py; nil with a message when python3 or the package is missing.
    static func runOracle(on files: [URL]) throws -> (result: [String: Any]?, problem: String?) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = TestMaterial.repositoryRoot.appendingPathComponent("scripts/buildkit-parse.py").path
        process.arguments = ["python3", script] + files.map(\.path)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return (
                nil,
                "BuildKit oracle unavailable (exit \(process.terminationStatus)): \(errorText)"
                    + " -- install it with `pip install dockerfile`"
            )
        }
        let object = try JSONSerialization.jsonObject(with: data)
        return (object as? [String: Any], nil)
    }

    static func ours(_ url: URL) -> [OracleInstruction]? {
        guard let bytes = try? TestMaterial.bytes(url),
            let tree = try? SyntaxTree.parse(bytes: bytes, path: url.lastPathComponent)
        else { return nil }
        return tree.instructions.map {
            OracleInstruction(
                keyword: $0.keyword, startLine: $0.line, endLine: $0.endLine, flags: $0.flags.map(\.text))
        }
    }

    static func theirs(_ entry: Any?) -> [OracleInstruction]? {
        guard let entry = entry as? [String: Any], entry["ok"] as? Bool == true,
            let list = entry["instructions"] as? [[String: Any]]
        else { return nil }
        return list.map {
            OracleInstruction(
                keyword: $0["keyword"] as? String ?? "", startLine: $0["start_line"] as? Int ?? -1,
                endLine: $0["end_line"] as? Int ?? -1, flags: $0["flags"] as? [String] ?? [])
        }
    }

    @Test(.requiresDockerfileCorpus, .requiresBuildKitParser)
    func agreesWithBuildKitOnTheCorpus() throws {
        let files = TestMaterial.dockerfiles
        let (oracle, problem) = try Self.runOracle(on: files)
        guard let oracle else {
            Issue.record("LOUD FAILURE: \(problem ?? "no output") -- the differential test cannot run")
            return
        }
        var total = 0
        var agreed = 0
        var disagreements: [String] = []
        for file in files {
            let name = file.lastPathComponent
            let mine = Self.ours(file)
            let reference = Self.theirs(oracle[file.path])
            switch (mine, reference) {
            case (nil, nil): continue
            case (let mine?, nil) where mine.isEmpty:
                // BuildKit's parser says "file with no instructions"; our syntax tree is empty and
                // the model rejects the file with "no FROM instruction". Nothing to compare.
                continue
            case (let mine?, nil):
                total += mine.count
                disagreements.append("\(name): BuildKit rejects, we parse \(mine.count) instructions")
            case (nil, let reference?):
                total += reference.count
                disagreements.append("\(name): we reject, BuildKit parses \(reference.count) instructions")
            case (let mine?, let reference?):
                let count = max(mine.count, reference.count)
                total += count
                for index in 0..<count {
                    let left = index < mine.count ? mine[index] : nil
                    let right = index < reference.count ? reference[index] : nil
                    if left == right {
                        agreed += 1
                    } else {
                        disagreements.append(
                            "\(name) #\(index): ours \(left?.summary ?? "-") buildkit \(right?.summary ?? "-")"
                        )
                    }
                }
            }
        }
        for line in disagreements { print("disagreement: \(line)") }
        let ratio = total == 0 ? 0 : Double(agreed) / Double(total)
        print("BuildKit differential: \(agreed)/\(total) instructions agree (\(ratio * 100)%)")
        #expect(total > 3000)
        #expect(ratio >= 0.995, "agreement \(ratio) below 99.5%")
    }
}
