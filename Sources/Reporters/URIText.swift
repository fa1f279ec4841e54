/// Percent-encoding for paths placed in URIs (SARIF artifact locations, links to code).
enum URIText {
    /// `path` with every byte outside RFC 3986's unreserved characters and `/` percent-encoded.
    static func encodedPath(_ path: String) -> String {
        encode(path, keepSlash: true)
    }

    /// One path segment: like ``encodedPath(_:)`` but `/` is encoded too.
    static func encodedPathComponent(_ text: String) -> String {
        encode(text, keepSlash: false)
    }

    private static func encode(_ text: String, keepSlash: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            let unreserved =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            if unreserved || (keepSlash && byte == 0x2F) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
