/// How the locator reads the configuration: directory listings and file contents.
///
/// The locator does no I/O of its own, so it stays free of Foundation and tests can hand it
/// files from memory.
public protocol ConfigurationFiles: Sendable {
    /// The names of the entries of `directory`, or nil when it is not a readable directory.
    func entries(of directory: String) -> [String]?
    /// The bytes of `path`, or nil when it is not a readable file.
    func contents(of path: String) -> [UInt8]?
}

/// Joins and normalises slash-separated paths without touching the file system.
enum ConfigurationPath {
    /// `base` joined with `relative` (unless `relative` is absolute), with `.` and `..` resolved
    /// where they can be.
    static func join(_ base: String, _ relative: String) -> String {
        let combined = relative.hasPrefix("/") ? relative : (base.isEmpty ? relative : base + "/" + relative)
        var parts: [Substring] = []
        for part in combined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if combined.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
