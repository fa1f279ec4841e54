import Policy
import Testing

/// Evaluations can say which attribute reads were unknown, even when the result is a definite
/// bool, so that an engine can explain an unknown outcome in words.
@Suite("Unknown reads")
struct UnknownReadTests {
    static let resource = Value.host(
        TestDocument(
            value: .map(["name": .string("web"), "tags": .map(["owner": .string("ops")])]),
            computed: ["encrypted"], references: ["kms_key_id": ["aws_kms_key.cmk"]]))

    static func reads(_ source: String) throws -> (value: Value, unknownReads: [UnknownCause]) {
        let compiled = try Expression.compile(source, environment: Harness.environment)
        return compiled.evaluateRecordingUnknownReads(Bindings(["resource": resource]))
    }

    @Test("a read turned into a bool by is_computed is still recorded, with its state")
    func definiteResultKeepsTheRead() throws {
        let (value, reads) = try Self.reads("is_computed(resource.encrypted) && resource.name == 'web'")
        #expect(value == .bool(true))
        #expect(reads == [UnknownCause(path: "encrypted", computed: true)])
    }

    @Test("reads are recorded once each, in the order met, references included")
    func orderAndReferences() throws {
        let (value, reads) = try Self.reads(
            "resource.kms_key_id == 'x' || resource.encrypted == true || resource.kms_key_id != null")
        guard case .unknown = value else {
            Issue.record("expected an unknown, got \(value)")
            return
        }
        #expect(
            reads == [
                UnknownCause(path: "kms_key_id", computed: false, references: ["aws_kms_key.cmk"]),
                UnknownCause(path: "encrypted", computed: true),
            ])
    }

    @Test("selecting from an unknown is not a new read, and known reads record nothing")
    func onlyFreshUnknowns() throws {
        #expect(try Self.reads("resource.encrypted.deep == 1").unknownReads.count == 1)
        #expect(try Self.reads("resource.tags.owner == 'ops'").unknownReads.isEmpty)
    }

    @Test("plain evaluation records nothing and gives the same value")
    func plainEvaluation() throws {
        let compiled = try Expression.compile(
            "is_computed(resource.encrypted)", environment: Harness.environment)
        #expect(compiled.evaluate(Bindings(["resource": Self.resource])) == .bool(true))
    }
}
