import Foundation
import Synchronization

/// CPU time spent per rule, printed when `PALISADE_TIMINGS=rules`, so a rule author sees what a
/// rule costs.
///
/// Every (rule, subject) work item is timed with the thread's CPU clock, so time spent waiting
/// for a core is not charged to a rule. Off, it costs one branch per work item.
public enum RuleCosts {
    /// Whether rule costs are recorded (`PALISADE_TIMINGS=rules`).
    public static let enabled: Bool = {
        guard let value = getenv("PALISADE_TIMINGS") else { return false }
        return String(cString: value) == "rules"
    }()

    /// What one rule cost: CPU nanoseconds and evaluations, summed over every input, and the
    /// findings among the evaluations with the part of the time spent building them (message,
    /// location, severity).
    struct Cost: Sendable {
        var nanoseconds: UInt64 = 0
        /// The subjects the rule was run on: one per work item.
        var subjects = 0
        /// The results: one per subject, or one per element of an `each` list.
        var evaluations = 0
        var findings = 0
        var findingNanoseconds: UInt64 = 0

        /// This cost with its times multiplied by `factor`: a span on the monotonic clock made
        /// CPU time by the task's ratio of the two.
        func scaled(by factor: Double) -> Cost {
            var scaled = self
            scaled.nanoseconds = UInt64(Double(nanoseconds) * factor)
            scaled.findingNanoseconds = UInt64(Double(findingNanoseconds) * factor)
            return scaled
        }

        /// Adds another cost of the same rule.
        mutating func add(_ other: Cost) {
            nanoseconds += other.nanoseconds
            subjects += other.subjects
            evaluations += other.evaluations
            findings += other.findings
            findingNanoseconds += other.findingNanoseconds
        }
    }

    private static let totals = Mutex<[String: Cost]>([:])
    /// CPU nanoseconds spent compiling rules' decisions before their evaluation.
    private static let compilation = Mutex<UInt64>(0)

    /// CPU nanoseconds spent selecting the rules' subjects (building a resource type's subjects,
    /// once for every rule that selects the type).
    private static let selection = Mutex<UInt64>(0)

    /// Adds the CPU time of selecting the subjects of the rules of one evaluation.
    static func addSelection(_ nanoseconds: UInt64) {
        selection.withLock { $0 += nanoseconds }
    }

    /// Adds the CPU time of compiling rules before an evaluation.
    static func addCompilation(_ nanoseconds: UInt64) {
        compilation.withLock { $0 += nanoseconds }
    }

    /// Adds one batch of measurements.
    static func add(_ costs: [String: Cost]) {
        totals.withLock { totals in
            for (rule, cost) in costs { totals[rule, default: Cost()].add(cost) }
        }
    }

    /// Prints the most expensive rules to standard error, with their share of all rules' time.
    public static func report(top count: Int = 10) {
        guard enabled else { return }
        let costs = totals.withLock { $0 }
        let selecting = selection.withLock { $0 }
        let total = costs.values.reduce(0) { $0 + $1.nanoseconds } + selecting
        let evaluations = costs.values.reduce(0) { $0 + $1.evaluations }
        let compiling = compilation.withLock { $0 }
        let findings = costs.values.reduce(0) { $0 + $1.findings }
        let findingTotal = costs.values.reduce(0) { $0 + $1.findingNanoseconds }
        var lines = [
            "palisade timing: rules \(costs.count) rules, \(evaluations) evaluations, "
                + "\(milliseconds(total)) ms CPU, \(microseconds(total, per: evaluations)) µs per evaluation",
            // A decision costs the same whatever it decides; a failure or unknown then builds its
            // finding, which can cost more than the decision did.
            "palisade timing: rules' findings (in the figures above) \(findings) findings, "
                + "\(milliseconds(findingTotal)) ms CPU, \(microseconds(findingTotal, per: findings)) µs each, "
                + "\(microseconds(findingTotal, per: evaluations)) µs per evaluation",
            "palisade timing: rules' subjects selected (in the figures above, in no rule's below) "
                + "\(milliseconds(selecting)) ms CPU",
            "palisade timing: rules compiled before their evaluation (not in the figures above) "
                + "\(milliseconds(compiling)) ms CPU",
        ]
        let ranked = costs.sorted {
            ($0.value.nanoseconds, $1.key) > ($1.value.nanoseconds, $0.key)
        }
        for (rule, cost) in ranked.prefix(count) {
            lines.append(line(rule: rule, cost: cost, share: total == 0 ? 0 : 100 * cost.nanoseconds / total))
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// One rule's line.
    ///
    /// A rule with an `each` list gives a result per element, not per subject: its line says on
    /// how many subjects, and a rule whose lists were all empty shows its cost per subject, since
    /// its time went into finding that out.
    static func line(rule: String, cost: Cost, share: UInt64) -> String {
        let evaluations: String
        let subjects = cost.subjects == 1 ? "1 subject" : "\(cost.subjects) subjects"
        if cost.evaluations == cost.subjects {
            evaluations =
                "\(cost.evaluations) evaluations, \(microseconds(cost.nanoseconds, per: cost.evaluations)) µs each"
        } else if cost.evaluations == 0 {
            evaluations =
                "0 evaluations on \(subjects) (their each lists were empty), "
                + "\(microseconds(cost.nanoseconds, per: cost.subjects)) µs per subject"
        } else {
            evaluations =
                "\(cost.evaluations) evaluations on \(subjects) (elements of each lists), "
                + "\(microseconds(cost.nanoseconds, per: cost.evaluations)) µs each"
        }
        return
            "palisade timing: rule \(rule) \(milliseconds(cost.nanoseconds)) ms CPU (\(share)%), \(evaluations); "
            + "findings \(cost.findings), \(milliseconds(cost.findingNanoseconds)) ms CPU"
    }

    private static func milliseconds(_ nanoseconds: UInt64) -> String {
        String(format: "%.1f", Double(nanoseconds) / 1e6)
    }

    private static func microseconds(_ nanoseconds: UInt64, per count: Int) -> String {
        String(format: "%.2f", count == 0 ? 0 : Double(nanoseconds) / 1e3 / Double(count))
    }
}
