import PalisadeCore
import Reporters
import Testing

/// The run facts of the evidence report: time, CI run, git remote.
@Suite("Run facts")
struct RunFactsTests {
    @Test(
        "The time is ISO 8601 in UTC to the second",
        arguments: [
            (0, "1970-01-01T00:00:00Z"), (1_767_225_600, "2026-01-01T00:00:00Z"),
            (951_825_599, "2000-02-29T11:59:59Z"), (1_764_946_245, "2025-12-05T14:50:45Z"),
        ])
    func timestamp(seconds: Int, expected: String) {
        #expect(RunFacts(unixTime: seconds).timestamp == expected)
    }

    @Test("SOURCE_DATE_EPOCH is a whole number of seconds, or an error; unset or empty means the clock")
    func sourceDateEpoch() throws {
        func parse(_ value: String?) -> Result<Int, InputError>? {
            RunFacts.sourceDateEpoch(fromEnvironment: { $0 == "SOURCE_DATE_EPOCH" ? value : nil })
        }
        #expect(try parse("1767225600")?.get() == 1_767_225_600)
        #expect(parse(nil) == nil)
        #expect(parse("") == nil)
        for bad in ["-5", "1.5", "tomorrow", "99999999999999999999999"] {
            guard case .failure(let error)? = parse(bad) else {
                Issue.record("\(bad) was accepted")
                continue
            }
            #expect(error.description.hasPrefix("SOURCE_DATE_EPOCH: must be a whole number of seconds"))
        }
    }

    @Test("The CI run: GitHub first, then GitLab, then Jenkins; empty variables are unset")
    func ciRun() {
        func run(_ variables: [String: String]) -> CIRun? { CIRun.fromEnvironment { variables[$0] } }
        #expect(
            run([
                "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "7",
                "BUILD_URL": "x",
            ])
                == CIRun(provider: "github", url: "https://github.com/o/r/actions/runs/7"))
        #expect(
            run(["GITHUB_SERVER_URL": "", "CI_PIPELINE_URL": "https://gitlab.example.com/p/-/pipelines/3"])
                == CIRun(provider: "gitlab", url: "https://gitlab.example.com/p/-/pipelines/3"))
        #expect(run(["BUILD_URL": "https://ci.example.com/job/9/"])?.provider == "jenkins")
        #expect(run(["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r"]) == nil)
        #expect(run([:]) == nil)
    }

    @Test("A remote's user name and password are removed; an scp-like remote keeps its user")
    func remoteWithoutCredentials() {
        #expect(
            GitFacts.withoutCredentials("https://x-access-token:ghs_abc@github.com/o/r.git")
                == "https://github.com/o/r.git")
        #expect(GitFacts.withoutCredentials("https://token@gitlab.com/o/r") == "https://gitlab.com/o/r")
        #expect(GitFacts.withoutCredentials("ssh://git@host:22/o/r.git") == "ssh://host:22/o/r.git")
        #expect(GitFacts.withoutCredentials("git@github.com:o/r.git") == "git@github.com:o/r.git")
        #expect(GitFacts.withoutCredentials("https://github.com/o/r@v1") == "https://github.com/o/r@v1")
        #expect(GitFacts(state: .workTree, remote: "https://u:p@h/r").remote == "https://h/r")
    }
}
