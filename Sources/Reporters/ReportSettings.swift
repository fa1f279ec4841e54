import PalisadeCore

/// What a run's reporters need to know beyond the findings: the gate's settings, where the scan
/// ran, and where the code and the full report live.
public struct ReportSettings: Sendable, Equatable {
    /// The lowest severity that fails the gate (the PR comment's verdict).
    public var failOn: FailThreshold
    /// What unknown outcomes do (the verdict, and whether they are listed).
    public var unknown: UnknownPolicy
    /// The directory paths are made relative to (the working directory of the run), or nil to
    /// keep paths as given.
    public var scanRoot: String?
    /// SARIF `automationDetails.id`, so that several uploads in one workflow stay apart.
    public var sarifCategory: String?
    /// Where the scanned commit's files can be browsed, for links to `file:line`.
    public var source: SourceLinks?
    /// Where the full report of this run can be read (a CI job's page), named when the PR
    /// comment leaves rows out.
    public var fullReportURL: String?
    /// A rule's documentation page, with `{id}` standing for the rule id.
    public var ruleDocsURL: String?
    /// When, where and how the run happened, for the evidence report.
    public var runFacts = RunFacts()

    /// Creates settings; the defaults are the gate's defaults with no links.
    public init(
        failOn: FailThreshold = Configuration().failOn, unknown: UnknownPolicy = .warn,
        scanRoot: String? = nil,
        sarifCategory: String? = nil, source: SourceLinks? = nil, fullReportURL: String? = nil,
        ruleDocsURL: String? = nil
    ) {
        self.failOn = failOn
        self.unknown = unknown
        self.scanRoot = scanRoot
        self.sarifCategory = sarifCategory
        self.source = source
        self.fullReportURL = fullReportURL
        self.ruleDocsURL = ruleDocsURL
    }

    /// The page of one rule's documentation, when a docs URL is configured.
    func docsURL(for ruleID: String) -> String? {
        ruleDocsURL.map { $0.replacing("{id}", with: URIText.encodedPathComponent(ruleID)) }
    }
}

/// Links to files of one commit in a code host.
public struct SourceLinks: Sendable, Equatable {
    /// The prefix a relative path is appended to, such as
    /// `https://github.com/o/r/blob/<sha>/`.
    public var fileURLPrefix: String
    /// How a line is addressed after the file URL.
    public var lineAnchor: LineAnchor

    /// The two ways code hosts address lines.
    public enum LineAnchor: Sendable, Equatable {
        /// GitHub: `#L3-L5`.
        case github
        /// GitLab: `#L3-5`.
        case gitlab
    }

    /// Creates links.
    public init(fileURLPrefix: String, lineAnchor: LineAnchor) {
        self.fileURLPrefix = fileURLPrefix
        self.lineAnchor = lineAnchor
    }

    /// Links from the CI environment: GitHub's `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and
    /// `GITHUB_SHA`, or GitLab's `CI_PROJECT_URL` and `CI_COMMIT_SHA`; nil when neither is set.
    public static func fromEnvironment(_ variable: (String) -> String?) -> SourceLinks? {
        func value(_ name: String) -> String? { variable(name).flatMap { $0.isEmpty ? nil : $0 } }
        if let server = value("GITHUB_SERVER_URL"), let repository = value("GITHUB_REPOSITORY"),
            let sha = value("GITHUB_SHA")
        {
            return SourceLinks(fileURLPrefix: "\(server)/\(repository)/blob/\(sha)/", lineAnchor: .github)
        }
        if let project = value("CI_PROJECT_URL"), let sha = value("CI_COMMIT_SHA") {
            return SourceLinks(fileURLPrefix: "\(project)/-/blob/\(sha)/", lineAnchor: .gitlab)
        }
        return nil
    }

    /// The page of a CI run: a GitHub Actions run or a GitLab job; nil outside CI.
    public static func runURL(fromEnvironment variable: (String) -> String?) -> String? {
        func value(_ name: String) -> String? { variable(name).flatMap { $0.isEmpty ? nil : $0 } }
        if let server = value("GITHUB_SERVER_URL"), let repository = value("GITHUB_REPOSITORY"),
            let run = value("GITHUB_RUN_ID")
        {
            return "\(server)/\(repository)/actions/runs/\(run)"
        }
        return value("CI_JOB_URL")
    }

    /// The URL of `position`'s file and lines.
    func url(for position: PhysicalLocation) -> String {
        var url = fileURLPrefix + URIText.encodedPath(position.path)
        guard let start = position.startLine else { return url }
        url += "#L\(start)"
        if let end = position.endLine, end > start {
            url += lineAnchor == .github ? "-L\(end)" : "-\(end)"
        }
        return url
    }
}
