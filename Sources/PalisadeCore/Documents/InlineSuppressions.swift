import Policy

/// `# palisade ignore=ID[,ID] reason` comments in a Dockerfile (see "What a Dockerfile rule sees" in `docs/policy-language.md`).
///
/// The instruction form silences rules for the instruction that follows the comment block it
/// stands in; `# palisade ignore-file=ID[,ID] reason` silences them for the whole file. A
/// suppression must give a reason; one without is reported.
public struct InlineSuppressions: Sendable, Equatable {
    /// One parsed suppression comment.
    public struct Entry: Sendable, Equatable {
        /// The comment's line.
        public var line: Int
        /// The rule ids it names.
        public var ruleIDs: [String]
        /// The free-text reason; empty when missing.
        public var reason: String
        /// True for `ignore-file`.
        public var wholeFile: Bool
    }

    /// Every suppression comment in file order.
    public private(set) var entries: [Entry] = []

    /// Parses suppression comments from `(line, text)` pairs, text including the leading `#`.
    public init(comments: [(line: Int, text: String)]) {
        for (line, text) in comments {
            if let entry = Self.parse(text, line: line) { entries.append(entry) }
        }
    }

    static func parse(_ comment: String, line: Int) -> Entry? {
        // The parser may hand over the comment with or without its `#`.
        var rest = Substring(comment).drop(while: { $0 == " " || $0 == "\t" })
        if rest.first == "#" { rest = rest.dropFirst() }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        guard rest.hasPrefix("palisade") else { return nil }
        rest = rest.dropFirst("palisade".count)
        // `palisade:ignore=` is the spelling Terraform files use; both are read everywhere.
        if rest.first == ":" { rest = rest.dropFirst() }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        let wholeFile: Bool
        if rest.hasPrefix("ignore-file=") {
            wholeFile = true
            rest = rest.dropFirst("ignore-file=".count)
        } else if rest.hasPrefix("ignore=") {
            wholeFile = false
            rest = rest.dropFirst("ignore=".count)
        } else {
            return nil
        }
        let idsText = rest.prefix(while: { $0 != " " && $0 != "\t" })
        let reason = String(rest.dropFirst(idsText.count)).trimmingSpaces()
        let ids = idsText.split(separator: ",").map { String($0).uppercased() }.filter { !$0.isEmpty }
        return Entry(line: line, ruleIDs: ids, reason: reason, wholeFile: wholeFile)
    }

    /// Rule ids silenced for an instruction whose comment block spans `commentLines` (the lines
    /// directly above it, comments only), plus the file-level ones.
    public func suppressedRules(commentLines: ClosedRange<Int>?) -> Set<String> {
        var ids = Set<String>()
        for entry in entries {
            if entry.wholeFile || (commentLines?.contains(entry.line) ?? false) {
                ids.formUnion(entry.ruleIDs)
            }
        }
        return ids
    }

    /// The entry silencing each rule for an instruction whose comment block spans
    /// `commentLines`, file-level ones included; the closest entry wins.
    public func entriesByRule(commentLines: ClosedRange<Int>?) -> [String: Entry] {
        var byRule: [String: Entry] = [:]
        for entry in entries where entry.wholeFile || (commentLines?.contains(entry.line) ?? false) {
            for id in entry.ruleIDs { byRule[id] = entry }
        }
        return byRule
    }

    /// The entries as policies see them: `file.suppressions`, a list of
    /// `{line, rule_ids, reason, whole_file}` in file order.
    public var value: Value {
        .list(
            entries.map { entry in
                .map([
                    "line": .int(Int64(entry.line)), "rule_ids": .list(entry.ruleIDs.map(Value.string)),
                    "reason": .string(entry.reason), "whole_file": .bool(entry.wholeFile),
                ])
            })
    }

    /// Rule ids silenced for the whole file.
    public var fileLevelRules: Set<String> {
        Set(entries.filter(\.wholeFile).flatMap(\.ruleIDs))
    }
}
