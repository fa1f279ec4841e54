import Foundation
import TestMaterial

/// The real Dockerfiles of `../shared/corpus/dockerfile`, read for shell-parser tests.
enum ShellCorpus {
    /// The corpus Dockerfiles, by file name.
    static func files() -> [(name: String, text: String)] {
        TestMaterial.dockerfiles.compactMap { url in
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return (url.lastPathComponent, String(decoding: data, as: UTF8.self))
        }
    }

    /// The shell-form `RUN` texts of every corpus Dockerfile.
    static func runTexts() -> [String] {
        files().flatMap { runTexts(in: $0.text) }
    }

    /// The shell-form `RUN` texts of a Dockerfile, read just well enough for these tests:
    /// `\` continuations are kept (the shell parser joins them), comment lines inside a
    /// continued instruction are dropped, `--flag` options and exec (JSON) forms are skipped.
    static func runTexts(in dockerfile: String) -> [String] {
        var runs: [String] = []
        var current: [Substring]?
        for line in dockerfile.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if var lines = current {
                if trimmed.hasPrefix("#") { continue }
                lines.append(line)
                current = continues(line) ? lines : nil
                if current == nil { runs.append(lines.joined(separator: "\n")) }
                continue
            }
            guard trimmed.uppercased().hasPrefix("RUN ") else { continue }
            var body = trimmed.dropFirst(4).drop { $0 == " " }
            while body.hasPrefix("--") {
                body = body.drop { $0 != " " }.drop { $0 == " " }
            }
            if body.hasPrefix("[") { continue }
            if continues(line) { current = [body] } else { runs.append(String(body)) }
        }
        if let lines = current { runs.append(lines.joined(separator: "\n")) }
        return runs
    }

    private static func continues(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: .whitespaces).hasSuffix("\\")
    }
}
