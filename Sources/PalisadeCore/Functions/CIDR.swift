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
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty else { return nil }
        if first.contains(":") {
            guard let address = CIDR.parseIPv6(first) else { return nil }
            isIPv6 = true
            self.address = address
        } else {
            guard let address = CIDR.parseIPv4(first) else { return nil }
            isIPv6 = false
            self.address = (UInt64(address) << 32, 0)
        }
        let maximum = isIPv6 ? 128 : 32
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...maximum).contains(length),
                parts[1].allSatisfy(\.isASCIIDigit)
            else {
                return nil
            }
            prefixLength = length
        } else {
            prefixLength = maximum
        }
    }

    /// True when the network is the whole address space of its family (prefix length 0).
    public var isWholeInternet: Bool { prefixLength == 0 }

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

    private static func parseIPv4(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCIIDigit),
                let number = UInt32(octet),
                number <= 255
            else { return nil }
            value = value << 8 | number
        }
        return value
    }

    private static func parseIPv6(_ text: Substring) -> (high: UInt64, low: UInt64)? {
        var text = text
        var embeddedIPv4: UInt32?
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = parseIPv4(text[text.index(after: lastColon)...]) else { return nil }
            embeddedIPv4 = v4
            text = text[...lastColon] + "0:0"
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, let value = UInt16(group, radix: 16) else {
                    return nil
                }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all: [UInt16]
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            all = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard head.count == 8 else { return nil }
            all = head
        }
        if let embeddedIPv4 {
            all[6] = UInt16(embeddedIPv4 >> 16)
            all[7] = UInt16(embeddedIPv4 & 0xFFFF)
        }
        let high = all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = all[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            scalars.removeLast()
        }
        return String(scalars)
    }

    func components(separatedBy separator: String) -> [String] {
        var result: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }
}

extension Substring {
    fileprivate func components(separatedBy separator: String) -> [String] {
        String(self).components(separatedBy: separator)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
