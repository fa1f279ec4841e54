import Foundation
import TestMaterial

/// Paths in the repository: its root and the built binary.
enum RepositoryPaths {
    /// The repository root.
    static let root = TestMaterial.repositoryRoot.path

    /// The debug `palisade` binary; the test target depends on the executable, so it is built.
    static let binary = root + "/.build/debug/palisade"

    /// `examples/` in the repository.
    static let examples = root + "/examples"
}

/// What one run of the binary did.
struct CLIResult: Sendable {
    /// The exit status, or the signal number when `crashed`.
    let status: Int32
    /// True when the process died of a signal (a crash, never acceptable).
    let crashed: Bool
    /// Standard output.
    let standardOutput: String
    /// Standard error.
    let standardError: String

    /// The non-empty lines of standard error.
    var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }
}

/// Runs the built `palisade` binary as a child process.
enum CLI {
    /// Runs `palisade arguments...` in `directory` with `input` on standard input and the given
    /// environment additions (NO_COLOR is removed unless given, so tests start from a known state).
    static func run(
        _ arguments: [String], in directory: String? = nil, input: [UInt8] = [],
        environment: [String: String] = [:]
    ) throws -> CLIResult {
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path + "/stdout"
        let errPath = scratch.path + "/stderr"
        let inPath = scratch.path + "/stdin"
        // Files rather than pipes: a large report cannot fill a pipe buffer and stall the child.
        try Data().write(to: URL(fileURLWithPath: outPath))
        try Data().write(to: URL(fileURLWithPath: errPath))
        try Data(input).write(to: URL(fileURLWithPath: inPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let inHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        try inHandle.close()
        return CLIResult(
            status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
            standardOutput: String(
                decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
            standardError: String(
                decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }
}

/// A fresh directory under the system temporary directory, removed when released.
final class TemporaryDirectory: Sendable {
    /// The directory's path.
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "palisade-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` inside the directory (creating parent folders) and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes text to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
