/// The named classes of the RE2 subset: Perl escapes (`\d \w \s`) and POSIX brackets (`[:alpha:]`).
///
/// Like RE2, these are ASCII-only, so `\w` never matches `é` and results do not depend on the
/// Unicode tables of the platform.
enum CharacterClasses {
    static let digit = ScalarSet(ranges: [ascii("0")...ascii("9")])
    static let word = ScalarSet(ranges: [
        ascii("0")...ascii("9"), ascii("A")...ascii("Z"), ascii("_")...ascii("_"), ascii("a")...ascii("z"),
    ])
    /// RE2's `\s`: tab, newline, form feed, carriage return and space (not vertical tab).
    static let space = ScalarSet(ranges: [0x09...0x0A, 0x0C...0x0D, 0x20...0x20])

    /// The set for a Perl class letter (`d w s D W S`), or nil for any other letter.
    static func perl(_ letter: Unicode.Scalar) -> ScalarSet? {
        switch letter {
        case "d": return digit
        case "D": return digit.inverted()
        case "w": return word
        case "W": return word.inverted()
        case "s": return space
        case "S": return space.inverted()
        default: return nil
        }
    }

    /// The set for a POSIX class name inside `[[:name:]]`, or nil when the name is unknown.
    static func posix(_ name: String) -> ScalarSet? {
        switch name {
        case "alnum": return ScalarSet(ranges: [0x30...0x39, 0x41...0x5A, 0x61...0x7A])
        case "alpha": return ScalarSet(ranges: [0x41...0x5A, 0x61...0x7A])
        case "ascii": return ScalarSet(ranges: [0x00...0x7F])
        case "blank": return ScalarSet(ranges: [0x09...0x09, 0x20...0x20])
        case "cntrl": return ScalarSet(ranges: [0x00...0x1F, 0x7F...0x7F])
        case "digit": return digit
        case "graph": return ScalarSet(ranges: [0x21...0x7E])
        case "lower": return ScalarSet(ranges: [0x61...0x7A])
        case "print": return ScalarSet(ranges: [0x20...0x7E])
        case "punct": return ScalarSet(ranges: [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
        case "space": return ScalarSet(ranges: [0x09...0x0D, 0x20...0x20])
        case "upper": return ScalarSet(ranges: [0x41...0x5A])
        case "word": return word
        case "xdigit": return ScalarSet(ranges: [0x30...0x39, 0x41...0x46, 0x61...0x66])
        default: return nil
        }
    }

    /// Whether the scalar value is an ASCII word character, for `\b` and `\B`.
    static func isWordScalar(_ value: UInt32) -> Bool {
        word.contains(value)
    }

    private static func ascii(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value }
}

/// Simple one-to-one case mappings used by `(?i)`.
enum CaseFolding {
    /// Every scalar that matches `value` case-insensitively (its simple case orbit), itself first.
    static func variants(of value: UInt32) -> [UInt32] {
        var result = [value]
        var index = 0
        // Breadth-first over one-step mappings; orbits have at most four members.
        while index < result.count && result.count < 8 {
            for mapped in oneStepMappings(of: result[index]) where !result.contains(mapped) {
                result.append(mapped)
            }
            index += 1
        }
        return result
    }

    private static func oneStepMappings(of value: UInt32) -> [UInt32] {
        var result: [UInt32] = orbitExtras[value] ?? []
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A { result.append(value + 0x20) }
            if value >= 0x61 && value <= 0x7A { result.append(value - 0x20) }
            return result
        }
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else {
            return result
        }
        for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] {
            let scalars = mapping.unicodeScalars
            if scalars.count == 1, let mapped = scalars.first?.value { result.append(mapped) }
        }
        return result
    }

    /// Members of a case orbit that simple lower/upper mappings do not reach (Unicode 14 folding).
    ///
    /// For example KELVIN SIGN for `k`. Generated from the CaseFolding data; small and stable.
    private static let orbitExtras: [UInt32: [UInt32]] = [
        0x004B: [0x212A], 0x0053: [0x017F], 0x006B: [0x212A], 0x0073: [0x017F],
        0x00C5: [0x212B], 0x00E5: [0x212B], 0x01C4: [0x01C5], 0x01C6: [0x01C5],
        0x01C7: [0x01C8], 0x01C9: [0x01C8], 0x01CA: [0x01CB], 0x01CC: [0x01CB],
        0x01F1: [0x01F2], 0x01F3: [0x01F2], 0x0345: [0x1FBE], 0x0392: [0x03D0],
        0x0395: [0x03F5], 0x0398: [0x03D1, 0x03F4], 0x0399: [0x0345, 0x1FBE], 0x039A: [0x03F0],
        0x039C: [0x00B5], 0x03A0: [0x03D6], 0x03A1: [0x03F1], 0x03A3: [0x03C2],
        0x03A6: [0x03D5], 0x03A9: [0x2126], 0x03B2: [0x03D0], 0x03B5: [0x03F5],
        0x03B8: [0x03D1, 0x03F4], 0x03B9: [0x0345, 0x1FBE], 0x03BA: [0x03F0], 0x03BC: [0x00B5],
        0x03C0: [0x03D6], 0x03C1: [0x03F1], 0x03C3: [0x03C2], 0x03C6: [0x03D5],
        0x03C9: [0x2126], 0x03D1: [0x03F4], 0x03F4: [0x03D1], 0x0412: [0x1C80],
        0x0414: [0x1C81], 0x041E: [0x1C82], 0x0421: [0x1C83], 0x0422: [0x1C84, 0x1C85],
        0x042A: [0x1C86], 0x0432: [0x1C80], 0x0434: [0x1C81], 0x043E: [0x1C82],
        0x0441: [0x1C83], 0x0442: [0x1C84, 0x1C85], 0x044A: [0x1C86], 0x0462: [0x1C87],
        0x0463: [0x1C87], 0x1C84: [0x1C85], 0x1C85: [0x1C84], 0x1E60: [0x1E9B],
        0x1E61: [0x1E9B], 0x1FBE: [0x0345], 0xA64A: [0x1C88], 0xA64B: [0x1C88],
    ]

}
