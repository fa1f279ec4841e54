import Foundation

/// Asks `bash -n` whether bash accepts a script's syntax, as an oracle for the parser.
enum BashOracle {
    static let path = "/bin/bash"

    /// Whether bash is installed here.
    static let isAvailable: Bool = FileManager.default.isExecutableFile(atPath: path)

    /// Whether `bash -n -c script` exits with status 0 (syntax accepted).
    static func accepts(_ script: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-n", "-c", script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
