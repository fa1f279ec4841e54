import Foundation

/// A directory of its own under the system's temporary directory, removed when released: a
/// plan copied there is judged without the configuration beside it.
final class ScratchDirectory {
    let url: URL
    var path: String { url.path }

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-\(label)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Copies the file at `source` into the directory as `name` and returns the copy's path.
    func copy(_ source: String, as name: String) throws -> String {
        let copy = url.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        return copy
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
