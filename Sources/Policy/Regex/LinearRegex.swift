/// A regular expression that matches in time linear in the input: no backtracking, ever.
///
/// The syntax is a subset of RE2 (the dialect of CEL's `matches`): literals, `.`, escapes
/// (`\d \w \s \D \W \S \b \B \A \z \n \t \xHH \x{H…} \Q…\E`, escaped punctuation), classes
/// (`[a-z0-9_]`, `[^…]`, `[[:alpha:]]`), `^ $` (start and end of text), groups `(…)`, `(?:…)`,
/// `(?P<name>…)`, alternation, `* + ?`, `{n}`, `{n,}`, `{n,m}` (counts up to 1000; lazy forms
/// accepted) and a leading `(?i)`. Backreferences and lookaround are rejected because they cannot
/// run in linear time. Matching works on Unicode scalars; the Perl classes are ASCII as in RE2
/// and are not widened by `(?i)`.
///
/// ```swift
/// let regex = try LinearRegex("^[a-z0-9.-]+\\.example\\.com$")
/// regex.matches("api.example.com")  // true
/// ```
public struct LinearRegex: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let program: [RegexInstruction]
    private let isAnchoredAtStart: Bool
    /// A literal every match contains, tested before the VM runs; nil for anchored patterns.
    private let requiredLiteral: RequiredLiteral?

    /// Compiles a pattern, or throws an error that names the offending offset in the pattern.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        let parsed = try RegexParser.parse(pattern)
        self.pattern = pattern
        program = RegexCompiler.compile(parsed.node)
        isAnchoredAtStart = parsed.node.isAnchoredAtStart
        // An anchored search stops as soon as its threads die, usually within a few scalars: a
        // substring test over the whole text would cost more than it saves.
        requiredLiteral = isAnchoredAtStart ? nil : RequiredLiteral(parsed.node)
    }

    /// Whether the pattern matches anywhere in `text` (search semantics, like RE2 and CEL).
    ///
    /// Anchor with `^` and `$` to require the whole text to match.
    public func matches(_ text: String) -> Bool {
        evaluate(text).matched
    }

    /// Matches like `matches(_:)` and also reports the work done, for budgets and tests.
    ///
    /// A text that lacks a literal every match contains (`curl` in `(^|/)curl$`) is rejected by
    /// a substring test, whose steps are the bytes it reads.
    public func evaluate(_ text: String) -> RegexEvaluation {
        if let requiredLiteral, !requiredLiteral.isContained(in: text) {
            return RegexEvaluation(matched: false, steps: text.utf8.count)
        }
        return evaluateWithoutPrefilter(text)
    }

    /// The VM's search alone, without the required-literal test: what the tests compare with.
    func evaluateWithoutPrefilter(_ text: String) -> RegexEvaluation {
        let result = PikeVM.search(program, anchoredAtStart: isAnchoredAtStart, in: text)
        return RegexEvaluation(matched: result.matched, steps: result.steps)
    }

    /// The number of NFA instructions; the work per input scalar is at most twice this.
    public var programSize: Int { program.count }

    /// The pattern as written.
    public var description: String { pattern }

    /// Two regexes are equal when their patterns are.
    public static func == (lhs: LinearRegex, rhs: LinearRegex) -> Bool {
        lhs.pattern == rhs.pattern
    }
}

/// The outcome of one search with the number of VM steps it took.
public struct RegexEvaluation: Sendable, Equatable {
    /// Whether the pattern matched somewhere in the text.
    public let matched: Bool
    /// Instructions visited plus scalar tests made; at most about 2 × program size × (length + 1).
    public let steps: Int
}
