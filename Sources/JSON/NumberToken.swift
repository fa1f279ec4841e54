/// The longest number token json-c would read at a position, and what its shape says.
///
/// One scanner for the validator, which decides whether json-c accepts the text, and for
/// ``StrictJSON``, which decides whether json-c can hold the value.
struct NumberToken {
    /// The index after the token.
    let end: Int
    /// Whether it starts with `-`.
    let isNegative: Bool
    /// The digits before any `.` or exponent.
    let integerDigits: Range<Int>
    /// Whether it has a fraction or an exponent (json-c then reads it with strtod).
    let isDouble: Bool
    /// Whether it has an exponent with digits.
    let hasExponent: Bool

    /// Scans from `start` (a `-` or a digit); nil when no digit is found before or after a `.`.
    @inline(__always)
    init?(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int) {
        var index = start
        isNegative = bytes[index] == UInt8(ascii: "-")
        if isNegative { index += 1 }
        let integerStart = index
        while index < count, Self.isDigit(bytes[index]) { index += 1 }
        integerDigits = integerStart..<index
        var isDouble = false
        var fractionDigits = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            isDouble = true
            index += 1
            let fractionStart = index
            while index < count, Self.isDigit(bytes[index]) { index += 1 }
            fractionDigits = index - fractionStart
        }
        guard !integerDigits.isEmpty || fractionDigits > 0 else { return nil }
        var hasExponent = false
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var exponent = index + 1
            if exponent < count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-")
            {
                exponent += 1
            }
            let exponentStart = exponent
            while exponent < count, Self.isDigit(bytes[exponent]) { exponent += 1 }
            if exponent > exponentStart {
                isDouble = true
                hasExponent = true
                index = exponent
            }
        }
        self.isDouble = isDouble
        self.hasExponent = hasExponent
        end = index
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
