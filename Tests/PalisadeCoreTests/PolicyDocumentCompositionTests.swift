import Foundation
import Policy
import TerraformPlan
import Testing

@testable import PalisadeCore

/// A `data.aws_iam_policy_document` whose `json` is known only after apply is read as the
/// provider merges it: source documents, then its statement blocks, then override documents,
/// a statement with a `Sid` replacing the first merged with the same one.
@Suite("Composed IAM policy documents")
struct PolicyDocumentCompositionTests {
    static func statement(_ action: String) -> Value {
        .map(ValueMap([("actions", .list([.string(action)]))]))
    }

    static let unreadable = Value.unknown(
        UnknownCause(path: "source_policy_documents[0]", computed: false, references: ["aws_s3_bucket.b"]))

    @Test("a statement with a Sid replaces the first merged with the same Sid, in place")
    func sidReplacesInPlace() {
        var merged = PolicyStatements.MergedStatements()
        merged.merge(Self.statement("a"), id: .known("X"))
        merged.merge(Self.statement("b"), id: .none)
        merged.merge(Self.statement("c"), id: .known("X"))
        merged.merge(Self.statement("d"), id: .none)
        #expect(merged.statements == [Self.statement("c"), Self.statement("b"), Self.statement("d")])
    }

    @Test("an unreadable document is unknown, and so is every statement with a Sid before it")
    func unreadableDocument() {
        var merged = PolicyStatements.MergedStatements()
        merged.merge(Self.statement("a"), id: .none)
        merged.merge(Self.statement("b"), id: .known("X"))
        merged.mergeUnreadable(Self.unreadable)
        #expect(merged.statements == [Self.statement("a"), Self.unreadable, Self.unreadable])
        // A later statement with that Sid takes its place whatever the unreadable one held.
        merged.merge(Self.statement("c"), id: .known("X"))
        #expect(merged.statements == [Self.statement("a"), Self.statement("c"), Self.unreadable])
    }

    @Test("a Sid known only after apply may replace any statement with a Sid")
    func unknownSid() {
        var merged = PolicyStatements.MergedStatements()
        merged.merge(Self.statement("a"), id: .known("X"))
        merged.merge(Self.statement("b"), id: .none)
        merged.merge(Self.statement("c"), id: .unknown(cause: Self.unreadable))
        #expect(merged.statements == [Self.unreadable, Self.statement("b"), Self.statement("c")])
        // ... and be replaced by a later statement with a known Sid.
        merged.merge(Self.statement("d"), id: .known("Y"))
        #expect(
            merged.statements == [Self.unreadable, Self.statement("b"), Self.unreadable, Self.statement("d")])
    }

    /// The statements `ADDRESS` of a rule fixture's plan reads from its `policy`.
    static func policyStatements(_ address: String, fixture: String) throws -> Value {
        let path = RepositoryPaths.policies + "/\(fixture)/plan.json"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let plan = try Plan.load(bytes: bytes, path: path)
        let policy = try #require(plan.index.resource(address: address))
        return PolicyStatements.statements(
            of: policy, attribute: "policy", in: PlanEvaluationContext(plan: plan))
    }

    /// The statements `aws_s3_bucket_policy.NAME` of AWS-S3-003's `composed` fixture reads.
    static func bucketPolicyStatements(_ name: String) throws -> Value {
        try policyStatements("aws_s3_bucket_policy.\(name)", fixture: "AWS-S3-003/fixtures/composed")
    }

    @Test("resources known only after apply made of arn attributes alone are never every resource")
    func resourcesMadeOfARNs() throws {
        let fixture = "AWS-IAM-001/fixtures/arn-resources"
        guard
            case .list(let arns) = try Self.policyStatements("aws_iam_policy.bucket_arns", fixture: fixture),
            case .list(let fromID) = try Self.policyStatements("aws_iam_policy.from_id", fixture: fixture)
        else {
            Issue.record("expected the statements of both documents")
            return
        }
        #expect(arns.map { PolicyStatements.resourceMatches($0, "*") } == [.bool(false)])
        // Whether it covers one bucket's objects is known only after apply.
        #expect(arns.map { PolicyStatements.resourceMatches($0, "arn:aws:s3:::x/k").isUnknown } == [true])
        // A resource made from the bucket's id (text around it) may be any pattern.
        #expect(fromID.map { PolicyStatements.resourceMatches($0, "*").isUnknown } == [true])
    }

    @Test("source documents known only after apply are read from the documents they name")
    func sourceDocuments() throws {
        guard case .list(let statements) = try Self.bucketPolicyStatements("sources") else {
            Issue.record("expected the statements of both source documents")
            return
        }
        #expect(statements.count == 2)
        #expect(statements.map { PolicyStatements.principalIsPublic($0) } == [.bool(true), .bool(true)])
        #expect(
            statements.map { PolicyStatements.actionMatches($0, "s3:DeleteObject") } == [
                .bool(false), .bool(true),
            ])
    }

    @Test("an override document replaces the source statement with the same Sid")
    func overrideDocument() throws {
        guard case .list(let statements) = try Self.bucketPolicyStatements("overridden") else {
            Issue.record("expected the merged statements")
            return
        }
        #expect(statements.count == 1)
        #expect(statements.map { PolicyStatements.principalIsPublic($0) } == [.bool(false)])
    }

    @Test("a known source document is merged before the statement blocks")
    func knownSourceBesideBlocks() throws {
        guard case .list(let statements) = try Self.bucketPolicyStatements("known_source") else {
            Issue.record("expected the merged statements")
            return
        }
        #expect(statements.map { PolicyStatements.principalIsPublic($0) } == [.bool(true), .bool(false)])
    }

    @Test("a source document that is no policy document of the plan is unknown, with the reason")
    func unreadableSource() throws {
        guard case .list(let statements) = try Self.bucketPolicyStatements("unreadable") else {
            Issue.record("expected the merged statements")
            return
        }
        #expect(statements.count == 2)
        guard case .unknown(let unknown) = statements[0] else {
            Issue.record("the unreadable source document is unknown, got \(statements[0])")
            return
        }
        #expect(unknown.causes.map(\.path) == ["source_policy_documents[0]"])
        #expect(unknown.causes.map(\.references) == [["aws_s3_bucket.b"]])
        #expect(unknown.causes.map(\.resource) == ["data.aws_iam_policy_document.unreadable"])
    }
}
