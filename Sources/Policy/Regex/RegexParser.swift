/// A parsed pattern together with the number of NFA instructions it compiles to.
struct ParsedRegex: Sendable {
    let node: RegexNode
    let programSize: Int
}

/// Recursive-descent parser for the RE2 subset that `LinearRegex` accepts.
///
/// Case-insensitivity is resolved here (literals and classes become sets of case variants), so
/// the compiler and the matcher never need to know about `(?i)`. Nesting depth and program size
/// are bounded so that no pattern can exhaust the stack or memory.
struct RegexParser {
    /// The largest count allowed in `{n}`, `{n,}` and `{n,m}`, as in RE2.
    static let maximumRepeatCount = 1000
    /// The largest NFA program a pattern may compile to; bounds matching cost per input scalar.
    static let maximumProgramSize = 20_000
    /// The deepest group nesting accepted; bounds recursion in parser and compiler.
    static let maximumNestingDepth = 200

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0
    private var caseInsensitive = false

    private init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// Parses a whole pattern.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> ParsedRegex {
        var parser = RegexParser(pattern)
        return try parser.parsePattern()
    }

    // MARK: - Structure

    private mutating func parsePattern() throws(RegexSyntaxError) -> ParsedRegex {
        if startsWith("(?i)") {
            caseInsensitive = true
            position = 4
        }
        let result = try parseAlternation()
        if position < scalars.count {
            // parseAlternation only stops early at a ')' that no group opened.
            throw RegexSyntaxError(offset: position, message: "unmatched ')'")
        }
        return result
    }

    private mutating func parseAlternation() throws(RegexSyntaxError) -> ParsedRegex {
        var branches = [try parseConcatenation()]
        while peek == "|" {
            position += 1
            branches.append(try parseConcatenation())
        }
        if branches.count == 1 { return branches[0] }
        // One split per extra branch, one jump per branch but the last.
        let size = branches.reduce(0) { $0 + $1.programSize } + 2 * (branches.count - 1)
        return ParsedRegex(node: .alternation(branches.map(\.node)), programSize: size)
    }

    private mutating func parseConcatenation() throws(RegexSyntaxError) -> ParsedRegex {
        var items: [ParsedRegex] = []
        var size = 0
        while let current = peek, current != "|", current != ")" {
            if isRepetitionStart() {
                throw RegexSyntaxError(
                    offset: position, message: "missing argument to repetition operator '\(current)'")
            }
            var item = try parseAtom()
            var repeated = false
            while let repetition = try parseRepetition() {
                if repeated {
                    throw RegexSyntaxError(
                        offset: repetition.offset,
                        message: "repetition operator follows another repetition "
                            + "(possessive or doubled quantifiers are not supported)")
                }
                item = try repeatItem(item, repetition)
                repeated = true
            }
            size += item.programSize
            try checkSize(size, at: position)
            items.append(item)
        }
        switch items.count {
        case 0: return ParsedRegex(node: .empty, programSize: 0)
        case 1: return items[0]
        default: return ParsedRegex(node: .concatenation(items.map(\.node)), programSize: size)
        }
    }

    private mutating func parseAtom() throws(RegexSyntaxError) -> ParsedRegex {
        let start = position
        guard let current = peek else {
            throw RegexSyntaxError(offset: start, message: "unexpected end of pattern")
        }
        position += 1
        switch current {
        case "(": return try parseGroup(openedAt: start)
        case "[": return single(try parseClass(openedAt: start))
        case ".": return single(.anyExceptNewline)
        case "^": return single(.assertion(.beginText))
        case "$": return single(.assertion(.endText))
        case "\\":
            switch try parseEscape(escapeAt: start, insideClass: false) {
            case .scalar(let value): return single(literal(value))
            case .set(let set): return single(.scalarSet(set))
            case .assertion(let assertion): return single(.assertion(assertion))
            case .quoted(let values):
                let nodes = values.map { literal($0) }
                if nodes.count == 1 { return single(nodes[0]) }
                let node: RegexNode = nodes.isEmpty ? .empty : .concatenation(nodes)
                return ParsedRegex(node: node, programSize: nodes.count)
            }
        default: return single(literal(current.value))
        }
    }

    private mutating func parseGroup(openedAt start: Int) throws(RegexSyntaxError) -> ParsedRegex {
        if peek == "?" {
            try parseGroupPrefix(openedAt: start)
        }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumNestingDepth {
            throw RegexSyntaxError(
                offset: start, message: "groups nested deeper than \(Self.maximumNestingDepth) levels")
        }
        let inner = try parseAlternation()
        guard peek == ")" else {
            throw RegexSyntaxError(offset: start, message: "missing ')' for the group opened here")
        }
        position += 1
        return inner
    }

    /// Consumes what follows `(?` for the group kinds we accept, and rejects the others.
    private mutating func parseGroupPrefix(openedAt start: Int) throws(RegexSyntaxError) {
        if startsWith("?:") {
            position += 2
            return
        }
        if startsWith("?=") || startsWith("?!") {
            throw RegexSyntaxError(
                offset: start,
                message: "lookahead '(\(text(from: position, count: 2))' is not supported "
                    + "(lookaround cannot run in linear time)")
        }
        if startsWith("?<=") || startsWith("?<!") {
            throw RegexSyntaxError(
                offset: start,
                message: "lookbehind '(\(text(from: position, count: 3))' is not supported "
                    + "(lookaround cannot run in linear time)")
        }
        if startsWith("?P<") || startsWith("?<") {
            position += startsWith("?P<") ? 3 : 2
            try parseGroupName(openedAt: start)
            return
        }
        if startsWith("?i)") {
            throw RegexSyntaxError(
                offset: start, message: "the (?i) flag is only supported at the very start of the pattern")
        }
        if startsWith("?P=") {
            throw RegexSyntaxError(offset: start, message: "backreferences are not supported")
        }
        throw RegexSyntaxError(
            offset: start,
            message: "unsupported group syntax '(?'; use (...), (?:...), (?P<name>...) or a leading (?i)")
    }

    private mutating func parseGroupName(openedAt start: Int) throws(RegexSyntaxError) {
        let nameStart = position
        while let current = peek, CharacterClasses.isWordScalar(current.value) {
            position += 1
        }
        guard position > nameStart, peek == ">" else {
            throw RegexSyntaxError(
                offset: nameStart, message: "invalid group name: use letters, digits and '_' followed by '>'")
        }
        position += 1
    }

    // MARK: - Repetition

    private struct Repetition {
        let offset: Int
        let minimum: Int
        let maximum: Int?
    }

    private func isRepetitionStart() -> Bool {
        guard let current = peek else { return false }
        if current == "*" || current == "+" || current == "?" { return true }
        return current == "{" && braceRepetition(at: position) != nil
    }

    private mutating func parseRepetition() throws(RegexSyntaxError) -> Repetition? {
        guard let current = peek else { return nil }
        let start = position
        let repetition: Repetition
        switch current {
        case "*": repetition = Repetition(offset: start, minimum: 0, maximum: nil)
        case "+": repetition = Repetition(offset: start, minimum: 1, maximum: nil)
        case "?": repetition = Repetition(offset: start, minimum: 0, maximum: 1)
        case "{":
            // A '{' that does not form {n}, {n,} or {n,m} is a literal, as in RE2.
            guard let braces = braceRepetition(at: start) else { return nil }
            let bad = [braces.minimum, braces.maximum ?? 0].contains { $0 > Self.maximumRepeatCount }
            if bad {
                throw RegexSyntaxError(
                    offset: start, message: "repetition count exceeds \(Self.maximumRepeatCount)")
            }
            if let maximum = braces.maximum, maximum < braces.minimum {
                throw RegexSyntaxError(
                    offset: start,
                    message: "invalid repetition {\(braces.minimum),\(maximum)}: minimum exceeds maximum")
            }
            position = braces.end - 1
            repetition = Repetition(offset: start, minimum: braces.minimum, maximum: braces.maximum)
        default: return nil
        }
        position += 1
        if peek == "?" { position += 1 }  // A lazy quantifier matches the same texts.
        return repetition
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` at `index`; counts saturate so huge numbers cannot overflow.
    private func braceRepetition(at index: Int) -> (minimum: Int, maximum: Int?, end: Int)? {
        var cursor = index + 1
        func number() -> Int? {
            let begin = cursor
            var value = 0
            while cursor < scalars.count, let digit = asciiDigit(scalars[cursor]) {
                value = min(value * 10 + digit, 1_000_000)
                cursor += 1
            }
            return cursor > begin ? value : nil
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            maximum = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        return (minimum, maximum, cursor + 1)
    }

    private func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
    }

    private func repeatItem(
        _ item: ParsedRegex, _ repetition: Repetition
    ) throws(RegexSyntaxError)
        -> ParsedRegex
    {
        let itemSize = item.programSize
        let size: Int
        switch (repetition.minimum, repetition.maximum) {
        case (0, nil): size = itemSize + 2
        case (let minimum, nil): size = minimum * itemSize + 1
        case (let minimum, let maximum?): size = minimum * itemSize + (maximum - minimum) * (itemSize + 1)
        }
        try checkSize(size, at: repetition.offset)
        return ParsedRegex(
            node: .repetition(item.node, minimum: repetition.minimum, maximum: repetition.maximum),
            programSize: size)
    }

    private func checkSize(_ size: Int, at offset: Int) throws(RegexSyntaxError) {
        if size > Self.maximumProgramSize {
            throw RegexSyntaxError(
                offset: offset,
                message: "pattern too large: it compiles to more than \(Self.maximumProgramSize) "
                    + "instructions; reduce repetition counts")
        }
    }

    // MARK: - Helpers

    private var peek: Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private func startsWith(_ text: String) -> Bool {
        var index = position
        for scalar in text.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private func text(from start: Int, count: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<min(start + count, scalars.count)])
        return String(result)
    }

    private func single(_ node: RegexNode) -> ParsedRegex {
        ParsedRegex(node: node, programSize: 1)
    }

    private func literal(_ value: UInt32) -> RegexNode {
        if caseInsensitive {
            let variants = CaseFolding.variants(of: value)
            if variants.count > 1 {
                return .scalarSet(ScalarSet(ranges: variants.map { $0...$0 }))
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return .scalarSet(ScalarSet()) }
        return .literal(scalar)
    }

    /// The highest scalar with a case mapping is in Adlam (U+1E943); scanning stops there.
    private static let lastCasedScalar: UInt32 = 0x1E943

    /// Adds the case variants of every member, so `[a-z]` under `(?i)` also matches `A-Z`.
    ///
    /// Case orbits are symmetric, so for a large set (such as `\S`) it is cheaper to fold the
    /// complement: a scalar outside the result is one whose whole orbit lies outside the set.
    static func caseFolded(_ set: ScalarSet) -> ScalarSet {
        let complement = set.inverted()
        guard casedCount(complement) < casedCount(set) else { return addingVariants(set) }
        var outside = ScalarSet()
        for range in complement.ranges {
            if range.lowerBound > lastCasedScalar {
                outside.insert(range)
                continue
            }
            for value in range.lowerBound...min(range.upperBound, lastCasedScalar)
            where CaseFolding.variants(of: value).allSatisfy({ !set.contains($0) }) {
                outside.insert(value...value)
            }
            if range.upperBound > lastCasedScalar { outside.insert((lastCasedScalar + 1)...range.upperBound) }
        }
        return outside.inverted()
    }

    private static func addingVariants(_ set: ScalarSet) -> ScalarSet {
        var added: [UInt32] = []
        for range in set.ranges where range.lowerBound <= lastCasedScalar {
            for value in range.lowerBound...min(range.upperBound, lastCasedScalar) {
                for variant in CaseFolding.variants(of: value) where !set.contains(variant) {
                    added.append(variant)
                }
            }
        }
        var result = set
        for value in added.sorted() { result.insert(value...value) }
        return result
    }

    /// How many members lie in the range where case mappings exist.
    private static func casedCount(_ set: ScalarSet) -> Int {
        set.ranges.reduce(0) { total, range in
            guard range.lowerBound <= lastCasedScalar else { return total }
            return total + Int(min(range.upperBound, lastCasedScalar) - range.lowerBound) + 1
        }
    }
}

// MARK: - Escapes and classes

extension RegexParser {
    /// What a backslash escape stands for.
    fileprivate enum Escape {
        case scalar(UInt32)
        case set(ScalarSet)
        case assertion(RegexAssertion)
        /// `\Q...\E`: literal text.
        case quoted([UInt32])
    }

    /// Parses the escape whose backslash is at `escapeAt`; `position` is just after the backslash.
    fileprivate mutating func parseEscape(
        escapeAt start: Int, insideClass: Bool
    ) throws(RegexSyntaxError)
        -> Escape
    {
        guard let letter = peek else {
            throw RegexSyntaxError(offset: start, message: "trailing backslash at end of pattern")
        }
        position += 1
        if let set = CharacterClasses.perl(letter) { return .set(set) }
        switch letter {
        case "n": return .scalar(0x0A)
        case "t": return .scalar(0x09)
        case "r": return .scalar(0x0D)
        case "f": return .scalar(0x0C)
        case "v": return .scalar(0x0B)
        case "a": return .scalar(0x07)
        case "x": return .scalar(try parseHexEscape(escapeAt: start))
        case "b", "B", "A", "z":
            if insideClass {
                throw RegexSyntaxError(
                    offset: start, message: "'\\\(letter)' is an assertion and cannot be used in a class")
            }
            switch letter {
            case "b": return .assertion(.wordBoundary)
            case "B": return .assertion(.notWordBoundary)
            case "A": return .assertion(.beginText)
            default: return .assertion(.endText)
            }
        case "Q" where !insideClass:
            var values: [UInt32] = []
            while let current = peek, !startsWith("\\E") {
                values.append(current.value)
                position += 1
            }
            if startsWith("\\E") { position += 2 }
            return .quoted(values)
        case "1"..."9", "k", "g":
            throw RegexSyntaxError(offset: start, message: "backreferences are not supported")
        case "0":
            throw RegexSyntaxError(offset: start, message: "octal escapes are not supported; use \\x{...}")
        case "p", "P":
            throw RegexSyntaxError(
                offset: start, message: "Unicode property classes '\\\(letter)' are not supported")
        case "Z":
            throw RegexSyntaxError(
                offset: start, message: "'\\Z' is not supported; use '\\z' for end of text")
        default:
            // Any escaped ASCII punctuation stands for itself; other escaped letters are mistakes.
            if letter.value < 0x80 && !CharacterClasses.isWordScalar(letter.value) && letter.value > 0x20 {
                return .scalar(letter.value)
            }
            throw RegexSyntaxError(offset: start, message: "unknown escape '\\\(letter)'")
        }
    }

    /// `\xHH` or `\x{H...}`, with `position` just after the `x`.
    private mutating func parseHexEscape(escapeAt start: Int) throws(RegexSyntaxError) -> UInt32 {
        let invalid = RegexSyntaxError(offset: start, message: "invalid hex escape: use \\xHH or \\x{HHHH}")
        var digits: [UInt32] = []
        if peek == "{" {
            position += 1
            while let current = peek, current != "}" {
                guard let digit = hexValue(current), digits.count < 8 else { throw invalid }
                digits.append(digit)
                position += 1
            }
            guard peek == "}", !digits.isEmpty else { throw invalid }
            position += 1
        } else {
            for _ in 0..<2 {
                guard let current = peek, let digit = hexValue(current) else { throw invalid }
                digits.append(digit)
                position += 1
            }
        }
        let value = digits.reduce(UInt32(0)) { $0 * 16 + $1 }
        guard Unicode.Scalar(value) != nil else {
            throw RegexSyntaxError(offset: start, message: "hex escape is not a Unicode scalar value")
        }
        return value
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    /// Parses a bracket class; `position` is just after `[`.
    fileprivate mutating func parseClass(openedAt start: Int) throws(RegexSyntaxError) -> RegexNode {
        let missing = RegexSyntaxError(offset: start, message: "missing ']' for the class opened here")
        var negated = false
        if peek == "^" {
            negated = true
            position += 1
        }
        var set = ScalarSet()
        // Perl classes (\d \w \s and negations) are already closed under ASCII case; folding
        // them would only let \W match `k` through KELVIN SIGN, so they join after folding.
        var perlClasses = ScalarSet()
        var first = true
        while true {
            guard let current = peek else { throw missing }
            if current == "]" && !first { break }
            first = false
            if startsWith("[:") {
                set.formUnion(try parsePosixClass())
                continue
            }
            let itemStart = position
            guard let low = try parseClassMember() else { continue }
            let lowValue: UInt32
            switch low {
            case .set(let members):
                perlClasses.formUnion(members)
                continue
            case .scalar(let value): lowValue = value
            }
            // A '-' makes a range unless it is the last character before ']'.
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard let high = try parseClassMember() else { throw missing }
                guard case .scalar(let highValue) = high else {
                    throw RegexSyntaxError(
                        offset: itemStart, message: "a class like \\d cannot be the end of a range")
                }
                guard lowValue <= highValue else {
                    throw RegexSyntaxError(
                        offset: itemStart, message: "invalid class range: the start is after the end")
                }
                set.insert(lowValue...highValue)
            } else {
                set.insert(lowValue...lowValue)
            }
        }
        position += 1
        if caseInsensitive { set = Self.caseFolded(set) }
        set.formUnion(perlClasses)
        return .scalarSet(negated ? set.inverted() : set)
    }

    private enum ClassMember {
        case scalar(UInt32)
        case set(ScalarSet)
    }

    private mutating func parseClassMember() throws(RegexSyntaxError) -> ClassMember? {
        guard let current = peek else { return nil }
        let start = position
        position += 1
        guard current == "\\" else { return .scalar(current.value) }
        switch try parseEscape(escapeAt: start, insideClass: true) {
        case .scalar(let value): return .scalar(value)
        case .set(let set): return .set(set)
        case .assertion, .quoted:
            throw RegexSyntaxError(offset: start, message: "this escape cannot be used in a class")
        }
    }

    /// `[:name:]` or `[:^name:]` inside a class; `position` is at the `[`.
    private mutating func parsePosixClass() throws(RegexSyntaxError) -> ScalarSet {
        let start = position
        var cursor = position + 2
        var name = String.UnicodeScalarView()
        while cursor < scalars.count, scalars[cursor] != ":" {
            name.append(scalars[cursor])
            cursor += 1
        }
        guard cursor + 1 < scalars.count, scalars[cursor + 1] == "]" else {
            // Not a POSIX class after all: the '[' is an ordinary member.
            position += 1
            return ScalarSet(ranges: [0x5B...0x5B])
        }
        var text = String(name)
        let negated = text.hasPrefix("^")
        if negated { text.removeFirst() }
        guard let set = CharacterClasses.posix(text) else {
            throw RegexSyntaxError(offset: start, message: "unknown POSIX class '[:\(String(name)):]'")
        }
        position = cursor + 2
        return negated ? set.inverted() : set
    }
}
