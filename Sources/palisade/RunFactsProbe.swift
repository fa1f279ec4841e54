import Foundation
import PalisadeCore
import Reporters

/// Gathers the run facts of an evidence report.
///
/// The time, the command line, the git state of the scan root and the CI run. Git runs only
/// when the scan root is inside a work tree, and only local commands (nothing reaches the
/// network).
enum RunFactsProbe {
    /// The facts of this run; a malformed `SOURCE_DATE_EPOCH` is an error.
    static func collect(scanRoot: String) throws(InputError) -> RunFacts {
        var facts = RunFacts()
        switch RunFacts.sourceDateEpoch(fromEnvironment: FileOutput.environment) {
        case .success(let seconds)?:
            facts.unixTime = seconds
            facts.timeSource = "SOURCE_DATE_EPOCH"
        case .failure(let error)?:
            throw error
        case nil:
            facts.unixTime = Int(Date().timeIntervalSince1970)
            facts.timeSource = "clock"
        }
        var arguments = CommandLine.arguments
        // The program's own path says where it is installed, not what ran.
        if let program = arguments.first {
            arguments[0] = program.split(separator: "/").last.map(String.init) ?? program
        }
        facts.commandLine = arguments
        facts.git = git(scanRoot: scanRoot)
        facts.ci = CIRun.fromEnvironment(FileOutput.environment)
        return facts
    }

    /// The git facts of the work tree holding `scanRoot`, if any.
    static func git(scanRoot: String) -> GitFacts {
        guard isInsideWorkTree(scanRoot) else { return GitFacts(state: .notAWorkTree) }
        switch run(["rev-parse", "--is-inside-work-tree"], in: scanRoot) {
        case .missing: return GitFacts(state: .gitMissing)
        // Git refuses a repository another user owns (`safe.directory`), among other reasons.
        case .answered(nil): return GitFacts(state: .gitFailed)
        case .answered: break
        }
        let commit = run(["rev-parse", "--verify", "-q", "HEAD"], in: scanRoot).text
        return GitFacts(
            state: .workTree, commit: commit,
            branch: run(["symbolic-ref", "--short", "-q", "HEAD"], in: scanRoot).text,
            remote: run(["remote", "get-url", "origin"], in: scanRoot).text)
    }

    /// True when `directory` or a folder above it holds `.git` (a folder, or a file for a linked
    /// work tree).
    static func isInsideWorkTree(_ directory: String) -> Bool {
        var path = directory
        while true {
            if FileSystem.kind(of: path + "/.git") != .missing { return true }
            guard let slash = path.lastIndex(of: "/"), !path.isEmpty else { return false }
            if slash == path.startIndex { return FileSystem.kind(of: "/.git") != .missing }
            path = String(path[..<slash])
        }
    }

    /// What git said.
    private enum GitAnswer {
        /// No git program.
        case missing
        /// Its trimmed output; nil when it failed or printed nothing.
        case answered(String?)

        var text: String? {
            if case .answered(let text) = self { return text }
            return nil
        }
    }

    /// Runs `git arguments` in `directory`.
    private static func run(_ arguments: [String], in directory: String) -> GitAnswer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        var environment = ProcessInfo.processInfo.environment
        // Never prompt, never ask a credential helper: these commands are local.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .missing
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // `env` exits 127 when it finds no git.
        if process.terminationStatus == 127 { return .missing }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .answered(process.terminationStatus == 0 && !text.isEmpty ? text : nil)
    }
}
