import Policy
import Testing

@Suite("Values as JSON text and as message text")
struct ValueRenderingTests {
    static let jsonCases: [(Value, String)] = [
        (.null, "null"), (.bool(true), "true"), (.int(-42), "-42"), (.double(1.5), "1.5"),
        (.double(3), "3.0"),
        (.double(.infinity), "null"), (.string("a\"b\\c\n\u{01}é"), "\"a\\\"b\\\\c\\n\\u0001é\""),
        (.list([.int(1), .null, .string("x")]), "[1,null,\"x\"]"),
        (.map(["b": .int(1), "a": .list([])]), "{\"b\":1,\"a\":[]}"),
        (.unknown(Harness.unknownCause), "\"(known after apply)\""),
        (.error("boom"), "\"(error: boom)\""),
        (
            .host(TestDocument(value: .map(["z": .int(1), "y": .list([.bool(false)])]))),
            "{\"z\":1,\"y\":[false]}"
        ),
    ]

    @Test("deterministic JSON text", arguments: jsonCases)
    func json(value: Value, expected: String) {
        #expect(value.jsonText == expected)
    }

    static let descriptionCases: [(Value, String)] = [
        (.string("web-sg"), "web-sg"), (.int(22), "22"), (.list([.string("0.0.0.0/0")]), "[\"0.0.0.0/0\"]"),
        (.unknown(Harness.otherUnknownCause), "(known after apply): kms_key_id; depends on aws_kms_key.cmk"),
        (.unknown(Unknown(causes: [])), "(known after apply)"),
        (
            .error(EvaluationError("boom", at: SourcePosition(line: 1, column: 4, offset: 3))),
            "(error: 1:4: boom)"
        ),
    ]

    @Test("readable descriptions for messages", arguments: descriptionCases)
    func description(value: Value, expected: String) {
        #expect(value.description == expected)
    }

    @Test("ValueMap keeps insertion order and looks keys up directly")
    func valueMap() {
        var map = ValueMap([("z", .int(1)), ("a", .int(2))])
        map["m"] = .int(3)
        map["z"] = .int(9)
        #expect(map.keys == ["z", "a", "m"])
        #expect(map["z"] == .int(9))
        map["a"] = nil
        #expect(map.keys == ["z", "m"])
        #expect(map["m"] == .int(3))
        #expect(map.map(\.key) == ["z", "m"])
    }

    @Test("CEL equality differs from structural identity for numbers")
    func equalityKinds() {
        #expect(Value.int(1) != Value.double(1))
        #expect(Value.int(1).celEquals(.double(1)) == .bool(true))
        #expect(Value.int(Int64.max).celEquals(.double(Double(Int64.max))) == .bool(false))
        #expect(Value.double(.nan).celEquals(.double(.nan)) == .bool(false))
    }
}
