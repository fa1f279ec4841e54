import PalisadeCore
import Reporters

/// Scans committed fixtures the way `palisade scan` does, with paths made relative to the
/// repository root so that reports do not depend on where the checkout lives.
enum FixtureScan {
    /// The report of scanning `paths` (relative to the repository root) with default settings.
    static func report(
        _ paths: [String], unknown: UnknownPolicy? = nil, recordsPasses: Bool = false,
        recordsEvidence: Bool = false
    ) -> ScanReport {
        var options = ScanOptions(
            paths: paths.map(TestPaths.absolute), unknown: unknown,
            configPath: TestPaths.absolute(TestPaths.defaultConfig))
        options.recordsPasses = recordsPasses
        options.recordsEvidence = recordsEvidence
        // Waivers are judged on the day the evidence's run facts name (``evidenceFacts``).
        if recordsEvidence { options.today = evidenceFacts.day }
        var report = Scan.run(options).0
        report.findings = report.findings.map { finding in
            var relative = finding
            relative.location.file = relativePath(finding.location.file)
            relative.location.source?.file = relativePath(finding.location.source?.file ?? "")
            return relative
        }
        report.passedChecks = report.passedChecks.map { check in
            var relative = check
            relative.location.file = relativePath(check.location.file)
            return relative
        }
        report.errors = report.errors.map { error in
            var relative = error
            relative.file = relativePath(error.file)
            return relative
        }
        if var evidence = report.evidence {
            evidence.inputs = evidence.inputs.map { input in
                var relative = input
                relative.path = relativePath(input.path)
                return relative
            }
            evidence.evaluations = evidence.evaluations.map { record in
                var relative = record
                relative.location.file = relativePath(record.location.file)
                relative.suppression?.file = relativePath(record.suppression?.file ?? "")
                return relative
            }
            evidence.configuration.source = evidence.configuration.source.map(relativePath)
            evidence.packDigest = String(repeating: "0", count: 64)
            report.evidence = evidence
        }
        return report
    }

    /// Fixed run facts for evidence reports: a time, a command line, no git work tree, no CI.
    static let evidenceFacts = RunFacts(
        unixTime: 1_767_225_600, timeSource: "SOURCE_DATE_EPOCH",
        commandLine: ["palisade", "scan", "--report", "evidence=evidence.json", "fixtures"],
        git: GitFacts(state: .notAWorkTree), ci: nil)

    /// The report over both golden inputs: the secrets plan and the golden Dockerfile.
    ///
    /// The rule pack digest is replaced by a fixed one: it changes with any edit to any rule,
    /// and golden files should change only when these inputs' findings or the formats do.
    static func goldenReport(recordsPasses: Bool = false, recordsEvidence: Bool = false) -> ScanReport {
        var report = report(
            [TestPaths.secretsPlan, TestPaths.goldenDockerfile], recordsPasses: recordsPasses,
            recordsEvidence: recordsEvidence)
        let version = report.rulePack.split(separator: "+").first.map(String.init) ?? report.rulePack
        report.rulePack = version + "+sha256:" + String(repeating: "0", count: 64)
        return report
    }

    /// The report over the hostile plan and Dockerfile, with the pack digest fixed as above.
    static func hostileReport(recordsPasses: Bool = false, recordsEvidence: Bool = false) -> ScanReport {
        var report = report(
            [TestPaths.hostilePlan, TestPaths.hostileDockerfile], recordsPasses: recordsPasses,
            recordsEvidence: recordsEvidence)
        let version = report.rulePack.split(separator: "+").first.map(String.init) ?? report.rulePack
        report.rulePack = version + "+sha256:" + String(repeating: "0", count: 64)
        return report
    }

    private static func relativePath(_ path: String) -> String {
        let prefix = TestPaths.repositoryRoot + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
