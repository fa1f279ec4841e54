import TestMaterial
import Testing

@testable import PalisadeCore

@Suite("String concatenation")
struct StringConcatenationTests {
    static let pieces = [
        "", "a", "[", "]", "|", "ingress", "tfplan.json|aws_security_group.web[\"a|b\"]",
        "é", "名前", "🙂", String(repeating: "long ", count: 40), "\u{0}", "a\u{301}",
    ]

    @Test("gives what + gives, for every kind of part", arguments: 0..<200)
    func matchesPlus(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let count = Int(generator.next() % 5)
        let parts = (0..<count).map { _ in Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
        let expected = parts.reduce("", +)
        let joined: String =
            switch parts.count {
            case 3: String.concatenating(parts[0], parts[1], parts[2])
            case 4: String.concatenating(parts[0], parts[1], parts[2], parts[3])
            default: String.concatenating(parts)
            }
        #expect(joined == expected)
        #expect(Array(joined.utf8) == Array(expected.utf8))
    }
}
