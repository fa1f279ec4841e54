import Foundation
import Testing

/// The size limits: an input beyond one is refused with exit 2 and one line naming the file and
/// the setting that raises it, before the costly work; the setting moves the limit.
@Suite("Input limits")
struct InputLimitTests {
    /// A clean plan of one bucket (a few KiB).
    static let plan = RepositoryPaths.examples + "/policies/ORG-TAG-001/fixtures/omitted/plan.json"

    /// A Dockerfile of `instructions` instructions: a FROM, then `RUN true` lines.
    static func dockerfile(instructions: Int) -> String {
        "FROM alpine:3.19\n" + String(repeating: "RUN true\n", count: instructions - 1)
    }

    /// A Dockerfile whose second instruction is a `RUN echo a a ...` of about `length` bytes,
    /// one `a` per continuation line, so the logical line, not a physical one, is measured.
    static func dockerfile(lineLength length: Int) -> String {
        // "RUN echo " and "a " per continuation line once joined, and a last "a".
        let words = (length - 10) / 2
        return "FROM alpine:3.19\nRUN echo \\\n" + String(repeating: "a \\\n", count: words) + "a\n"
    }

    /// Scans `path` in `scratch` and expects exit 2 with one error line naming it and `setting`.
    static func expectRefused(
        _ path: String, in scratch: TemporaryDirectory, mentioning setting: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try CLI.run(["scan", "--format", "json", path], in: scratch.path)
        #expect(!result.crashed, sourceLocation: sourceLocation)
        #expect(
            result.status == 2, "exit \(result.status): \(result.standardError)",
            sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(result.errorLines)", sourceLocation: sourceLocation)
        let line = result.errorLines.first ?? ""
        #expect(line.hasPrefix("palisade: \(path):"), "\(line)", sourceLocation: sourceLocation)
        #expect(line.contains(setting), "\(line)", sourceLocation: sourceLocation)
    }

    /// Scans `path` in `scratch` and expects it read: exit 0 or 1, no error line.
    static func expectRead(
        _ path: String, in scratch: TemporaryDirectory, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try CLI.run(["scan", "--format", "json", path], in: scratch.path)
        #expect(
            !result.crashed && (result.status == 0 || result.status == 1),
            "exit \(result.status): \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.errorLines.isEmpty, "\(result.errorLines)", sourceLocation: sourceLocation)
    }

    @Test("a 3 GiB plan is refused from its size at once, before a byte is read")
    func hugePlanIsRefusedAtOnce() throws {
        let scratch = try TemporaryDirectory()
        // Sparse: the file claims 3 GiB and takes no disk.
        let path = try scratch.write("huge.json", Array("{}".utf8))
        #expect(truncate(path, 3 << 30) == 0)
        let started = ContinuousClock.now
        try Self.expectRefused("huge.json", in: scratch, mentioning: "larger than 2 GiB")
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("max_input_size lowers the limit for plans, Dockerfiles and standard input")
    func maximumInputSizeApplies() throws {
        let scratch = try TemporaryDirectory()
        let plan = Array(try Data(contentsOf: URL(fileURLWithPath: Self.plan)))
        try scratch.write("plan.json", plan)
        try scratch.write("Dockerfile", Self.dockerfile(instructions: 3))
        try Self.expectRead("plan.json", in: scratch)
        try Self.expectRead("Dockerfile", in: scratch)

        try scratch.write(".palisade.yaml", "max_input_size: 20\n")
        try Self.expectRefused("plan.json", in: scratch, mentioning: "max_input_size")
        try Self.expectRefused("Dockerfile", in: scratch, mentioning: "max_input_size")
        let piped = try CLI.run(["scan", "-"], in: scratch.path, input: plan)
        #expect(piped.status == 2 && piped.errorLines.count == 1, "\(piped.standardError)")
        #expect(piped.errorLines.first?.hasPrefix("palisade: -: the input is larger than 20 bytes") == true)

        try scratch.write(".palisade.yaml", "max_input_size: \(plan.count)\n")
        try Self.expectRead("plan.json", in: scratch)
    }

    /// A Dockerfile limit: refused past its default, then moved by its setting on a small file.
    struct DockerfileLimit: Sendable, CustomTestStringConvertible {
        /// The setting that moves it.
        let setting: String
        /// A Dockerfile beyond the default limit.
        let beyondDefault: String
        /// A small Dockerfile, read with the default limit.
        let small: String
        /// A setting value just below what `small` needs, and the refusal it gives.
        let tooLow: (value: String, refusal: String)
        /// A setting value that reads `small` again.
        let enough: String

        var testDescription: String { setting }
    }

    static let dockerfileLimits = [
        DockerfileLimit(
            setting: "max_dockerfile_instructions", beyondDefault: dockerfile(instructions: 10_001),
            small: dockerfile(instructions: 5), tooLow: ("4", "more than 4 instructions"), enough: "5"),
        // One physical line of 100 MiB would be the attack; 2 MiB shows the same refusal.
        DockerfileLimit(
            setting: "max_dockerfile_line_length",
            beyondDefault: "FROM alpine:3.19\nRUN echo " + String(repeating: "a", count: 2 << 20) + "\n",
            small: dockerfile(lineLength: 400), tooLow: ("300", "longer than 300 bytes"), enough: "1KiB"),
    ]

    @Test(
        "more than 10,000 instructions or an instruction longer than 256 KiB is refused; the setting moves the limit",
        arguments: dockerfileLimits)
    func dockerfileLimitIsEnforced(_ limit: DockerfileLimit) throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("Dockerfile", limit.beyondDefault)
        let started = ContinuousClock.now
        try Self.expectRefused("Dockerfile", in: scratch, mentioning: limit.setting)
        #expect(ContinuousClock.now - started < .seconds(10))

        try scratch.write("small.Dockerfile", limit.small)
        try Self.expectRead("small.Dockerfile", in: scratch)
        try scratch.write(".palisade.yaml", "\(limit.setting): \(limit.tooLow.value)\n")
        try Self.expectRefused("small.Dockerfile", in: scratch, mentioning: limit.tooLow.refusal)
        try scratch.write(".palisade.yaml", "\(limit.setting): \(limit.enough)\n")
        try Self.expectRead("small.Dockerfile", in: scratch)
    }

    @Test("a heredoc's body counts toward its instruction's length")
    func heredocCountsTowardTheLength() throws {
        let scratch = try TemporaryDirectory()
        let body = String(repeating: "echo hello\n", count: 40)
        try scratch.write("Dockerfile", "FROM alpine:3.19\nRUN <<EOF\n" + body + "EOF\n")
        try Self.expectRead("Dockerfile", in: scratch)
        try scratch.write(".palisade.yaml", "max_dockerfile_line_length: 300\n")
        try Self.expectRefused("Dockerfile", in: scratch, mentioning: "longer than 300 bytes")
    }

    /// A single long string has no limit of its own (docs/hostile-input.md).
    ///
    /// The input-size limit bounds it; it is read whole, and a rule sees all of it.
    @Test("a plan with an 8 MiB string is read whole: no limit of its own")
    func longStringIsReadWhole() throws {
        let scratch = try TemporaryDirectory()
        let text = try String(contentsOfFile: Self.plan, encoding: .utf8)
        let long = String(repeating: "x", count: 8 << 20)
        // The fixture's bucket name becomes 8 MiB long.
        let longPlan = text.replacingOccurrences(of: "palisade-example-bare", with: long)
        #expect(longPlan.count > 8 << 20, "the fixture no longer names its bucket palisade-example-bare")
        try scratch.write("plan.json", longPlan)
        try Self.expectRead("plan.json", in: scratch)
        let printed = try CLI.run(["parse", "plan.json"], in: scratch.path)
        #expect(printed.status == 0)
        #expect(printed.standardOutput.contains(long))
    }

    @Test("palisade config shows the limits a config sets, in a form it reads back")
    func configShowsChangedLimits() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write(
            ".palisade.yaml",
            "max_input_size: 512 MiB\nmax_dockerfile_instructions: 500\nmax_dockerfile_line_length: 4KiB\n")
        let shown = try CLI.run(["config"], in: scratch.path)
        #expect(shown.status == 0, "\(shown.standardError)")
        let expected =
            "max_input_size: 536870912\nmax_dockerfile_instructions: 500\nmax_dockerfile_line_length: 4096\n"
        #expect(shown.standardOutput.contains(expected), "\(shown.standardOutput)")
        try scratch.write("saved.yaml", shown.standardOutput)
        let reread = try CLI.run(["config", "--config", "saved.yaml"], in: scratch.path)
        #expect(reread.standardOutput.contains(expected), "\(reread.standardOutput)")

        let empty = try TemporaryDirectory()
        let defaults = try CLI.run(["config"], in: empty.path)
        #expect(!defaults.standardOutput.contains("max_input_size"), "\(defaults.standardOutput)")
    }

    @Test(
        "a bad limit setting is a config error naming its line",
        arguments: [
            "max_input_size: lots", "max_input_size: 0", "max_input_size: 3GiB", "max_input_size: -5",
            "max_dockerfile_instructions: 0", "max_dockerfile_instructions: many",
            "max_dockerfile_line_length: 1.5MiB", "max_dockerfile_line_length: [1]", "max_input_sise: 1MiB",
        ])
    func badSettingIsAConfigError(_ setting: String) throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("Dockerfile", Self.dockerfile(instructions: 3))
        try scratch.write(".palisade.yaml", "fail_on: high\n" + setting + "\n")
        let result = try CLI.run(["scan", "Dockerfile"], in: scratch.path)
        #expect(!result.crashed && result.status == 2, "exit \(result.status): \(result.standardError)")
        let key = String(setting.prefix { $0 != ":" })
        #expect(
            result.errorLines.contains {
                $0.hasPrefix("palisade: ") && $0.contains(".palisade.yaml:2:") && $0.contains(key)
            },
            "\(result.errorLines)")
    }
}
