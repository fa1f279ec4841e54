import CJSONTree
import Foundation
import TestMaterial
import Testing

@testable import JSON

/// The arena tree builder against its oracle, json-c's own tree of the same text.
@Suite("JSON tree builder against json-c")
struct JSONTreeBuilderTests {
    /// Numbers as json-c reads them: clamped integers, strtod's doubles, its literals.
    static let numbers = [
        "0", "-0", "00", "-01", "1.", "-.5", "0.1", "1e400", "-1e400", "1E-400", "2.5e+3", "NaN", "Infinity",
        "-Infinity", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616", "123456789012345678",
        "-123456789012345678", "1234567890123456789", "-1234567890123456789", "4.9e-324",
    ]

    /// Keys and strings with every kind of escape the builder decodes itself or leaves to json-c.
    static let texts = [
        "a", "", "b", "a\\u0000b", "a\\u0000", "\\u0041", "\\ud83d\\ude00", "\\ud800", "\\udc00x",
        "\\\"q\\\"",
        "\\n\\t\\r\\b\\f\\/\\\\", "tab\u{01}raw\u{1F}", "é", "日本",
    ]

    /// A random value at most `depth` containers deep, in JSON text.
    static func value(_ generator: inout SplitMix64, depth: Int) -> String {
        switch generator.next() % (depth > 0 ? 8 : 5) {
        case 0: return ["null", "true", "false"][Int(generator.next() % 3)]
        case 1, 2: return numbers[Int(generator.next() % UInt64(numbers.count))]
        case 3, 4: return "\"" + texts[Int(generator.next() % UInt64(texts.count))] + "\""
        case 5:
            let count = Int(generator.next() % 6)
            return "[" + (0..<count).map { _ in value(&generator, depth: depth - 1) }.joined(separator: ", ")
                + "]"
        default:
            // Up to 40 members, so objects past 16 members (which get an index) have duplicates too.
            let count = Int(generator.next() % (generator.next() % 4 == 0 ? 41 : 6))
            let members = (0..<count).map { _ in
                let pick = generator.next()
                let key = pick % 3 == 0 ? texts[Int(pick % UInt64(texts.count))] : "k\(pick % 30)"
                let quoted = pick % 11 == 0 ? "'\(key)'" : "\"\(key)\""
                return quoted + ":" + value(&generator, depth: depth - 1)
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    @Test func randomDocumentsBuildJSONCsTree() throws {
        var generator = SplitMix64(seed: 0x7EE5)
        for round in 0..<600 {
            let text =
                "{\"root\":" + Self.value(&generator, depth: 4) + ",\"list\":["
                + Self.value(&generator, depth: 3)
                + "," + Self.value(&generator, depth: 3) + "]}"
            let bytes = Array(text.utf8)
            // The same outcome sequentially, by runs of a few bytes, and in json-c.
            ParallelParseTests.expectSameOutcomeOnTheParallelPath(
                bytes, chunkBytes: Int(generator.next() % 16) + 1, label: "round \(round): \(text)")
            let root = try #require(Parsing.builtOnly(bytes), "round \(round)").root
            Self.expectLookupsFindEveryMember(root, label: "round \(round)")
        }
    }

    @Test(arguments: numbers)
    func numbersReadAsJSONCReadsThem(_ number: String) throws {
        let bytes = Array("[\(number)]".utf8)
        let built = try #require(Parsing.builtOnly(bytes)).root
        let oracle = try Parsing.jsonC(bytes).root
        #expect(TreeComparison.firstDifference(oracle, built) == nil, "\(number)")
    }

    @Test func aKeyMetAgainKeepsItsPlaceAndTakesTheLastValue() throws {
        for count in [3, 16, 17, 200] {
            let members =
                (0..<count).map { "\"k\($0)\":\($0)" } + ["\"k1\":\"last\"", "\"k\(count - 1)\":null"]
            let root = try #require(
                Parsing.builtOnly(Array(("{" + members.joined(separator: ",") + "}").utf8))
            ).root
            #expect(root.count == count)
            #expect(root.keys == (0..<count).map { "k\($0)" })
            #expect(root["k1"]?.string == "last")
            #expect(root["k\(count - 1)"]?.isNull == true)
            #expect(root["k0"]?.int == 0)
            #expect(root["k\(count)"] == nil)
        }
    }

    /// Every member is found by its key, in small objects (a scan) and big ones (an index).
    static func expectLookupsFindEveryMember(
        _ value: JSONValue, label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var pending = [value.node]
        while let node = pending.popLast() {
            switch node.kind {
            case .array:
                for index in 0..<node.count { if let element = node[index] { pending.append(element) } }
            case .object:
                node.forEachNamedMember { name, member in
                    #expect(
                        node.member(cString: name)?.pointer == member.pointer,
                        "\(label): \(String(cString: name))",
                        sourceLocation: sourceLocation)
                    pending.append(member)
                }
                #expect(node["absent key"] == nil, sourceLocation: sourceLocation)
            default:
                continue
            }
        }
    }
}
