import JSON
import Testing

@testable import TerraformPlan

/// Every action a plan records, from a real plan with prior state (Fixtures/actions).
@Suite struct ActionTests {
    struct Expected: Sendable, CustomStringConvertible {
        let address: String
        let action: PlanAction
        let name: String
        let isJudged: Bool
        var description: String { address }
    }

    static let expected: [Expected] = [
        Expected(
            address: "aws_cloudwatch_log_group.forgotten", action: .forget, name: "forget", isJudged: false),
        Expected(address: "aws_cloudwatch_log_group.gone", action: .delete, name: "delete", isJudged: false),
        Expected(address: "aws_cloudwatch_log_group.keep", action: .noOp, name: "no-op", isJudged: true),
        Expected(address: "aws_cloudwatch_log_group.renamed", action: .noOp, name: "no-op", isJudged: true),
        Expected(
            address: "aws_cloudwatch_log_group.replace", action: .deleteThenCreate, name: "replace",
            isJudged: true),
        Expected(
            address: "aws_cloudwatch_log_group.replace_first", action: .createThenDelete, name: "replace",
            isJudged: true),
        Expected(address: "aws_cloudwatch_log_group.update", action: .update, name: "update", isJudged: true),
    ]

    @Test(arguments: expected)
    func actionOfEachResource(expected: Expected) throws {
        let plan = try Fixture.plan("actions")
        let resource = try #require(plan.resource(expected.address))
        #expect(resource.action == expected.action)
        #expect(resource.actionName == expected.name)
        #expect(resource.isJudged == expected.isJudged)
        #expect(resource.deposed == nil)
        #expect(resource.isChanged == (expected.action != .noOp))
    }

    @Test func allEntriesInFileOrderIncludingTheDeposedObject() throws {
        let plan = try Fixture.plan("actions")
        #expect(plan.resources.count == 8)
        let deposed = try #require(plan.resources.first { $0.deposed != nil })
        #expect(deposed.address == "aws_cloudwatch_log_group.replace_first")
        #expect(deposed.deposed == "00000001")
        #expect(deposed.action == .delete)
        #expect(!deposed.isJudged)
        #expect(plan.judgedResources.count == 5)
    }

    @Test func movedResourceKeepsPreviousAddress() throws {
        let plan = try Fixture.plan("actions")
        let renamed = try #require(plan.resource("aws_cloudwatch_log_group.renamed"))
        #expect(renamed.previousAddress == "aws_cloudwatch_log_group.old_name")
        #expect(plan.resource("aws_cloudwatch_log_group.keep")?.previousAddress == nil)
    }

    @Test func deletedResourceHasNoEndState() throws {
        let plan = try Fixture.plan("actions")
        let gone = try #require(plan.resource("aws_cloudwatch_log_group.gone"))
        #expect(gone.values.member("name").state.isNull)
        #expect(gone.providerConfigKey == nil)
        let update = try #require(plan.resource("aws_cloudwatch_log_group.update"))
        #expect(update.values.attribute(atPath: "tags.owner")?.state.knownString == "platform")
    }

    @Test(arguments: [
        (#"["create"]"#, PlanAction.create), (#"["update"]"#, .update), (#"["delete"]"#, .delete),
        (#"["delete","create"]"#, .deleteThenCreate), (#"["create","delete"]"#, .createThenDelete),
        (#"["no-op"]"#, .noOp), (#"["read"]"#, .read), (#"["forget"]"#, .forget),
        (#"["explode"]"#, .unspecified),
        (#""create""#, .unspecified), ("[]", .unspecified),
    ])
    func actionListsMapToActions(json: String, action: PlanAction) throws {
        let document = try JSONDocument.parse(json)
        #expect(PlanAction(actions: document.root) == action)
    }
}

/// Data sources read during plan and deferred to apply (Fixtures/data_sources).
@Suite struct DataSourceTests {
    let plan: Plan

    init() throws {
        plan = try Fixture.plan("data_sources")
    }

    @Test func readDuringPlanComesFromPriorState() throws {
        #expect(
            plan.index.dataSourcesReadDuringPlan.map(\.address) == ["data.aws_iam_policy_document.literal"])
        let literal = try #require(plan.resource("data.aws_iam_policy_document.literal"))
        #expect(literal.origin == .priorState)
        #expect(literal.mode == .data)
        #expect(literal.action == .read)
        #expect(!literal.isJudged)
        let json = try #require(literal.values.member("json").state.knownString)
        #expect(json.contains("palisade-fixture-literal"))
        #expect(!plan.resources.contains { $0 === literal })
    }

    @Test func deferredDataSourceIsUnknownButKeepsConfigurationConstants() throws {
        #expect(plan.index.deferredDataSources.map(\.address) == ["data.aws_iam_policy_document.pub_ref"])
        let deferred = try #require(plan.resource("data.aws_iam_policy_document.pub_ref"))
        #expect(deferred.origin == .resourceChange)
        #expect(deferred.values.member("json").state.isComputed)
        let statement = deferred.values.member("statement").element(0)
        #expect(statement.member("effect").state.knownString == "Allow")
        #expect(statement.attribute(atPath: "principals[0].identifiers[0]")?.state.knownString == "*")
        guard case .unknownFromReference(let references) = statement.member("resources").element(0).state
        else {
            Issue.record("resources[0] should be unknown from a reference")
            return
        }
        #expect(references == [PlanReference(address: "aws_s3_bucket.pub", attribute: "arn")])
    }

    @Test func policyReferencesReachBothKindsOfDataSource() throws {
        let pub = try #require(plan.resource("aws_s3_bucket_policy.pub"))
        #expect(
            pub.values.member("policy").state.referenceAddresses == ["data.aws_iam_policy_document.pub_ref"])
        #expect(plan.index.references(from: pub, attribute: "policy").map(\.origin) == [.resourceChange])
        let literal = try #require(plan.resource("aws_s3_bucket_policy.literal"))
        let referenced = plan.index.references(from: literal, attribute: "policy")
        #expect(referenced.map(\.address) == ["data.aws_iam_policy_document.literal"])
        #expect(referenced.map(\.origin) == [.priorState])
        #expect(
            plan.index.referrers(of: "aws_s3_bucket.pub").map(\.resource.address).sorted() == [
                "aws_s3_bucket_policy.pub", "data.aws_iam_policy_document.pub_ref",
            ])
    }
}
