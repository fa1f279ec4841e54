import PalisadeCore

/// The facts about a run that tie an evidence report to one change: when, how it was invoked,
/// which commit, and which CI run.
public struct RunFacts: Sendable, Equatable {
    /// The run's time in seconds since 1970 (UTC).
    public var unixTime: Int
    /// Where the time came from: `SOURCE_DATE_EPOCH` or `clock`.
    public var timeSource: String
    /// The command line, the program named by its file name only.
    public var commandLine: [String]
    /// The git commit, branch and remote of the scan root.
    public var git: GitFacts
    /// The CI run, from the environment; nil outside CI.
    public var ci: CIRun?

    /// Creates facts; the defaults describe a run nobody recorded (tests, library callers).
    public init(
        unixTime: Int = 0, timeSource: String = "SOURCE_DATE_EPOCH", commandLine: [String] = [],
        git: GitFacts = GitFacts(state: .notAWorkTree), ci: CIRun? = nil
    ) {
        self.unixTime = unixTime
        self.timeSource = timeSource
        self.commandLine = commandLine
        self.git = git
        self.ci = ci
    }

    /// The time as ISO 8601 in UTC, to the second: `2026-12-05T09:30:00Z`.
    public var timestamp: String {
        let day = CalendarDay(unixTime: unixTime)
        let seconds = unixTime - day.daysSinceEpoch * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    /// The UTC day of the run, which waivers are judged on.
    public var day: CalendarDay { CalendarDay(unixTime: unixTime) }

    /// `SOURCE_DATE_EPOCH` when set: nil when unset or empty, a failure when it is not a whole
    /// number of seconds (reproducible-builds.org says to fail rather than guess).
    public static func sourceDateEpoch(
        fromEnvironment variable: (String) -> String?
    ) -> Result<Int, InputError>? {
        guard let text = variable("SOURCE_DATE_EPOCH"), !text.isEmpty else { return nil }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(text) else {
            return .failure(
                InputError(
                    file: "SOURCE_DATE_EPOCH",
                    message: "must be a whole number of seconds since 1970-01-01 UTC (got '\(text)')"))
        }
        return .success(seconds)
    }
}

/// The git state of the scan root.
public struct GitFacts: Sendable, Equatable {
    /// Whether and how git answered.
    public enum State: String, Sendable {
        /// The scan root is in a work tree and git answered.
        case workTree = "work_tree"
        /// No `.git` above the scan root, so git was not run.
        case notAWorkTree = "not_a_work_tree"
        /// The scan root is in a work tree but no `git` program was found.
        case gitMissing = "git_missing"
        /// The scan root is in a work tree but git could not read it (a repository owned by
        /// another user that `safe.directory` does not allow, say).
        case gitFailed = "git_failed"
    }

    /// Whether and how git answered.
    public var state: State
    /// The commit checked out (`HEAD`); nil before the first commit.
    public var commit: String?
    /// The branch checked out; nil when `HEAD` is detached.
    public var branch: String?
    /// The `origin` remote's URL without any user name or password; nil without one.
    public var remote: String?

    /// Creates git facts.
    public init(state: State, commit: String? = nil, branch: String? = nil, remote: String? = nil) {
        self.state = state
        self.commit = commit
        self.branch = branch
        self.remote = remote.map(Self.withoutCredentials)
    }

    /// `url` without the user information of `scheme://user:password@host/...`, which may hold
    /// a token; scp-like `git@host:path` keeps its (public) user name.
    public static func withoutCredentials(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + String(rest[rest.index(after: at)...])
    }
}

/// A CI run: its system and the page of the run.
public struct CIRun: Sendable, Equatable {
    /// `github`, `gitlab` or `jenkins`.
    public var provider: String
    /// The run's page.
    public var url: String

    /// Creates a CI run.
    public init(provider: String, url: String) {
        self.provider = provider
        self.url = url
    }

    /// The run from the environment: GitHub Actions (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`,
    /// `GITHUB_RUN_ID`), GitLab CI (`CI_PIPELINE_URL`) or Jenkins (`BUILD_URL`); nil when none is set.
    public static func fromEnvironment(_ variable: (String) -> String?) -> CIRun? {
        func value(_ name: String) -> String? { variable(name).flatMap { $0.isEmpty ? nil : $0 } }
        if let server = value("GITHUB_SERVER_URL"), let repository = value("GITHUB_REPOSITORY"),
            let run = value("GITHUB_RUN_ID")
        {
            return CIRun(
                provider: "github",
                url: GitFacts.withoutCredentials("\(server)/\(repository)/actions/runs/\(run)"))
        }
        if let pipeline = value("CI_PIPELINE_URL") {
            return CIRun(provider: "gitlab", url: GitFacts.withoutCredentials(pipeline))
        }
        if let build = value("BUILD_URL") {
            return CIRun(provider: "jenkins", url: GitFacts.withoutCredentials(build))
        }
        return nil
    }
}
