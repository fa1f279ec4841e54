import Parallel

/// A one-pass JSON validator that accepts exactly what json-c's strict parse accepts.
///
/// The rules are json-c 0.16's strict mode with UTF-8 validation, plus the checks the document
/// adds around it (no trailing content, no empty input), including json-c's quirks, which the
/// differential tests pin down:
/// - `NaN`, `Infinity` and `-Infinity` are numbers; keys may be single-quoted; strings may hold
///   raw control characters but not NUL; `\u` escapes never fail on lone surrogates;
/// - numbers: a leading zero is rejected only in a non-negative integer with a non-zero digit
///   after it (`01`, but not `00`, `-01` or `01.5`); `1.` and `-.5` are numbers; a number or
///   literal at the very end of the input is "truncated" (json-c waits for more input);
/// - UTF-8 is checked only for byte counts: a lead byte `C0`–`DF`, `E0`–`EF` or `F0`–`F7`
///   followed by 1, 2 or 3 continuation bytes (overlong forms and surrogates pass);
/// - a value nested `maximumDepth` levels below the root is too deep.
///
/// It never recurses and allocates only its container stack and, for a root object, the
/// layout it returns.
enum JSONValidator {
    /// What to do next in the state machine.
    fileprivate enum State {
        case value
        case valueOrArrayEnd
        case keyOrObjectEnd
        case key
        case afterValue
    }

    /// Validates `text` (UTF-8 without a BOM).
    ///
    /// - Returns: nil when the text is not accepted; otherwise the layout of the root.
    static func validate(_ text: UnsafeRawBufferPointer, maximumDepth: Int) -> JSONLayout? {
        guard text.baseAddress != nil, text.count < Int(Int32.max) else { return nil }
        guard var machine = Machine(text, maximumDepth: maximumDepth) else { return nil }
        switch run(&machine, text, maximumDepth: maximumDepth, stoppingAt: -1) {
        case .accepted(let layout): return layout
        case .rejected, .stopped: return nil
        }
    }

    /// Texts smaller than this are validated on one core.
    static let splittingThreshold = 1 << 20

    /// Validates like ``validate(_:maximumDepth:)``, on two cores when the text is big and an
    /// element of a root member's array can be found near its middle.
    ///
    /// The validator is the one part of a parallel parse that must see every byte in order, and
    /// the parse waits for it. So a second validator starts at a guessed element boundary
    /// (the first `elementStart` after the middle, such as `,{"address":"` in a Terraform plan)
    /// while the first runs up to it; the guess holds only when the first arrives there in the
    /// very state the second started in (about to read an element of a root member's array),
    /// and then the two verdicts and layouts are exactly those of one run. Otherwise the first
    /// simply runs on to the end and the second's work is discarded.
    static func validateSplitting(
        _ text: UnsafeRawBufferPointer, maximumDepth: Int, elementStart pattern: [UInt8],
        minimumSize: Int = splittingThreshold
    ) -> JSONLayout? {
        validateSplittingReportingGuess(
            text, maximumDepth: maximumDepth, elementStart: pattern, minimumSize: minimumSize
        ).layout
    }

    /// ``validateSplitting(_:maximumDepth:elementStart:minimumSize:)``, and whether the two
    /// halves were joined (for tests: a guess that never holds would only cost time).
    static func validateSplittingReportingGuess(
        _ text: UnsafeRawBufferPointer, maximumDepth: Int, elementStart pattern: [UInt8],
        minimumSize: Int = splittingThreshold
    ) -> (layout: JSONLayout?, joined: Bool) {
        guard text.count >= minimumSize, text.count < Int(Int32.max), pattern.count >= 2,
            pattern[0] == UInt8(ascii: ","),
            let boundary = firstOccurrence(of: pattern, in: text, from: text.count / 2)
        else { return (validate(text, maximumDepth: maximumDepth), false) }
        let split = boundary + 1
        let shared = SharedText(text: text)
        let halves = [true, false].parallelMap { isFirst -> (RunOutcome, Machine?) in
            let text = shared.text
            if isFirst {
                guard var machine = Machine(text, maximumDepth: maximumDepth) else { return (.rejected, nil) }
                var outcome = run(&machine, text, maximumDepth: maximumDepth, stoppingAt: split)
                if case .stopped = outcome, !machine.isAtElement(split) {
                    // Another array's element: this run is the whole validation after all.
                    outcome = run(&machine, text, maximumDepth: maximumDepth, stoppingAt: -1)
                }
                return (outcome, machine)
            }
            var machine = Machine(elementAt: split)
            return (run(&machine, text, maximumDepth: maximumDepth, stoppingAt: -1), nil)
        }
        switch halves[0].0 {
        case .accepted(let layout): return (layout, false)
        case .rejected: return (nil, false)
        case .stopped:
            guard let first = halves[0].1, case .accepted(let rest) = halves[1].0 else { return (nil, true) }
            var layout = first.layout
            let last = layout.members.count - 1
            layout.members[last].elements += rest.members[0].elements
            layout.members[last].value = first.memberValueStart..<rest.members[0].value.upperBound
            layout.members += rest.members.dropFirst()
            layout.rootIsObject = rest.rootIsObject
            return (layout, true)
        }
    }

    /// The text shared by the two validators; `@unchecked Sendable` is safe because neither
    /// writes it and the caller keeps it alive until both have finished.
    private struct SharedText: @unchecked Sendable {
        let text: UnsafeRawBufferPointer
    }

    /// The offset of the first `pattern` in `text` at or after `start`.
    private static func firstOccurrence(
        of pattern: [UInt8], in text: UnsafeRawBufferPointer, from start: Int
    ) -> Int? {
        guard pattern.count <= text.count else { return nil }
        var index = start
        let last = text.count - pattern.count
        while index <= last {
            if text[index] == pattern[0] {
                var matched = 1
                while matched < pattern.count, text[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// Where the validator is between two bytes: enough to stop it and start another one there.
    struct Machine {
        /// true for an object, false for an array; index = nesting level of the container.
        var stack: [Bool] = []
        var layout = JSONLayout(rootIsObject: false, members: [])
        var rootIsObject = false
        var memberValueStart = 0
        var elementStart = 0
        var index = 0
        fileprivate var state = State.value

        /// A machine at the first value of `text`; nil for text that is only white space.
        init?(_ text: UnsafeRawBufferPointer, maximumDepth: Int) {
            guard let raw = text.baseAddress else { return nil }
            index = skipWhitespace(raw.assumingMemoryBound(to: UInt8.self), 0, text.count)
            guard index < text.count else { return nil }
            stack.reserveCapacity(min(max(1, maximumDepth), 64))
        }

        /// A machine about to read an element of the array value of a root member, at `index`:
        /// the state in which a machine from the start arrives there, if the guess is right.
        ///
        /// The member's key and the start of its value are unknown here, so its layout entry
        /// starts empty; ``JSONValidator/validateSplitting(_:maximumDepth:elementStart:minimumSize:)`` fills
        /// them in from the machine that ran up to `index`.
        init(elementAt index: Int) {
            stack = [true, false]
            layout = JSONLayout(
                rootIsObject: false, members: [JSONLayout.Member(key: 0..<0, value: 0..<0, elements: [])])
            rootIsObject = true
            memberValueStart = 0
            elementStart = index
            self.index = index
            state = .value
        }

        /// True when this machine stands where ``init(elementAt:)`` would start one.
        func isAtElement(_ index: Int) -> Bool {
            self.index == index && state == .value && rootIsObject && stack == [true, false]
                && !layout.members.isEmpty
        }
    }

    /// How a run ended.
    enum RunOutcome {
        case accepted(JSONLayout)
        case rejected
        /// At `stoppingAt`, about to read a value; the machine stands there.
        case stopped
    }

    /// Runs `machine` to the end of the text, or until it is about to read a value at offset
    /// `stop` (never, for a negative `stop`).
    static func run(
        _ machine: inout Machine, _ text: UnsafeRawBufferPointer, maximumDepth: Int, stoppingAt stop: Int
    ) -> RunOutcome {
        guard let raw = text.baseAddress else { return .rejected }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        let count = text.count
        let depthLimit = max(1, maximumDepth)
        // The machine's fields live in locals while it runs: the loop reads them on every byte.
        var stack = machine.stack
        var layout = machine.layout
        var rootIsObject = machine.rootIsObject
        var memberValueStart = machine.memberValueStart
        var elementStart = machine.elementStart
        var index = machine.index
        var state = machine.state
        defer {
            machine.stack = stack
            machine.layout = layout
            machine.rootIsObject = rootIsObject
            machine.memberValueStart = memberValueStart
            machine.elementStart = elementStart
            machine.index = index
            machine.state = state
        }

        while true {
            switch state {
            case .value, .valueOrArrayEnd:
                guard index < count else { return .rejected }
                if index == stop, state == .value { return .stopped }
                let byte = bytes[index]
                if state == .valueOrArrayEnd, byte == UInt8(ascii: "]") {
                    stack.removeLast()
                    index += 1
                    state = .afterValue
                    continue
                }
                let level = stack.count
                guard level < depthLimit else { return .rejected }
                if rootIsObject {
                    if level == 1 {
                        memberValueStart = index
                    } else if level == 2, !stack[1] {
                        elementStart = index
                    }
                }
                switch byte {
                case UInt8(ascii: "{"):
                    if level == 0 { rootIsObject = true }
                    stack.append(true)
                    index = skipWhitespace(bytes, index + 1, count)
                    state = .keyOrObjectEnd
                    continue
                case UInt8(ascii: "["):
                    stack.append(false)
                    index = skipWhitespace(bytes, index + 1, count)
                    state = .valueOrArrayEnd
                    continue
                case UInt8(ascii: "\""):
                    guard let end = scanString(bytes, index + 1, count, quote: byte) else { return .rejected }
                    index = end
                    state = .afterValue
                    continue
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard let end = scanNumber(bytes, index, count) else { return .rejected }
                    index = end
                default:
                    guard let literal = literal(startingWith: byte),
                        let end = scanLiteral(literal, bytes, index, count)
                    else { return .rejected }
                    index = end
                }
                // json-c needs one more byte after a number or literal to know it has ended.
                if index == count { return .rejected }
                state = .afterValue

            case .afterValue:
                let level = stack.count
                if rootIsObject {
                    if level == 1 {
                        layout.members[layout.members.count - 1].value = memberValueStart..<index
                    } else if level == 2, !stack[1] {
                        layout.members[layout.members.count - 1].elements.append(elementStart..<index)
                    }
                }
                index = skipWhitespace(bytes, index, count)
                guard level > 0 else {
                    layout.rootIsObject = rootIsObject
                    return index == count ? .accepted(layout) : .rejected
                }
                guard index < count else { return .rejected }
                let byte = bytes[index]
                if stack[level - 1] {
                    if byte == UInt8(ascii: ",") {
                        index = skipWhitespace(bytes, index + 1, count)
                        state = .key
                    } else if byte == UInt8(ascii: "}") {
                        stack.removeLast()
                        index += 1
                    } else {
                        return .rejected
                    }
                } else {
                    if byte == UInt8(ascii: ",") {
                        index = skipWhitespace(bytes, index + 1, count)
                        state = .value
                    } else if byte == UInt8(ascii: "]") {
                        stack.removeLast()
                        index += 1
                    } else {
                        return .rejected
                    }
                }

            case .keyOrObjectEnd, .key:
                guard index < count else { return .rejected }
                let byte = bytes[index]
                if state == .keyOrObjectEnd, byte == UInt8(ascii: "}") {
                    stack.removeLast()
                    index += 1
                    state = .afterValue
                    continue
                }
                let keyStart = index
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"),
                    let end = scanString(bytes, index + 1, count, quote: byte)
                else { return .rejected }
                index = end
                if rootIsObject, stack.count == 1 {
                    layout.members.append(
                        JSONLayout.Member(key: keyStart..<index, value: index..<index, elements: []))
                }
                index = skipWhitespace(bytes, index, count)
                guard index < count, bytes[index] == UInt8(ascii: ":") else { return .rejected }
                index = skipWhitespace(bytes, index + 1, count)
                state = .value
            }
        }
    }

    @inline(__always)
    fileprivate static func skipWhitespace(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        var index = start
        while index < count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { break }
            index += 1
        }
        return index
    }

    /// Scans a string body from `start` up to the closing `quote`; returns the index after it.
    ///
    /// Plain bytes are skipped eight at a time: a word with no NUL, quote, backslash or byte of
    /// 0x80 and above holds nothing to check, and otherwise the lowest flagged byte is the first
    /// one that does (the borrow of the zero-byte test only ever flags bytes above a real match).
    @inline(__always)
    /// The literal json-c accepts that starts with `byte` (`NaN` and `Infinity` included).
    private static func literal(startingWith byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "t"): "true"
        case UInt8(ascii: "f"): "false"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "N"): "NaN"
        case UInt8(ascii: "I"): "Infinity"
        default: nil
        }
    }

    private static func scanString(
        _ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int, quote: UInt8
    ) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* UInt64(quote)
        let backslashes = ones &* 0x5C
        let raw = UnsafeRawPointer(bytes)
        var index = start
        while true {
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let quoteBytes = word ^ quotes
                let backslashBytes = word ^ backslashes
                let special =
                    (((word &- ones) & ~word) | ((quoteBytes &- ones) & ~quoteBytes)
                        | ((backslashBytes &- ones) & ~backslashBytes) | word) & highs
                if special != 0 {
                    index += special.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < count else { return nil }
            let byte = bytes[index]
            if byte == quote { return index + 1 }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < count else { return nil }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    guard index + 4 < count else { return nil }
                    for offset in 1...4 where !isHexDigit(bytes[index + offset]) { return nil }
                    index += 5
                default:
                    return nil
                }
                continue
            }
            if byte < 0x80 {
                // json-c ends its input at NUL; other control characters are kept as they are.
                guard byte != 0 else { return nil }
                index += 1
                continue
            }
            let continuationCount: Int
            if byte & 0xE0 == 0xC0 {
                continuationCount = 1
            } else if byte & 0xF0 == 0xE0 {
                continuationCount = 2
            } else if byte & 0xF8 == 0xF0 {
                continuationCount = 3
            } else {
                return nil
            }
            guard index + continuationCount < count else { return nil }
            for offset in 1...continuationCount where bytes[index + offset] & 0xC0 != 0x80 { return nil }
            index += continuationCount + 1
        }
    }

    @inline(__always)
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }

    /// Scans the longest number json-c would accept from `start`; returns the index after it.
    ///
    /// What follows a shorter match than json-c's own token (`1e`, `1.5.3`) is never valid after
    /// a value, so the verdict is the same as json-c's.
    private static func scanNumber(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        if bytes[start] == UInt8(ascii: "-"), start + 1 < count, bytes[start + 1] == UInt8(ascii: "I") {
            return scanLiteral("Infinity", bytes, start + 1, count)
        }
        guard let token = NumberToken(bytes, start, count) else { return nil }
        // json-c reads integers with strtoull and rejects a leading zero only when the value is
        // not zero; negative integers and doubles go through strtoll/strtod without that check.
        let digits = token.integerDigits
        if !token.isDouble, !token.isNegative, digits.count > 1, bytes[digits.lowerBound] == UInt8(ascii: "0")
        {
            for digit in digits.lowerBound + 1..<token.end where bytes[digit] != UInt8(ascii: "0") {
                return nil
            }
        }
        return token.end
    }

    /// Matches `literal` exactly at `start`; returns the index after it.
    @inline(__always)
    private static func scanLiteral(
        _ literal: StaticString, _ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int
    ) -> Int? {
        let length = literal.utf8CodeUnitCount
        guard start + length <= count else { return nil }
        let expected = literal.utf8Start
        for offset in 0..<length where bytes[start + offset] != expected[offset] { return nil }
        return start + length
    }
}
