import Policy
import Testing

@Suite("Host documents read lazily, like a plan resource")
struct HostValueTests {
    /// A resource shaped like a plan entry: known, null, computed and referenced attributes.
    static let resource: Value = {
        let values = TestDocument(
            value: .map([
                "bucket": .string("logs"),
                "acl": .null,
                "tags": .map(["env": .string("prod"), "team": .string("core")]),
                "ingress": .list([
                    .map(["from_port": .int(22), "cidr_blocks": .list([.string("0.0.0.0/0")])]),
                    .map([
                        "from_port": .int(443),
                        "cidr_blocks": .list([.string("10.0.0.0/8"), .string("::/0")]),
                    ]),
                ]),
            ]),
            computed: ["arn"],
            references: ["kms_key_id": ["aws_kms_key.cmk.arn", "aws_kms_key.cmk"]])
        return .host(TestDocument(value: .map(["type": .string("aws_s3_bucket"), "values": .host(values)])))
    }()

    static let cases: [(String, Expected)] = [
        ("resource.type", .string("aws_s3_bucket")),
        ("resource.values.bucket == 'logs'", .yes),
        ("has(resource.values.bucket)", .yes),
        ("has(resource.values.acl)", .no),
        ("resource.values.acl == null", .yes),
        ("has(resource.values.absent)", .no),
        ("resource.values.absent == null", .yes),
        ("resource.values['bucket']", .string("logs")),
        ("has(resource.values.arn)", .no),
        ("is_computed(resource.values.arn)", .yes),
        ("is_unknown(resource.values.arn)", .yes),
        ("resource.values.arn == 'x'", .unknown),
        ("has(resource.values.kms_key_id)", .yes),
        ("is_computed(resource.values.kms_key_id)", .no),
        (
            "refs(resource.values.kms_key_id)",
            .value(.list([.string("aws_kms_key.cmk.arn"), .string("aws_kms_key.cmk")]))
        ),
        ("refs(resource.values.kms_key_id).exists(r, r.startsWith('aws_kms_key.'))", .yes),
        ("resource.values.kms_key_id.startsWith('arn:')", .unknown),
        ("resource.values.tags == {'env': 'prod', 'team': 'core'}", .yes),
        ("{'team': 'core', 'env': 'prod'} == resource.values.tags", .yes),
        ("resource.values.tags == {'env': 'prod'}", .no),
        ("'env' in resource.values.tags", .yes),
        ("'owner' in resource.values.tags", .no),
        ("size(resource.values.tags)", .int(2)),
        ("size(resource.values.ingress)", .int(2)),
        ("resource.values.ingress[1].from_port", .int(443)),
        ("resource.values.ingress[2]", .error(containing: "out of range")),
        ("resource.values.ingress[0].cidr_blocks == ['0.0.0.0/0']", .yes),
        ("resource.values.ingress[0] == resource.values.ingress[0]", .yes),
        ("resource.values.ingress[0] == resource.values.ingress[1]", .no),
        ("'::/0' in resource.values.ingress[1].cidr_blocks", .yes),
        ("resource.values.ingress.exists(r, r.from_port == 22 && '0.0.0.0/0' in r.cidr_blocks)", .yes),
        ("resource.values.ingress.all(r, r.from_port > 100)", .no),
        ("resource.values.ingress.map(r, r.from_port)", .value(.list([.int(22), .int(443)]))),
        ("resource.values.ingress.filter(r, r.from_port > 100).size()", .int(1)),
        ("resource.values.tags.all(k, k.size() > 2)", .yes),
        (
            "resource.values.tags.map(k, resource.values.tags[k])",
            .value(.list([.string("prod"), .string("core")]))
        ),
        ("size(resource.values.ingress + [1])", .int(3)),
        ("(resource.values.ingress + [1])[2]", .int(1)),
        ("resource.values.bucket.field", .error(containing: "cannot select field")),
        ("resource.values.ingress.field", .error(containing: "cannot select field 'field' from list")),
    ]

    @Test("member access, has(), equality, in, size and macros over host values", arguments: cases)
    func hostCases(source: String, expected: Expected) {
        let actual = Harness.evaluate(source, ["resource": Self.resource])
        #expect(expected.matches(actual), "\(source) gave \(actual.jsonText), expected \(expected)")
    }

    @Test("member access does not enumerate or materialise the document")
    func memberAccessIsLazy() {
        #expect(
            Harness.evaluate("doc.anything", ["doc": .host(MemberOnlyDocument())])
                == .string("member anything"))
        #expect(
            Harness.evaluate("has(doc.x) && doc['y'] == 'member y'", ["doc": .host(MemberOnlyDocument())])
                == .bool(true))
        #expect(
            Harness.evaluate("doc[999999999] + size(doc)", ["doc": .host(HugeList())]) == .int(2_999_999_998))
    }

    @Test("a macro over a huge host list stops at the step budget instead of running away")
    func hugeListHitsBudget() {
        let result = Harness.evaluate("doc.all(x, x >= 0)", ["doc": .host(HugeList())], stepBudget: 10_000)
        #expect(Expected.error(containing: "budget of 10000 steps").matches(result))
        let settled = Harness.evaluate(
            "doc.exists(x, x == 10)", ["doc": .host(HugeList())], stepBudget: 10_000)
        #expect(settled == .bool(true))
    }

    @Test("materialised copies of host values are structurally equal to literals")
    func materialise() {
        let tags = Harness.evaluate("resource.values.tags", ["resource": Self.resource])
        #expect(tags.materialized() == .map(["env": .string("prod"), "team": .string("core")]))
        #expect(tags == .host(TestDocument(value: .map(["env": .string("prod"), "team": .string("core")]))))
    }
}
