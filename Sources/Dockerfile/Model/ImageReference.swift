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
        // By bytes: a text whose bytes are the prefix and 64 hex digits is ASCII, where bytes and
        // characters agree, and any other text fails either way.
        guard let digest else { return false }
        return digest.utf8.withContiguousStorageIfAvailable(Self.isSHA256Digest)
            ?? Self.isSHA256Digest(Array(digest.utf8))
    }

    private static func isSHA256Digest<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        guard bytes.count == 71 else { return false }
        for offset in 0..<7 where bytes[bytes.startIndex + offset] != sha256Prefix[offset] { return false }
        return bytes.dropFirst(7).allSatisfy {
            ByteClass.isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
        }
    }

    private static let sha256Prefix = Array("sha256:".utf8)

    /// The reference written out in full: `registry/repository[:tag][@digest]`.
    public var canonical: String {
        var text = "\(registry)/\(repository)"
        if let tag { text += ":\(tag)" }
        if let digest { text += "@\(digest)" }
        return text
    }

    /// What a reference's text holds, as far as parsing cares.
    private enum TextClass {
        /// Empty, or with a `$` or white space: not a reference.
        case rejected
        /// Only ASCII: parsed byte by byte.
        case ascii
        /// Some non-ASCII scalar: parsed by ``Character``, as Swift compares and splits text.
        case other
    }

    /// How `text` is to be parsed; Unicode properties are consulted only for non-ASCII text,
    /// which image references almost never contain.
    private static func classify(_ text: String) -> TextClass {
        if text.isEmpty { return .rejected }
        var isASCII = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "$") || byte == 0x20 || (0x09...0x0D).contains(byte) { return .rejected }
            if byte >= 0x80 { isASCII = false }
        }
        if isASCII { return .ascii }
        return text.unicodeScalars.contains { $0.properties.isWhitespace } ? .rejected : .other
    }

    /// Parses `text`; nil when it is not a reference at all: empty, containing white space or
    /// a `$`, an empty path part, or ending in `:` or `@` (an empty tag or digest).
    public static func parse(_ text: String) -> ImageReference? {
        switch classify(text) {
        case .rejected: return nil
        case .ascii:
            // In ASCII text every byte is a `Character` (CR LF, the one pair that is not, is white
            // space), so a byte scan reads the reference as `parseCharacters` does, without
            // grapheme breaking and a substring per part.
            if let parsed = text.utf8.withContiguousStorageIfAvailable(parseASCII) { return parsed }
            return parseCharacters(text)
        case .other: return parseCharacters(text)
        }
    }

    /// ``parse(_:)`` for ASCII text, by byte offsets.
    private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ImageReference? {
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var end = bytes.count
        var digest: String?
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            guard at + 1 < bytes.count else { return nil }
            digest = text(at + 1..<bytes.count)
            end = at
        }
        // One pass over the name: its slashes, its last colon, whether two slashes meet, and
        // whether the first part looks like a host.
        var firstSlash: Int?
        var lastSlash: Int?
        var lastColon: Int?
        var firstPartIsHostLike = false
        var hasEmptyPart = end > 0 && bytes[0] == UInt8(ascii: "/")
        for offset in 0..<end {
            switch bytes[offset] {
            case UInt8(ascii: "/"):
                if lastSlash == offset - 1 { hasEmptyPart = true }
                if firstSlash == nil { firstSlash = offset }
                lastSlash = offset
            case UInt8(ascii: ":"):
                if firstSlash == nil { firstPartIsHostLike = true }
                lastColon = offset
            case UInt8(ascii: "."):
                if firstSlash == nil { firstPartIsHostLike = true }
            default: break
            }
        }
        var tag: String?
        var nameEnd = end
        if let lastColon, lastColon > (lastSlash ?? -1) {
            guard lastColon + 1 < end else { return nil }
            tag = text(lastColon + 1..<end)
            nameEnd = lastColon
        }
        guard nameEnd > 0, !hasEmptyPart, lastSlash != nameEnd - 1 else { return nil }
        var registry = defaultRegistry
        var repositoryStart = 0
        if let firstSlash {
            let first = UnsafeBufferPointer(rebasing: bytes[0..<firstSlash])
            if firstPartIsHostLike || first.elementsEqual("localhost".utf8) {
                if !first.elementsEqual("index.docker.io".utf8) { registry = text(0..<firstSlash) }
                repositoryStart = firstSlash + 1
            }
        }
        var repository = text(repositoryStart..<nameEnd)
        let isOnePart = lastSlash.map { $0 < repositoryStart } ?? true
        if registry == defaultRegistry, isOnePart { repository = "library/" + repository }
        return ImageReference(registry: registry, repository: repository, tag: tag, digest: digest)
    }

    /// ``parse(_:)`` by ``Character``, for text with non-ASCII scalars (and the reference the
    /// byte scan is tested against).
    static func parseCharacters(_ text: String) -> ImageReference? {
        guard classify(text) != .rejected else { return nil }
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
