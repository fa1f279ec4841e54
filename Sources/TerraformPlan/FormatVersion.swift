/// A plan's `format_version`, such as `0.1`, `0.2` or `1.2`.
///
/// Terraform raises the minor version for additions only, so any 0.x or 1.x is read (unknown
/// keys are ignored); another major version is rejected.
public struct FormatVersion: Sendable, Hashable, CustomStringConvertible {
    /// The major version.
    public let major: Int
    /// The minor version.
    public let minor: Int

    /// The major versions this reader understands.
    public static let supportedMajorVersions: ClosedRange<Int> = 0...1

    /// Parses `MAJOR.MINOR` (a patch part is ignored); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0
        else { return nil }
        self.major = major
        self.minor = minor
    }

    /// True when this reader understands the version.
    public var isSupported: Bool { Self.supportedMajorVersions.contains(major) }

    /// `MAJOR.MINOR`.
    public var description: String { "\(major).\(minor)" }
}
