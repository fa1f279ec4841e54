/// Standard base64 (RFC 4648 §4) decoding, for attributes the AWS provider stores encoded
/// (`user_data_base64`, `aws_launch_template.user_data`) and PowerShell's `-EncodedCommand`; no
/// Foundation dependency.
public enum Base64 {
    /// The decoded bytes as UTF-8 text, or nil.
    ///
    /// Nil when the input is not padded base64 or the bytes are not valid UTF-8. Line breaks and
    /// spaces between groups are ignored, as MIME allows.
    public static func decodedText(_ text: String) -> String? {
        guard let bytes = decoded(text) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The decoded bytes; nil when the input is not padded base64.
    public static func decoded(_ text: String) -> [UInt8]? {
        var sextets: [UInt8] = []
        var padding = 0
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "="):
                padding += 1
                continue
            default: break
            }
            guard padding == 0, let value = sextet(byte) else { return nil }
            sextets.append(value)
        }
        guard (sextets.count + padding) % 4 == 0, padding <= 2 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(sextets.count * 3 / 4)
        var index = 0
        while index + 4 <= sextets.count {
            let chunk = sextets[index..<index + 4].reduce(UInt32(0)) { $0 << 6 | UInt32($1) }
            output += [UInt8(chunk >> 16 & 0xFF), UInt8(chunk >> 8 & 0xFF), UInt8(chunk & 0xFF)]
            index += 4
        }
        let rest = sextets.count - index
        switch rest {
        case 0: break
        case 2:
            let chunk = UInt32(sextets[index]) << 6 | UInt32(sextets[index + 1])
            guard chunk & 0xF == 0 else { return nil }
            output.append(UInt8(chunk >> 4))
        case 3:
            let chunk =
                (UInt32(sextets[index]) << 12) | (UInt32(sextets[index + 1]) << 6)
                | UInt32(sextets[index + 2])
            guard chunk & 0x3 == 0 else { return nil }
            output += [UInt8(chunk >> 10 & 0xFF), UInt8(chunk >> 2 & 0xFF)]
        default: return nil
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
