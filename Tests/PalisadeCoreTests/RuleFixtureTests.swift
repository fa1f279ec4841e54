import Policy
import Testing

@testable import PalisadeCore

/// The built-in pack's rules and fixtures, loaded once from `policies/` through
/// ``PolicyTester`` (the same code `palisade test` runs), with whatever stopped them loading.
enum BuiltInFixtures {
    struct Loaded: Sendable {
        var rules: [String: Rule] = [:]
        var fixtures: [PolicyFixture] = []
        var problems: [String] = []
    }

    static let loaded: Loaded = {
        var loaded = Loaded()
        let definitions: [RuleDefinition]
        do throws(RuleLoadError) {
            definitions = try RulePackLoader.loadPack(root: RepositoryPaths.policies, origin: .builtIn)
        } catch {
            loaded.problems = error.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
            return loaded
        }
        for definition in definitions {
            do throws(InputError) {
                loaded.rules[definition.id] = try RuleCompiler.compile(definition, overrides: [:])
                loaded.fixtures += try PolicyTester.fixtures(of: definition)
            } catch {
                loaded.problems.append(error.description)
            }
        }
        return loaded
    }()
}

@Suite("Rule fixtures")
struct RuleFixtureTests {
    static let fixtures = BuiltInFixtures.loaded.fixtures

    @Test("Every rule folder loads, compiles and lists its fixtures")
    func everyRuleFolderLoads() {
        #expect(BuiltInFixtures.loaded.problems.isEmpty, "\(BuiltInFixtures.loaded.problems)")
        #expect(BuiltInFixtures.loaded.rules.count >= 44, "expected the 44-rule pack under policies/")
    }

    @Test("Every rule folder has pass and fail fixtures")
    func everyRuleHasPassAndFailFixtures() throws {
        let byRule = Dictionary(grouping: Self.fixtures, by: \.ruleID)
        #expect(!byRule.isEmpty, "no rule folders found under policies/")
        for (ruleID, fixtures) in byRule {
            let names = Set(fixtures.map(\.name))
            #expect(names.contains { $0.hasPrefix("pass") }, "\(ruleID) has no pass fixture")
            #expect(names.contains { $0.hasPrefix("fail") }, "\(ruleID) has no fail fixture")
            if fixtures.first?.input == .tfplan {
                #expect(names.contains("omitted"), "\(ruleID) has no omitted-attribute fixture")
                #expect(names.contains("unknown"), "\(ruleID) has no unknown-after-apply fixture")
            }
            #expect(
                fixtures.contains { $0.expectation.outcomes.contains { $0.outcome == .pass } },
                "\(ruleID): no fixture expects a pass, so the rule is never shown to pass")
        }
    }

    /// The rule's outcomes and the wording of its messages, from one run of the fixture.
    ///
    /// A finding is read by a person who must act on it: the pack's messages have no wording
    /// problem (``PolicyTester/wordingProblems(of:in:)``), which `palisade test` only reports for
    /// custom policies.
    @Test(
        "The rule's outcomes on its fixture are exactly the expected ones, and its messages say what is wrong in words",
        arguments: fixtures)
    func outcomesMatch(_ fixture: PolicyFixture) throws {
        let rule = try #require(BuiltInFixtures.loaded.rules[fixture.ruleID])
        let result = PolicyTester.run(fixture, rule: rule)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description))")
        #expect(
            result.missing.isEmpty && result.unexpected.isEmpty,
            "\(fixture): missing \(result.missing.map(\.description)); unexpected \(result.unexpected.map(\.description))"
        )
        #expect(result.wording.isEmpty, "\(fixture): \(result.wording)")
    }
}
