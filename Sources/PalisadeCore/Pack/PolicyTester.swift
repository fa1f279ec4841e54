import Foundation
import Policy
import TerraformPlan

/// One fixture of one rule folder: the input file and the outcomes `expected.yaml` lists for it.
public struct PolicyFixture: Sendable, CustomStringConvertible {
    /// The rule id (its folder name).
    public let ruleID: String
    /// The fixture case (a folder under `fixtures/`).
    public let name: String
    /// The fixture's input: the one file in the fixture folder named as a kind that serves the
    /// rule's input names its fixtures (`plan.json`, `state.json`, `Dockerfile`).
    public let inputPath: String
    /// The rule's input vocabulary.
    public let input: RuleInput
    /// What the rule must produce on the input.
    public let expectation: FixtureExpectation

    /// `RULE-ID/case`.
    public var description: String { "\(ruleID)/\(name)" }
}

/// The result of running one rule on one of its fixtures.
public struct PolicyTestResult: Sendable {
    /// The fixture that ran.
    public let fixture: PolicyFixture
    /// Expected outcomes the rule did not produce.
    public let missing: [FixtureOutcome]
    /// Outcomes the rule produced that were not expected.
    public let unexpected: [FixtureOutcome]
    /// Input or evaluation errors; any error fails the fixture.
    public let errors: [InputError]
    /// Messages a person could not act on, as ``PolicyTester/wordingProblems(of:in:)`` finds them.
    ///
    /// They do not fail a custom policy's fixture; the built-in pack's tests require none.
    public var wording: [String] = []

    /// True when the outcomes match exactly and nothing went wrong.
    public var passed: Bool { missing.isEmpty && unexpected.isEmpty && errors.isEmpty }
}

/// Runs a rule folder's fixtures against its rule, exactly as the built-in pack's tests do, so
/// policy authors (`palisade test`) and the pack's own test suite share one definition of "pass".
public enum PolicyTester {
    /// Loads every rule folder under `folder` (or `folder` itself when it holds a rule file) as
    /// custom policies, compiles them and runs all their fixtures.
    ///
    /// Rule, compile and `expected.yaml` problems are thrown together; fixture problems (an
    /// unreadable input, an evaluation error) fail that fixture only.
    public static func run(folder: String) throws(RulePackError) -> [PolicyTestResult] {
        let builtInIDs = Set(try RulePack.builtInDefinitions().map(\.id))
        let definitions: [RuleDefinition]
        do throws(RuleLoadError) {
            if FileSystem.kind(of: folder + "/" + RulePackLoader.ruleFileName) == .file {
                definitions = [try RulePackLoader.loadFolder(folder, origin: .custom)]
            } else {
                definitions = try RulePackLoader.loadPack(
                    root: folder, origin: .custom, reservedIDs: builtInIDs)
            }
        } catch {
            throw RulePackError(errors: error.diagnostics.map(RulePack.inputError))
        }
        if let clash = definitions.first(where: { builtInIDs.contains($0.id) }) {
            throw RulePackError(errors: [
                InputError(
                    file: clash.file, message: "rule id '\(clash.id)' is already used by a built-in rule")
            ])
        }
        guard !definitions.isEmpty else {
            throw RulePackError(errors: [
                InputError(file: folder, message: "no rule folders (<ID>/rule.yaml) found")
            ])
        }
        var errors: [InputError] = []
        var work: [(Rule, [PolicyFixture])] = []
        for definition in definitions {
            do throws(InputError) {
                let rule = try RuleCompiler.compile(definition, overrides: [:])
                work.append((rule, try fixtures(of: definition)))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw RulePackError(errors: errors) }
        return work.flatMap { rule, fixtures in fixtures.map { run($0, rule: rule) } }
    }

    /// The fixtures of a rule loaded from disk, read from `expected.yaml` beside its rule file.
    ///
    /// A listed case without a folder, or a folder under `fixtures/` that `expected.yaml` does
    /// not list, is an error: either would let a fixture silently go untested.
    public static func fixtures(of definition: RuleDefinition) throws(InputError) -> [PolicyFixture] {
        let folder = directory(of: definition.file)
        let expectationsPath = folder + "/" + FixtureExpectations.fileName
        let bytes = try FileSystem.read(expectationsPath)
        let expectations = try FixtureExpectations.parse(
            String(decoding: bytes, as: UTF8.self), file: expectationsPath)
        let inputNames = InputKinds.serving(definition.input).map { $0.fixtureFileName }
        let fixturesFolder = folder + "/fixtures"
        let onDisk = Set((try? FileSystem.entries(of: fixturesFolder)) ?? []).filter {
            FileSystem.kind(of: fixturesFolder + "/" + $0) == .directory
        }
        let listed = Set(expectations.map(\.name))
        for name in expectations.map(\.name) where !onDisk.contains(name) {
            throw InputError(
                file: expectationsPath, message: "fixture '\(name)' has no folder \(fixturesFolder)/\(name)")
        }
        if let unlisted = onDisk.subtracting(listed).sorted().first {
            throw InputError(
                file: expectationsPath,
                message:
                    "fixture folder '\(unlisted)' is not listed; add `\(unlisted): []` if the rule must produce nothing there"
            )
        }
        var fixtures: [PolicyFixture] = []
        for expectation in expectations {
            let folder = fixturesFolder + "/" + expectation.name
            let inputs = inputNames.filter { FileSystem.kind(of: folder + "/" + $0) == .file }
            guard inputs.count == 1 else {
                let names = inputNames.joined(separator: " or ")
                throw InputError(
                    file: folder,
                    message: inputs.isEmpty
                        ? "fixture has no input: expected \(names)"
                        : "fixture has more than one input (\(names))")
            }
            fixtures.append(
                PolicyFixture(
                    ruleID: definition.id, name: expectation.name, inputPath: folder + "/" + inputs[0],
                    input: definition.input, expectation: expectation))
        }
        return fixtures
    }

    /// Runs `rule` alone on the fixture's input and compares its outcomes with the expected ones.
    public static func run(_ fixture: PolicyFixture, rule: Rule) -> PolicyTestResult {
        let document: any InputDocument
        do throws(InputError) {
            let input = DiscoveredInput(
                path: fixture.inputPath, bytes: try FileSystem.read(fixture.inputPath),
                foundInDirectory: false)
            guard let loaded = try DocumentLoader.load(input, options: LoadOptions()) else {
                throw InputError(file: fixture.inputPath, message: "not a Terraform plan")
            }
            document = loaded
        } catch {
            return PolicyTestResult(fixture: fixture, missing: [], unexpected: [], errors: [error])
        }
        let (evaluations, errors) = Engine(rules: [rule]).evaluate(document)
        let comparesAttributes = fixture.expectation.comparesAttributes
        let actual = Set(
            evaluations.filter { $0.outcome != .notApplicable }.map { evaluation in
                FixtureOutcome(
                    subject: subjectName(evaluation.location),
                    attribute: comparesAttributes ? evaluation.location.attribute : nil,
                    outcome: evaluation.outcome,
                    severity: evaluation.severity)
            })
        let expected = Set(fixture.expectation.outcomes)
        return PolicyTestResult(
            fixture: fixture, missing: expected.subtracting(actual).sorted(),
            unexpected: actual.subtracting(expected).sorted(),
            errors: errors, wording: wordingProblems(of: evaluations, in: document.kind))
    }

    /// What is wrong with the wording of these findings' messages, on an input of `kind`: a
    /// hole that could not be evaluated (`(error)`), the space an empty hole left, a failure that
    /// shows `null` or `(known after apply)` instead of saying what is wrong (an omitted attribute
    /// is "not set", with what that means), and an unknown with only the input kind's default
    /// reason, which says nothing of this subject (the rule's `unknown_if` held with nothing
    /// unknown read: it needs an `unknown_message`).
    public static func wordingProblems(of evaluations: [Evaluation], in kind: any InputKind.Type) -> [String]
    {
        var problems: [String] = []
        for evaluation in evaluations where evaluation.outcome == .fail || evaluation.outcome == .unknown {
            let message = evaluation.message
            let subject = subjectName(evaluation.location)
            if evaluation.outcome == .unknown, evaluation.unknownReason == kind.undecidedReason {
                problems.append("\(subject): an unknown gives no reason of its own: \(message)")
            }
            if message.contains("(error)") {
                problems.append("\(subject): a hole could not be evaluated: \(message)")
            }
            if message != message.trimmingCharacters(in: .whitespaces) || message.contains("  ") {
                problems.append("\(subject): stray spaces: '\(message)'")
            }
            guard evaluation.outcome == .fail else { continue }
            if message.contains("(known after apply)") {
                problems.append("\(subject): a failure shows an undecided value: \(message)")
            }
            // The subject's own address may hold the word (`aws_s3_bucket.null`).
            let words =
                evaluation.location.resource.map { message.replacingOccurrences(of: $0, with: "") } ?? message
            if words.split(whereSeparator: { !$0.isLetter }).contains("null") {
                problems.append("\(subject): a failure says null: \(message)")
            }
        }
        return problems
    }

    /// How `expected.yaml` names a subject: its address (with ` (drift)` for a resource changed
    /// outside Terraform), or `line N` for a Dockerfile subject.
    private static func subjectName(_ location: Location) -> String {
        guard let resource = location.resource else { return "line \(location.line ?? 0)" }
        return location.action == PlanResource.driftActionName ? resource + " (drift)" : resource
    }

    private static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }
}
