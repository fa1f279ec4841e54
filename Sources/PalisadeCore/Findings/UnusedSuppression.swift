/// An inline suppression comment that silenced nothing in a scan, like an unused waiver: the
/// finding it was written for is gone, or the comment is in the wrong place or names a wrong id.
public struct UnusedSuppression: Sendable, Equatable, CustomStringConvertible {
    /// The Dockerfile.
    public let file: String
    /// The comment's line.
    public let line: Int
    /// The ids the comment names.
    public let ruleIDs: [String]
    /// The ids that name no rule.
    public let unknownRuleIDs: [String]
    /// True for `ignore-file=`.
    public let wholeFile: Bool

    /// `FILE:LINE:1: warning: ...`, saying why it is unused and where suppressions go.
    public var description: String {
        let form = wholeFile ? "ignore-file" : "ignore"
        var text =
            "\(file):\(line):1: warning: `# palisade \(form)=\(ruleIDs.joined(separator: ","))` suppresses nothing"
        if !unknownRuleIDs.isEmpty {
            text += "; no rule has the id \(unknownRuleIDs.joined(separator: ", "))"
        } else if wholeFile {
            text += " in this file; remove it"
        } else {
            text +=
                "; it silences only the instruction right below its comment block (for a stage's"
                + " findings, the stage's FROM): move it there or remove it"
        }
        return text
    }
}
