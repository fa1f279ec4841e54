/// An IPv4 or IPv6 network parsed from CIDR notation, compared numerically, never as text.
///
/// `::0/0`, `0000:0000::/0` and `::/0` are all the whole IPv6 internet; `0.0.0.0/0` the IPv4 one.
public struct CIDR: Sendable, Equatable {
    /// True for IPv6.
    public let isIPv6: Bool
    /// The address bits, left-aligned in 128 bits (IPv4 uses the high 32).
    public let address: (high: UInt64, low: UInt64)
    /// The prefix length.
    public let prefixLength: Int

    /// Compares two networks.
    public static func == (lhs: CIDR, rhs: CIDR) -> Bool {
        lhs.isIPv6 == rhs.isIPv6 && lhs.address == rhs.address && lhs.prefixLength == rhs.prefixLength
    }

    /// Parses `a.b.c.d/n`, an IPv6 CIDR, or a bare address (a host route).
    ///
    /// Surrounding spaces are ignored; anything else malformed (octets above 255, more than four
    /// hex digits in a group, two `::`, a prefix longer than the family allows) gives nil.
    public init?(_ text: String) {
        // A native string's bytes are read in place; only a bridged one is copied first.
        let parsed =
            text.utf8.withContiguousStorageIfAvailable { CIDR.parse($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { CIDR.parse($0) }
        guard let parsed else { return nil }
        self = parsed
    }

    private init(isIPv6: Bool, address: (high: UInt64, low: UInt64), prefixLength: Int) {
        self.isIPv6 = isIPv6
        self.address = address
        self.prefixLength = prefixLength
    }

    private typealias Bytes = UnsafeBufferPointer<UInt8>

    private static func parse(_ text: Bytes) -> CIDR? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return nil }
        let trimmed = Bytes(rebasing: text[first...last])
        let slash = trimmed.firstIndex(of: UInt8(ascii: "/"))
        let addressPart = Bytes(rebasing: trimmed[..<(slash ?? trimmed.endIndex)])
        guard !addressPart.isEmpty else { return nil }
        let isIPv6 = addressPart.contains(UInt8(ascii: ":"))
        let address: (high: UInt64, low: UInt64)
        if isIPv6 {
            guard let parsed = parseIPv6(addressPart) else { return nil }
            address = parsed
        } else {
            guard let parsed = parseIPv4(addressPart) else { return nil }
            address = (UInt64(parsed) << 32, 0)
        }
        let maximum = isIPv6 ? 128 : 32
        var prefixLength = maximum
        if let slash {
            let digits = Bytes(rebasing: trimmed[(slash + 1)...])
            guard let length = decimal(digits, maximum: maximum) else { return nil }
            prefixLength = length
        }
        return CIDR(isIPv6: isIPv6, address: address, prefixLength: prefixLength)
    }

    /// True when the network is the whole address space of its family (prefix length 0).
    public var isWholeInternet: Bool { prefixLength == 0 }

    /// The positions of the networks in `networks` that together admit the whole internet of a
    /// family, in order; empty when no family is covered (nil entries are not networks).
    ///
    /// A /0 is the whole internet of its family on its own, and then the family's /0s are the
    /// answer. Otherwise networks that leave no address of their family out, such as
    /// `0.0.0.0/1` with `128.0.0.0/1`, are the internet as much as `0.0.0.0/0` is: the answer
    /// is the networks that extend the covered span when they are taken by start address
    /// (a network inside another adds nothing and is left out). Sorting makes it O(n log n).
    public static func wholeInternetSources(_ networks: [CIDR?]) -> [Int] {
        // Most rules have one source: alone, a network covers its family only as a /0.
        if networks.count == 1 { return networks[0]?.isWholeInternet == true ? [0] : [] }
        var chosen: [Int] = []
        for family in [false, true] {
            let members = networks.indices.filter { networks[$0]?.isIPv6 == family }
            let whole = members.filter { networks[$0]!.isWholeInternet }
            if !whole.isEmpty {
                chosen += whole
                continue
            }
            chosen += coveringSpan(members.map { ($0, networks[$0]!.span) })
        }
        return chosen.sorted()
    }

    /// True when `networks` admit the whole internet of a family together (see
    /// ``wholeInternetSources(_:)``); one network alone does only when it is a /0.
    public static func coverWholeInternet(_ networks: [CIDR?]) -> Bool {
        networks.count > 1 && !wholeInternetSources(networks).isEmpty
    }

    /// The first and last address of the network, left-aligned in 128 bits like ``address``.
    private var span: (first: UInt128, last: UInt128) {
        let (maskHigh, maskLow) = CIDR.mask(prefixLength)
        let mask = UInt128(maskHigh) << 64 | UInt128(maskLow)
        let first = (UInt128(address.high) << 64 | UInt128(address.low)) & mask
        return (first, first | ~mask)
    }

    /// The positions of the spans that, taken by start, leave no gap from 0 to the last
    /// address; empty when some address is left out.
    private static func coveringSpan(
        _ spans: [(position: Int, span: (first: UInt128, last: UInt128))]
    ) -> [Int] {
        var used: [Int] = []
        var next: UInt128 = 0
        for entry in spans.sorted(by: { ($0.span.first, $1.span.last) < ($1.span.first, $0.span.last) }) {
            guard entry.span.first <= next else { return [] }
            guard entry.span.last >= next else { continue }
            used.append(entry.position)
            if entry.span.last == .max { return used }
            next = entry.span.last + 1
        }
        return []
    }

    /// True when `other` lies inside this network (same family).
    public func contains(_ other: CIDR) -> Bool {
        guard isIPv6 == other.isIPv6, other.prefixLength >= prefixLength else { return false }
        let (maskHigh, maskLow) = CIDR.mask(prefixLength)
        return address.high & maskHigh == other.address.high & maskHigh
            && address.low & maskLow == other.address.low & maskLow
    }

    private static func mask(_ length: Int) -> (UInt64, UInt64) {
        let high: UInt64 = length >= 64 ? .max : (length == 0 ? 0 : ~((1 << UInt64(64 - length)) - 1))
        let low: UInt64 = length <= 64 ? 0 : (length >= 128 ? .max : ~((1 << UInt64(128 - length)) - 1))
        return (high, low)
    }

    /// A non-empty run of ASCII digits whose value is at most `maximum`.
    private static func decimal(_ digits: Bytes, maximum: Int) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            guard value <= maximum else { return nil }
        }
        return value
    }

    /// `a.b.c.d`: four decimal octets of one to three digits, each at most 255.
    ///
    /// Scanned in one pass, without splitting the text into an array of octets.
    private static func parseIPv4(_ text: Bytes) -> UInt32? {
        var value: UInt32 = 0
        var octets = 0
        var start = text.startIndex
        while start <= text.endIndex {
            let end = text[start...].firstIndex(of: UInt8(ascii: ".")) ?? text.endIndex
            guard octets < 4, end - start <= 3,
                let number = decimal(Bytes(rebasing: text[start..<end]), maximum: 255)
            else { return nil }
            value = value << 8 | UInt32(number)
            octets += 1
            start = end + 1
        }
        return octets == 4 ? value : nil
    }

    /// Up to eight groups of one to four hex digits, one `::` standing for a run of zero groups,
    /// and optionally a dotted IPv4 address in place of the last two groups.
    private static func parseIPv6(_ text: Bytes) -> (high: UInt64, low: UInt64)? {
        var groups = text[...]
        var embeddedIPv4: UInt32?
        if let lastColon = text.lastIndex(of: UInt8(ascii: ":")),
            text[(lastColon + 1)...].contains(UInt8(ascii: "."))
        {
            guard let v4 = parseIPv4(Bytes(rebasing: text[(lastColon + 1)...])) else { return nil }
            embeddedIPv4 = v4
            groups = text[...lastColon]
        }
        // Split at "::" (at most one).
        var head = groups
        var tail: Slice<Bytes>?
        var index = groups.startIndex
        while index + 1 < groups.endIndex {
            if groups[index] == UInt8(ascii: ":"), groups[index + 1] == UInt8(ascii: ":") {
                guard tail == nil else { return nil }
                head = groups[..<index]
                tail = groups[(index + 2)...]
                index += 2
            } else {
                index += 1
            }
        }
        // With an embedded IPv4 the text before it ends in ":" (or is "::"): drop that colon.
        if embeddedIPv4 != nil {
            if let rest = tail {
                if !rest.isEmpty {
                    // "x::y:" before the address; a lone ":" would make ":::".
                    guard rest.count >= 2, rest.last == UInt8(ascii: ":") else { return nil }
                    tail = rest.dropLast()
                }
            } else {
                guard head.last == UInt8(ascii: ":") else { return nil }
                head = head.dropLast()
            }
        }
        guard var values = hexGroups(head) else { return nil }
        let available = embeddedIPv4 == nil ? 8 : 6
        if let rest = tail {
            guard let tailValues = hexGroups(rest), values.count + tailValues.count < available else {
                return nil
            }
            values += [UInt16](repeating: 0, count: available - values.count - tailValues.count) + tailValues
        } else {
            guard values.count == available else { return nil }
        }
        if let embeddedIPv4 {
            values += [UInt16(embeddedIPv4 >> 16), UInt16(embeddedIPv4 & 0xFFFF)]
        }
        let high = values[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = values[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    /// Colon-separated groups of one to four hex digits; empty text is no groups.
    private static func hexGroups(_ text: Slice<Bytes>) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        var result: [UInt16] = []
        for group in text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
            guard !group.isEmpty, group.count <= 4 else { return nil }
            var value: UInt16 = 0
            for byte in group {
                guard let digit = hexDigit(byte) else { return nil }
                value = value << 4 | UInt16(digit)
            }
            result.append(value)
        }
        return result
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
