import Foundation
import Testing

/// A committed expected output under `Tests/ReportersTests/Golden/`, compared byte for byte.
///
/// With `PALISADE_UPDATE_GOLDEN=1` in the environment the file is rewritten instead, so that
/// an intended change to a format is one command and a reviewable diff.
struct GoldenFile {
    /// The environment variable that rewrites golden files.
    static let updateVariable = "PALISADE_UPDATE_GOLDEN"

    /// The file name inside the Golden folder.
    let name: String

    var relativePath: String { TestPaths.targetFolder + "/Golden/" + name }

    static var isUpdating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    /// Records an issue with a line diff when `actual` differs from the committed file.
    func verify(_ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = TestPaths.absolute(relativePath)
        if Self.isUpdating {
            do {
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not rewrite \(relativePath): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record(
                "\(relativePath) is missing; run with \(Self.updateVariable)=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let diff = LineDiff.render(expected: expected, actual: actual)
        Issue.record(
            """
            output differs from \(relativePath) (- golden, + actual; ESC shown as ␛):
            \(diff)
            If the change is intended, run `\(Self.updateVariable)=1 swift test --filter ReportersTests` \
            and review the diff of the golden files.
            """,
            sourceLocation: sourceLocation)
    }
}
