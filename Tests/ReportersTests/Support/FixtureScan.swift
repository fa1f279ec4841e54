import PalisadeCore

/// Scans committed fixtures the way `palisade scan` does, with paths made relative to the
/// repository root so that reports do not depend on where the checkout lives.
enum FixtureScan {
    /// The report of scanning `paths` (relative to the repository root) with default settings.
    static func report(_ paths: [String]) -> ScanReport {
        let options = ScanOptions(
            paths: paths.map(TestPaths.absolute), configPath: TestPaths.absolute(TestPaths.defaultConfig))
        var report = Scan.run(options).0
        report.findings = report.findings.map { finding in
            var relative = finding
            relative.location.file = relativePath(finding.location.file)
            relative.location.source?.file = relativePath(finding.location.source?.file ?? "")
            return relative
        }
        report.errors = report.errors.map { error in
            var relative = error
            relative.file = relativePath(error.file)
            return relative
        }
        return report
    }

    /// The report over both golden inputs: the secrets plan and the golden Dockerfile.
    ///
    /// The rule pack digest is replaced by a fixed one: it changes with any edit to any rule,
    /// and golden files should change only when these inputs' findings or the formats do.
    static func goldenReport() -> ScanReport {
        var report = report([TestPaths.secretsPlan, TestPaths.goldenDockerfile])
        let version = report.rulePack.split(separator: "+").first.map(String.init) ?? report.rulePack
        report.rulePack = version + "+sha256:" + String(repeating: "0", count: 64)
        return report
    }

    private static func relativePath(_ path: String) -> String {
        let prefix = TestPaths.repositoryRoot + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
