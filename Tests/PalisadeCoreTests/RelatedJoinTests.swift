import Dispatch
import Policy
import TerraformPlan
import Testing

@testable import PalisadeCore

/// `related()`'s join lookup and the list of distinct resources it collects matches in.
@Suite("related joins")
struct RelatedJoinTests {
    /// A plan of one bucket and `count` bucket policies naming it by value, in reverse order.
    static func bucketWithPolicies(_ count: Int) throws -> Plan {
        let policies = (0..<count).reversed().map { index in
            PlanJoinFunctionTests.change(
                "aws_s3_bucket_policy", "p\(index)", after: #"{"bucket":"logs","policy":""}"#)
        }
        return try PlanJoinFunctionTests.plan(
            [PlanJoinFunctionTests.change("aws_s3_bucket", "logs", after: #"{"bucket":"logs"}"#)] + policies)
    }

    @Test("a join is found again by equal strings, whoever built them, and told apart by attribute")
    func joinLookup() throws {
        let plan = try Self.bucketWithPolicies(2)
        let joins = PlanJoins()
        let first = joins.join(type: "aws_s3_bucket_policy", attribute: "bucket", in: plan)
        let suffix = "_policy"
        let again = joins.join(
            type: "aws_s3_bucket" + suffix, attribute: String("xbucket".dropFirst()), in: plan)
        #expect(first === again)
        #expect(first.candidates.byValue["logs"]?.count == 2)
        let other = joins.join(type: "aws_s3_bucket_policy", attribute: "policy", in: plan)
        #expect(other !== first)
        #expect(other.candidates.byValue["logs"] == nil)
        #expect(joins.join(type: "aws_s3_bucket_policy", attribute: "policy", in: plan) === other)
    }

    @Test("threads asking for joins at once share one join per type and attribute")
    func concurrentJoins() throws {
        let plan = try Self.bucketWithPolicies(3)
        let joins = PlanJoins()
        let attributes = (0..<(PlanJoins.comparedJoinLimit + 8)).map { "a\($0 % 20)" } + ["bucket"]
        let found = ConcurrentMemo<Int, [ObjectIdentifier]>()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let identities = attributes.map {
                ObjectIdentifier(joins.join(type: "aws_s3_bucket_policy", attribute: $0, in: plan))
            }
            _ = found.value(for: worker) { identities }
        }
        let answers = (0..<8).map { worker in found.value(for: worker) { [] } }
        #expect(Set(answers.map { $0.description }).count == 1)
        #expect(Set(answers[0]).count == 21)
        let bucket = joins.join(type: "aws_s3_bucket_policy", attribute: "bucket", in: plan)
        #expect(bucket.candidates.byValue["logs"]?.count == 3)
    }

    @Test("joins past the compared ones are found again in the table")
    func manyJoins() throws {
        let plan = try Self.bucketWithPolicies(1)
        let joins = PlanJoins()
        let count = PlanJoins.comparedJoinLimit + 5
        let first = (0..<count).map {
            joins.join(type: "aws_s3_bucket_policy", attribute: "a\($0)", in: plan)
        }
        let again = (0..<count).reversed().map {
            joins.join(type: "aws_s3_bucket_policy", attribute: "a\($0)", in: plan)
        }
        #expect(zip(first, again.reversed()).allSatisfy { $0 === $1 })
        #expect(Set(first.map(ObjectIdentifier.init)).count == count)
        #expect(first.map(\.attribute) == (0..<count).map { "a\($0)" })
    }

    @Test(
        "related lists each match once, sorted, below and above the linear limit", arguments: [1, 8, 9, 30])
    func manyMatches(count: Int) throws {
        let plan = try Self.bucketWithPolicies(count)
        let context = PlanEvaluationContext(plan: plan)
        let bucket = try #require(plan.index.resource(address: "aws_s3_bucket.logs"))
        let value = PlanFunctions.related(
            bucket, type: "aws_s3_bucket_policy", attribute: "bucket", in: context)
        let expected = (0..<count).map { "aws_s3_bucket_policy.p\($0)" }.sorted()
        #expect(PlanJoinFunctionTests.addresses(value) == expected)
    }

    @Test("distinct resources keep the first insertion's order and drop repeats, by identity")
    func distinctResources() throws {
        let plan = try Self.bucketWithPolicies(DistinctResources.linearLimit * 3)
        let resources = plan.index.resources(ofType: "aws_s3_bucket_policy")
        for size in [1, DistinctResources.linearLimit, DistinctResources.linearLimit + 1, resources.count] {
            let chosen = Array(resources.prefix(size))
            var distinct = DistinctResources()
            // Each resource twice: once in order, once again after a later one.
            for (index, resource) in chosen.enumerated() {
                distinct.insert(resource)
                if index > 0 { distinct.insert(chosen[index - 1]) }
                distinct.insert(resource)
            }
            for resource in chosen.reversed() { distinct.insert(resource) }
            #expect(
                distinct.resources.map(ObjectIdentifier.init) == chosen.map(ObjectIdentifier.init), "\(size)")
        }
    }
}
