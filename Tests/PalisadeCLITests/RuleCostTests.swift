import Testing

/// `PALISADE_TIMINGS=rules` tells a rule author what each rule costs.
@Suite("Rule costs")
struct RuleCostTests {
    @Test(
        "PALISADE_TIMINGS=rules prints the totals and the most expensive rules, and the report is unchanged")
    func rulesTimingLines() throws {
        let plain = try CLI.run(["scan", "--format", "json", "examples/terraform/plan.json"])
        let timed = try CLI.run(
            ["scan", "--format", "json", "examples/terraform/plan.json"],
            environment: ["PALISADE_TIMINGS": "rules"])
        #expect(timed.status == plain.status)
        let lines = timed.standardError.split(separator: "\n").map(String.init)
        let totals = try #require(lines.first { $0.hasPrefix("palisade timing: rules ") })
        #expect(totals.contains(" evaluations, ") && totals.hasSuffix(" µs per evaluation"), "\(totals)")
        // Subjects are built once per resource type for every rule that selects it: their time is
        // in the totals, on a line of its own, and in no rule's line.
        #expect(
            lines.contains {
                $0.hasPrefix("palisade timing: rules' subjects selected (in the figures above, in no rule's ")
                    && $0.hasSuffix(" ms CPU")
            }, "\(lines)")
        // Compiling the rules is a cost per rule, not per evaluation: it has a line of its own.
        #expect(
            lines.contains {
                $0.hasPrefix("palisade timing: rules compiled before their evaluation ")
                    && $0.hasSuffix(" ms CPU")
            }, "\(lines)")
        let ruleLines = lines.filter { $0.hasPrefix("palisade timing: rule AWS-") }
        #expect((1...10).contains(ruleLines.count), "\(ruleLines)")
        // Per evaluation, or per subject for an each rule whose lists were all empty (AWS-EC2-006
        // on the example's security groups, when it is among the ten).
        #expect(
            ruleLines.allSatisfy {
                $0.contains(" ms CPU (")
                    && ($0.contains(" µs each; findings ") || $0.contains(" µs per subject; findings "))
                    && $0.hasSuffix(" ms CPU")
            },
            "\(ruleLines)")
        // A finding's message, location and severity, apart from its decision: the example plan has
        // seven findings, and their time is part of the rules' time.
        let findings = try #require(lines.first { $0.hasPrefix("palisade timing: rules' findings ") })
        #expect(findings.contains(" 7 findings, ") && findings.hasSuffix(" µs per evaluation"), "\(findings)")
        // Only the ten most expensive rules are listed, so their findings add up to at most seven.
        let ruleFindings = ruleLines.compactMap { line in
            line.split(separator: "; findings ").last?.split(separator: ",").first.flatMap { Int($0) }
        }
        #expect(ruleFindings.count == ruleLines.count, "\(ruleLines)")
        #expect((1...7).contains(ruleFindings.reduce(0, +)), "\(ruleLines)")
        // The evaluation's steps, on one line for the document.
        let steps = lines.filter { $0.hasPrefix("palisade timing: evaluate ") && $0.contains(" steps: ") }
        #expect(steps.count == 1, "\(lines)")
        for step in [
            "select subjects", "prepare (beside the selection)", "compile rules", "rules on subjects",
            "number repeated keys",
        ] {
            #expect(steps.first?.contains(step + " ") == true, "\(steps)")
        }
        // Timings go to standard error only: the report is the same bytes.
        #expect(timed.standardOutput == plain.standardOutput)
    }
}
