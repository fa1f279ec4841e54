import Foundation
import Testing

/// Runs a real consumer of a report format written in Python (jsonschema, xmlschema,
/// junitparser, sarif-tools) on a rendered report.
///
/// Suites that need one are enabled when its modules import, and always when `CI=true`: in CI a
/// missing package must fail the tests (`scripts/run test` installs them), never skip them.
enum PythonOracle {
    /// True when CI=true is set.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// True when every module imports, or in CI (where their absence is a failure).
    static func enabled(_ modules: [String]) -> Bool {
        isCI || imports(modules)
    }

    /// True when python3 can import every module.
    static func imports(_ modules: [String]) -> Bool {
        run(["-c", modules.map { "import " + $0 }.joined(separator: "; ")], files: [])?.status == 0
    }

    /// Runs `script` with the paths of temporary files holding `files` as argv[1...], and
    /// returns its exit status and combined output, or nil when python3 could not start.
    static func run(_ arguments: [String], files: [String]) -> (status: Int32, output: String)? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-oracle-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, text) in files.enumerated() {
            let path = folder.appendingPathComponent("input\(index)").path
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { return nil }
            paths.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments + paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs `script` on `files` and records an issue with its output unless it exits 0; returns
    /// its output (what the script printed) either way.
    @discardableResult
    static func check(
        _ script: String, files: [String], arguments: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        guard let result = run(["-c", script] + arguments, files: files) else {
            Issue.record("python3 could not be started", sourceLocation: sourceLocation)
            return ""
        }
        if result.status != 0 {
            Issue.record(
                "the Python consumer rejected the report:\n\(result.output)", sourceLocation: sourceLocation)
        }
        return result.output
    }
}
