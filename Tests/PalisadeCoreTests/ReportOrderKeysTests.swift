import Testing

@testable import PalisadeCore

/// Sorting findings by byte keys orders them exactly as the report-order comparator does.
@Suite("Report order keys")
struct ReportOrderKeysTests {
    /// A generator with a fixed seed, so a failure repeats.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    // Prefixes of one another, empty texts and nil, so every tie-break is reached.
    static let files = ["main.tf", "main.tf.json", "a/main.tf", "", "Z.tf"]
    static let resources: [String?] = [
        nil, "", "aws_s3_bucket.a", "aws_s3_bucket.a[0]", "aws_s3_bucket.ab", "module.m.aws_s3_bucket.a",
    ]
    static let rules = ["AWS-S3-001", "AWS-S3-0010", "DF001", "AWS-EC2-001"]
    static let attributes: [String?] = [nil, "", "tags", "tags.x", "rule[0].cidr_blocks"]

    static func findings(count: Int, extraTexts: [String] = [], seed: UInt64) -> [Finding] {
        var generator = Generator(state: seed)
        return (0..<count).map { index in
            let resources = resources + extraTexts.map(Optional.some)
            return Finding(
                ruleID: rules.randomElement(using: &generator)!, title: "t", severity: .low, outcome: .fail,
                category: "c", controls: [], message: "m\(index)", remediation: "r",
                location: Location(
                    file: files.randomElement(using: &generator)!,
                    line: Bool.random(using: &generator) ? nil : Int.random(in: 0...4, using: &generator),
                    resource: resources.randomElement(using: &generator)!,
                    attribute: attributes.randomElement(using: &generator)!),
                fingerprint: String(index))
        }
    }

    static func expected(_ findings: [Finding]) -> [Int] {
        Array(findings.indices).sorted { Finding.reportOrder(findings[$0], findings[$1]) }
    }

    @Test("ASCII texts: the keys give the comparator's stable order", arguments: [0, 1, 2, 50, 1_500, 5_000])
    func asciiKeys(count: Int) throws {
        let findings = Self.findings(count: count, seed: UInt64(count))
        #expect(ReportOrderKeys.keys(findings) != nil)
        #expect(ReportOrderKeys.sortedPositions(findings) == Self.expected(findings))
    }

    @Test(
        "a text that is not ASCII, or holds a NUL, sorts everything with the comparator",
        arguments: ["e\u{301}", "é", "a\u{0}b", "ü"])
    func otherTexts(text: String) throws {
        let findings = Self.findings(count: 1_200, extraTexts: [text], seed: 7)
        #expect(ReportOrderKeys.keys(findings) == nil)
        #expect(ReportOrderKeys.sortedPositions(findings) == Self.expected(findings))
    }
}
