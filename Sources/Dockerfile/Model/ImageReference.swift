/// A container image reference split into registry, repository, tag and digest.
///
/// As Docker reads a reference: the first path part is a registry host only when it contains `.` or
/// `:` or is `localhost` (otherwise the host is `docker.io`, and a one-part name gets
/// `library/`); the tag is the text after the last `:` that follows the last `/` (so a registry
/// port is not a tag); the digest is the text after `@`. `name:tag@digest` keeps both.
public struct ImageReference: Sendable, Hashable {
    /// The registry host, with port when given (`docker.io` when implicit).
    public let registry: String
    /// The repository path (`library/alpine`, `team/app`).
    public let repository: String
    /// The tag, or nil when there is none.
    public let tag: String?
    /// The digest as written (`sha256:...`), or nil when there is none.
    public let digest: String?

    /// The Docker Hub host that implicit references resolve to.
    public static let defaultRegistry = "docker.io"

    /// Whether the digest is `sha256:` followed by exactly 64 lower-case hex digits.
    public var isDigestValid: Bool {
        guard let digest, digest.hasPrefix("sha256:") else { return false }
        let hex = digest.utf8.dropFirst(7)
        return hex.count == 64
            && hex.allSatisfy {
                ByteClass.isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
            }
    }

    /// The reference written out in full: `registry/repository[:tag][@digest]`.
    public var canonical: String {
        var text = "\(registry)/\(repository)"
        if let tag { text += ":\(tag)" }
        if let digest { text += "@\(digest)" }
        return text
    }

    /// True when `text` has a `$` or white space; Unicode properties are consulted only for
    /// non-ASCII text, which image references almost never contain.
    private static func containsDollarOrSpace(_ text: String) -> Bool {
        var isASCII = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "$") || byte == 0x20 || (0x09...0x0D).contains(byte) { return true }
            if byte >= 0x80 { isASCII = false }
        }
        return !isASCII && text.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// Parses `text`; nil when it is not a reference at all: empty, containing white space or
    /// a `$`, an empty path part, or ending in `:` or `@` (an empty tag or digest).
    public static func parse(_ text: String) -> ImageReference? {
        guard !text.isEmpty, !containsDollarOrSpace(text) else { return nil }
        var name = Substring(text)
        var digest: String?
        if let at = name.firstIndex(of: "@") {
            let digestText = name[name.index(after: at)...]
            guard !digestText.isEmpty else { return nil }
            digest = String(digestText)
            name = name[..<at]
        }
        var tag: String?
        let lastSlash = name.lastIndex(of: "/")
        let lastPart = lastSlash.map { name[name.index(after: $0)...] } ?? name
        if let colon = lastPart.lastIndex(of: ":") {
            let tagText = lastPart[lastPart.index(after: colon)...]
            guard !tagText.isEmpty else { return nil }
            tag = String(tagText)
            name = name[..<colon]
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else { return nil }
        var registry = defaultRegistry
        var repositoryParts = parts[...]
        if parts.count > 1, let first = parts.first,
            first.contains(".") || first.contains(":") || first == "localhost"
        {
            registry = first == "index.docker.io" ? defaultRegistry : String(first)
            repositoryParts = parts.dropFirst()
        }
        var repository = repositoryParts.joined(separator: "/")
        if registry == defaultRegistry, repositoryParts.count == 1 { repository = "library/" + repository }
        return ImageReference(registry: registry, repository: repository, tag: tag, digest: digest)
    }
}
