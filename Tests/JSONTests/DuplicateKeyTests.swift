import JSON
import Testing

/// A key named twice in one object is found, exactly as json-c would merge the two.
@Suite("Duplicate keys")
struct DuplicateKeyTests {
    private func duplicate(_ text: String) -> JSONDuplicateKeys.Duplicate? {
        Array(text.utf8).withUnsafeBytes { JSONDuplicateKeys.first(in: $0) }
    }

    @Test(
        "Repeated keys are found at their second occurrence",
        arguments: [
            (#"{"acl": "private", "acl": "public-read"}"#, "acl", 19),
            (#"{"x": true, "x": false}"#, "x", 12),
            (#"{"x": [1, 2], "x": [1, 3]}"#, "x", 14),
            (#"{"a": {"x": 1, "y": 2, "x": 3}}"#, "x", 23),
            (#"[{"a": 1}, {"b": 1, "b": 2}]"#, "b", 20),
            (#"{"\u0061cl": 1, "acl": 2}"#, "acl", 16),
            (#"{'acl': 1, "acl": 2}"#, "acl", 11),
            (#"{"a\u0000b": 1, "a": 2}"#, "a", 16),
            (#"{"\ud800": 1, "\ufffd": 2}"#, "\u{FFFD}", 14),
            (#"{"\ud83d\ude00": 1, "😀": 2}"#, "😀", 20),
        ])
    func found(_ text: String, key: String, offset: Int) throws {
        let found = try #require(duplicate(text), "no duplicate found in \(text)")
        #expect(found.key == key)
        #expect(found.offset == offset, "\(text)")
    }

    @Test(
        "Equal keys in different objects, keys equal to values, and near misses are not duplicates",
        arguments: [
            #"{"a": {"a": {"a": 1}}}"#,
            #"[{"a": 1}, {"a": 2}]"#,
            #"{"a": "a", "b": "a"}"#,
            #"{"a": 1, "A": 2, "a ": 3}"#,
            #"{"a\"": 1, "a": 2}"#,
            #"{"x": [1, {"y": 2}], "y": 3}"#,
            #"{"k": "}{\"k\": 1", "j": 2}"#,
            #"{"x": true, "y": 1, "x": true}"#,
            #"{"x": {"a": [1, "}"]}, "x": {"a": [1, "}"]}}"#,
        ])
    func notFound(_ text: String) {
        #expect(duplicate(text) == nil, "\(text)")
    }

    @Test("An object with thousands of keys is checked exactly: one duplicate at the end is found")
    func bigObject() throws {
        let keys = (0..<5000).map { "\"key\($0)\": \($0)" }
        #expect(duplicate("{" + keys.joined(separator: ",") + "}") == nil)
        let found = try #require(duplicate("{" + keys.joined(separator: ",") + #", "key17": 0}"#))
        #expect(found.key == "key17")
    }

    /// json-c is the oracle: it merges equal keys, so its member count is smaller exactly when
    /// the text repeats a key.
    @Test("Agrees with json-c on random objects whose keys use escapes, surrogates and NUL")
    func agreesWithJSONC() throws {
        var generator = SplitMix(seed: 7)
        let pieces = [
            "a", "b", #"\u0061"#, #"\u0000"#, #"\ud800"#, #"\ufffd"#, #"\n"#, "\\\\", "é", #"\u00e9"#,
        ]
        for _ in 0..<2000 {
            let count = Int(generator.next() % 4) + 1
            let keys = (0..<count).map { _ in
                (0..<Int(generator.next() % 3) + 1).map { _ in
                    pieces[Int(generator.next() % UInt64(pieces.count))]
                }
                .joined()
            }
            let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
            // Every value differs, so every repeated key is ambiguous.
            let members = try JSONDocument.parse(text).root.members.count
            #expect(
                (members < keys.count) == (duplicate(text) != nil),
                "\(text): json-c kept \(members) of \(keys.count)")
        }
    }
}

/// A small deterministic generator, so a failure reproduces.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
