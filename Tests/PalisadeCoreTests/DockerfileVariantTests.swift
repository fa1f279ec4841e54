import Dockerfile
import Testing

@testable import PalisadeCore

/// What one evaluation decided, in a form two runs over variants of a file can be compared by.
struct Observation: Hashable, Comparable, CustomStringConvertible {
    var line: Int
    var endLine: Int
    var outcome: String
    var severity: String
    var suppressed: Bool
    var message: String

    init(_ evaluation: Evaluation) {
        line = evaluation.location.line ?? 0
        endLine = evaluation.location.endLine ?? 0
        outcome = evaluation.outcome.rawValue
        severity =
            evaluation.outcome == .fail || evaluation.outcome == .unknown ? evaluation.severity.rawValue : ""
        suppressed = evaluation.suppressed
        message = evaluation.message
    }

    var isReported: Bool { outcome == "fail" || outcome == "unknown" }

    /// The same observation without its message, for variants that move lines (messages may
    /// quote line numbers).
    var withoutMessage: Observation {
        var copy = self
        copy.message = ""
        return copy
    }

    var description: String {
        "lines \(line)-\(endLine) \(outcome) \(severity)\(suppressed ? " suppressed" : "") \"\(message)\""
    }

    static func < (left: Observation, right: Observation) -> Bool { left.description < right.description }
}

/// One Dockerfile fixture, parsed, with its rule's evaluations on the file as committed.
struct VariantBase {
    let fixture: RuleFixture
    let rule: Rule
    let subjectKind: DockerfileSubjectKind
    let text: DockerfileText
    let model: DockerfileModel
    let observations: [Observation]

    init(_ fixture: RuleFixture) throws {
        self.fixture = fixture
        rule = try FixtureRunner.rule(fixture.ruleID)
        guard case .dockerfile(let kind, _) = rule.selection else {
            throw VariantError("\(fixture.ruleID) is not a Dockerfile rule")
        }
        subjectKind = kind
        let bytes = try FileSystem.read(fixture.inputPath)
        text = DockerfileText(bytes)
        model = try DockerfileModel.parse(bytes: bytes, path: fixture.inputPath)
        observations = try Self.observe(rule, fixture: fixture, bytes: bytes)
    }

    /// The rule's evaluations on `bytes`, sorted; evaluation errors fail the test.
    func observe(_ bytes: [UInt8], variant: String) throws -> [Observation] {
        try Self.observe(rule, fixture: fixture, bytes: bytes, variant: variant)
    }

    private static func observe(
        _ rule: Rule, fixture: RuleFixture, bytes: [UInt8], variant: String = "as committed"
    ) throws
        -> [Observation]
    {
        let (evaluations, errors) = try FixtureRunner.evaluate(rule, path: fixture.inputPath, bytes: bytes)
        #expect(errors.isEmpty, "\(fixture) (\(variant)): \(errors.map(\.description))")
        return evaluations.map(Observation.init).sorted()
    }

    /// First lines of the subjects the rule reports (fail or unknown), in order.
    var reportedLines: [Int] {
        Array(Set(observations.filter(\.isReported).map(\.line))).sorted()
    }

    /// A suppression comment naming this rule, with a reason.
    func suppression(_ form: String) -> String {
        "# palisade \(form)=\(fixture.ruleID) derived variant: suppression must silence the rule"
    }
}

struct VariantError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Derived variants of every Dockerfile rule fixture (issue #4 items 4-5): rewrites that must
/// not change what a rule decides, and suppressions that must silence exactly what they name.
@Suite("Dockerfile fixture variants")
struct DockerfileVariantTests {
    static let fixtures = RuleFixture.all().filter { $0.inputPath.hasSuffix("/Dockerfile") }

    /// Kinds BuildKit accepts after ONBUILD.
    static let onbuildTriggerKinds: Set<String> = [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "RUN", "SHELL",
        "STOPSIGNAL",
        "USER", "VOLUME", "WORKDIR",
    ]

    @Test("There are Dockerfile fixtures to derive variants from")
    func fixturesExist() {
        #expect(Self.fixtures.count > 40, "only \(Self.fixtures.count) Dockerfile fixtures found")
    }

    @Test("Lower-case instruction keywords decide the same", arguments: fixtures)
    func lowerCaseKeywords(_ fixture: RuleFixture) throws {
        let base = try VariantBase(fixture)
        let variant = base.text.lowercasingKeywords(of: base.model.instructions)
        #expect(variant != base.text, "\(fixture): no keyword was rewritten")
        let reparsed = try DockerfileModel.parse(bytes: variant.bytes, path: fixture.inputPath)
        #expect(
            reparsed.instructions.map(\.keyword) == base.model.instructions.map(\.keyword),
            "\(fixture): lower-casing keywords changed the instruction list")
        #expect(
            reparsed.instructions.allSatisfy { $0.keywordAsWritten == $0.keywordAsWritten.lowercased() },
            "\(fixture): a keyword was left upper-case")
        let observed = try base.observe(variant.bytes, variant: "lower-case keywords")
        // Messages may quote the instruction as written, so they are compared case-insensitively.
        func folded(_ observations: [Observation]) -> [Observation] {
            observations.map {
                var copy = $0
                copy.message = $0.message.lowercased()
                return copy
            }.sorted()
        }
        #expect(folded(observed) == folded(base.observations), "\(fixture): lower-case keywords")
    }

    @Test("CRLF line endings decide the same", arguments: fixtures)
    func crlfLineEndings(_ fixture: RuleFixture) throws {
        let base = try VariantBase(fixture)
        let observed = try base.observe(base.text.crlfBytes, variant: "CRLF")
        #expect(observed == base.observations, "\(fixture): CRLF line endings")
    }

    @Test("An inline ignore above a reported subject silences that subject only", arguments: fixtures)
    func inlineIgnore(_ fixture: RuleFixture) throws {
        let base = try VariantBase(fixture)
        if base.subjectKind == .file {
            try Test.cancel("\(fixture.ruleID) judges the whole file: only the ignore-file form silences it")
        }
        // A comment above a parser directive would turn the directive into a comment.
        let directiveLines = Set(base.model.directives.map(\.line))
        let targets = base.reportedLines.filter { !directiveLines.contains($0) }
        if targets.isEmpty {
            try Test.cancel(
                base.reportedLines.isEmpty
                    ? "\(fixture) reports nothing, so there is nothing to silence"
                    : "\(fixture) reports only on parser directive lines, which an inline comment cannot precede"
            )
        }
        for target in targets {
            let variant = base.text.inserting(base.suppression("ignore"), at: target)
            let observed = try base.observe(variant.bytes, variant: "ignore above line \(target)")
            let shift = { (line: Int) in line >= target ? line + 1 : line }
            let expected = base.observations.map { observation in
                var copy = observation
                copy.line = shift(observation.line)
                copy.endLine = shift(observation.endLine)
                copy.suppressed = observation.line == target
                return copy.withoutMessage
            }.sorted()
            #expect(
                observed.map(\.withoutMessage).sorted() == expected,
                "\(fixture): ignore inserted above line \(target)")
        }
    }

    @Test(
        "A file-level ignore silences every subject, at the top or the bottom",
        arguments: fixtures, [FileLevelPlacement.top, .bottom])
    func fileLevelIgnore(_ fixture: RuleFixture, placement: FileLevelPlacement) throws {
        let base = try VariantBase(fixture)
        let comment = base.suppression("ignore-file")
        // At the top means right after the parser directives, which must stay first.
        let position = (base.model.directives.map(\.line).max() ?? 0) + 1
        let variant =
            placement == .top ? base.text.inserting(comment, at: position) : base.text.appending(comment)
        let observed = try base.observe(variant.bytes, variant: "ignore-file at the \(placement)")
        let lineCount = variant.lines.count
        let expected = base.observations.map { observation in
            var copy = observation
            // A whole-file subject starts at line 1 wherever the comment goes.
            if placement == .top && base.subjectKind != .file {
                copy.line += observation.line >= position ? 1 : 0
                copy.endLine += observation.endLine >= position ? 1 : 0
            }
            // A whole-file subject ends at the last line, which the comment may have moved.
            if base.subjectKind == .file { copy.endLine = lineCount }
            copy.suppressed = true
            return placement == .top ? copy.withoutMessage : copy
        }.sorted()
        let compared = placement == .top ? observed.map(\.withoutMessage).sorted() : observed
        #expect(compared == expected, "\(fixture): ignore-file at the \(placement)")
    }

    @Test("A reported instruction wrapped in ONBUILD is still reported", arguments: fixtures)
    func onbuildWrapping(_ fixture: RuleFixture) throws {
        let base = try VariantBase(fixture)
        guard base.subjectKind == .instruction else {
            try Test.cancel("\(fixture.ruleID) judges a \(base.subjectKind.rawValue), not instructions")
        }
        // Instruction subjects include ONBUILD bodies, so every instruction rule
        // judges a trigger as the instruction it wraps, at the ONBUILD line.
        var skipped: [String] = []
        var targets: [Int] = []
        for line in base.reportedLines {
            guard let instruction = base.model.instructions.first(where: { $0.line == line }) else {
                continue
            }
            if !Self.onbuildTriggerKinds.contains(instruction.keyword) {
                skipped.append("line \(line): \(instruction.keyword) is not allowed after ONBUILD")
            } else if !instruction.heredocs.isEmpty {
                skipped.append("line \(line): BuildKit reads no heredocs in an ONBUILD trigger")
            } else {
                targets.append(line)
            }
        }
        if targets.isEmpty {
            try Test.cancel(
                skipped.isEmpty
                    ? "\(fixture) reports nothing, so there is nothing to wrap"
                    : "\(fixture): no reported instruction can be wrapped (\(skipped.joined(separator: "; ")))"
            )
        }
        for target in targets {
            let variant = base.text.wrappingInOnbuild(line: target)
            let observed = try base.observe(variant.bytes, variant: "ONBUILD at line \(target)")
            let before = base.observations.filter { $0.line == target }.map(\.outcome).sorted()
            let after = observed.filter { $0.line == target }.map(\.outcome).sorted()
            #expect(after == before, "\(fixture): line \(target) wrapped in ONBUILD")
        }
    }
}

/// Where the file-level suppression goes in its variant.
enum FileLevelPlacement: String, Sendable, CustomStringConvertible {
    case top, bottom

    var description: String { rawValue }
}
