import PalisadeCore

/// Where a finding is in the repository: a file relative to the scan root and, when known, its
/// lines.
///
/// Every reporter asks ``of(_:root:)`` and nothing else. A plan finding located in the `.tf`
/// source (``Location/source``) is placed on that file and line; one whose configuration was not
/// found stays on the plan file with no line: a line of a plan file would be invented, since
/// `terraform show -json` writes the plan on one line.
public struct PhysicalLocation: Sendable, Equatable {
    /// The path relative to the scan root with `/` separators, or an absolute path for a file
    /// outside it.
    public var path: String
    /// The first line (1-based), when the finding has one.
    public var startLine: Int?
    /// The last line (1-based), when the finding has one.
    public var endLine: Int?

    /// Creates a location.
    public init(path: String, startLine: Int? = nil, endLine: Int? = nil) {
        self.path = path
        self.startLine = startLine
        self.endLine = endLine
    }

    /// True when the path is relative to the scan root.
    public var isRelative: Bool { !path.hasPrefix("/") }

    /// The physical location of `finding`; nil when it was read from standard input.
    public static func of(_ finding: Finding, root: String?) -> PhysicalLocation? {
        if let source = finding.location.source, let path = relativePath(source.file, root: root) {
            return PhysicalLocation(
                path: path, startLine: source.line, endLine: max(source.endLine, source.line))
        }
        guard let path = relativePath(finding.location.file, root: root) else { return nil }
        let start = finding.location.line.flatMap { $0 >= 1 ? $0 : nil }
        let end = start.flatMap { start in finding.location.endLine.map { max($0, start) } }
        return PhysicalLocation(path: path, startLine: start, endLine: end ?? start)
    }

    /// `path` as given on the command line, made relative to `root`; nil for standard input.
    public static func relativePath(_ path: String, root: String?) -> String? {
        if path == "-" || path.isEmpty { return nil }
        var path = path
        if let root, path.hasPrefix("/") {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(prefix) { path = String(path.dropFirst(prefix.count)) }
        }
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        return path
    }
}
