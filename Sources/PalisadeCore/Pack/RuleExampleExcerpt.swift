/// A short example of a rule's verdict, cut from one of its fixtures.
///
/// It holds the source of a few subjects with the outcome each gets. `palisade explain` and the
/// generated rule docs show the same excerpts, so both say the same thing.
public struct RuleExampleExcerpt: Sendable, Equatable {
    /// One subject of the excerpt.
    public struct Item: Sendable, Equatable {
        /// The resource address or `line N`.
        public let subject: String
        /// The expected outcome as printed (`fail high`, `pass`).
        public let verdict: String
        /// The source of the subject: a Dockerfile line or a Terraform resource block.
        public let source: [String]
    }

    /// The fixture case it comes from.
    public let caseName: String
    /// The file the source lines come from (`Dockerfile`, `main.tf`).
    public let file: String
    /// The language for a fenced code block (`dockerfile`, `hcl`).
    public let language: String
    /// The subjects shown.
    public let items: [Item]

    /// At most this many subjects per excerpt.
    static let maximumItems = 3
    /// A resource block longer than this is cut, with a `# ...` line.
    static let maximumBlockLines = 24

    /// A failing and a passing excerpt; either may be missing.
    ///
    /// They come from the `fail` and `pass` cases when those exist, otherwise from the first
    /// case with such an outcome.
    public static func representative(_ examples: [RuleExample]) -> (failing: Self?, passing: Self?) {
        (
            excerpt(examples, outcome: .fail, preferred: "fail"),
            excerpt(examples, outcome: .pass, preferred: "pass")
        )
    }

    private static func excerpt(_ examples: [RuleExample], outcome: Outcome, preferred: String) -> Self? {
        let ordered =
            examples.filter { $0.name == preferred } + examples.filter { $0.name != preferred }
        for example in ordered {
            let outcomes = example.expected.filter { $0.outcome == outcome }
            guard !outcomes.isEmpty, let built = excerpt(example, outcomes) else { continue }
            return built
        }
        return nil
    }

    private static func excerpt(_ example: RuleExample, _ outcomes: [FixtureOutcome]) -> Self? {
        if let dockerfile = example.files.first(where: { $0.path == "Dockerfile" }) {
            let lines = dockerfile.contents.split(separator: "\n", omittingEmptySubsequences: false)
            let items = outcomes.prefix(maximumItems).compactMap { outcome -> Item? in
                guard outcome.subject.hasPrefix("line "), let number = Int(outcome.subject.dropFirst(5)),
                    number >= 1, number <= lines.count
                else { return nil }
                return Item(
                    subject: outcome.subject, verdict: verdict(outcome), source: [String(lines[number - 1])])
            }
            guard !items.isEmpty else { return nil }
            return RuleExampleExcerpt(
                caseName: example.name, file: "Dockerfile", language: "dockerfile", items: items)
        }
        // Plans: the first outcome whose resource block is in a top-level .tf file.
        for outcome in outcomes {
            for file in example.files where file.path.hasSuffix(".tf") && !file.path.contains("/") {
                guard let block = resourceBlock(outcome.subject, in: file.contents) else { continue }
                return RuleExampleExcerpt(
                    caseName: example.name, file: file.path, language: "hcl",
                    items: [Item(subject: outcome.subject, verdict: verdict(outcome), source: block)])
            }
        }
        return nil
    }

    private static func verdict(_ outcome: FixtureOutcome) -> String {
        ([outcome.attribute, outcome.outcome.rawValue, outcome.severity?.rawValue].compactMap { $0 })
            .joined(separator: " ")
    }

    /// The `resource "TYPE" "NAME" { ... }` block of `aws_x.name` (or `aws_x.name[0]`), up to
    /// its closing brace at the start of a line.
    static func resourceBlock(_ address: String, in text: String) -> [String]? {
        let base = address.split(separator: "[", maxSplits: 1).first.map(String.init) ?? address
        let parts = base.split(separator: ".")
        guard parts.count == 2 else { return nil }
        let header = "resource \"\(parts[0])\" \"\(parts[1])\""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header) }) else { return nil }
        var end = start
        if !lines[start].hasSuffix("}") {
            while end + 1 < lines.count, !lines[end].hasPrefix("}") { end += 1 }
        }
        var block = Array(lines[start...end])
        if block.count > maximumBlockLines {
            block = Array(block.prefix(maximumBlockLines - 2)) + ["  # ...", "}"]
        }
        return block
    }
}
