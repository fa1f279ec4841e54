import TestMaterial
import Testing

@testable import JSON

/// What a strict parse refuses, found exactly.
///
/// A key named twice in one object, as json-c would merge the two; NaN and Infinity; numbers
/// json-c cannot hold. The decisions are in docs/hostile-input.md.
@Suite("Strict JSON")
struct StrictJSONTests {
    private func problem(_ text: String) -> StrictJSON.Problem? {
        Array(text.utf8).withUnsafeBytes { StrictJSON.firstProblem(in: $0) }
    }

    private func duplicate(_ text: String) -> (key: String, offset: Int, firstOffset: Int)? {
        guard let problem = problem(text), case .duplicateKey(let key, let firstOffset) = problem.kind else {
            return nil
        }
        return (key, problem.offset, firstOffset)
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

    /// Random objects of one shape: how many keys, and the pieces their names are made of.
    struct RandomObjects: Sendable, CustomTestStringConvertible {
        let seed: UInt64
        let rounds: Int
        /// The smallest key count and how many more there may be.
        let keys: (least: Int, spread: Int)
        /// Up to this many pieces make one name.
        let piecesPerName: Int
        let pieces: [String]
        var testDescription: String { "\(keys.least)–\(keys.least + keys.spread - 1) keys" }
    }

    /// json-c is the oracle for duplicate keys.
    ///
    /// It merges equal keys, so its member count is smaller exactly when the text repeats a
    /// key. Small objects are searched key by key; objects of more than 32
    /// keys through a hash table that grows as keys come.
    @Test(
        "Agrees with json-c on random objects whose keys use escapes, surrogates and NUL",
        arguments: [
            RandomObjects(
                seed: 7, rounds: 2000, keys: (1, 4), piecesPerName: 3,
                pieces: [
                    "a", "b", #"\u0061"#, #"\u0000"#, #"\ud800"#, #"\ufffd"#, #"\n"#, "\\\\", "é", #"\u00e9"#,
                ]),
            RandomObjects(
                seed: 11, rounds: 200, keys: (30, 300), piecesPerName: 5,
                pieces: [
                    "k", "e", "y", #"\u006b"#, #"\u0000"#, #"\ud800"#, #"\n"#, "é", #"\u00e9"#,
                    "long-key-part",
                ]),
        ])
    func agreesWithJSONC(_ shape: RandomObjects) throws {
        var generator = SplitMix64(seed: shape.seed)
        for _ in 0..<shape.rounds {
            let count = shape.keys.least + Int(generator.next() % UInt64(shape.keys.spread))
            let keys = (0..<count).map { _ in
                (0..<Int(generator.next() % UInt64(shape.piecesPerName)) + 1).map { _ in
                    shape.pieces[Int(generator.next() % UInt64(shape.pieces.count))]
                }
                .joined()
            }
            let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
            // Every value differs, so every repeated key is ambiguous.
            let members = try JSONDocument.parse(text).root.members.count
            #expect(
                (members < keys.count) == (duplicate(text) != nil),
                "json-c kept \(members) of \(keys.count)")
        }
    }

    @Test(
        "NaN, Infinity and numbers json-c cannot hold are found where they start",
        arguments: [
            ("[1, NaN]", 4, "NaN"),
            (#"{"a": Infinity}"#, 6, "Infinity"),
            (#"{"a": [true, -Infinity]}"#, 13, "-Infinity"),
            ("[18446744073709551616]", 1, "18446744073709551615"),
            ("[99999999999999999999999, 1]", 1, "18446744073709551615"),
            ("[-9223372036854775809]", 1, "-9223372036854775808"),
            ("[1e309]", 1, "infinity"),
            ("[-1.5E+999]", 1, "-infinity"),
            ("[-.5e309]", 1, "-infinity"),
            ("[" + String(repeating: "9", count: 400) + ".0]", 1, "infinity"),
        ])
    func numbers(_ text: String, offset: Int, reading: String) throws {
        let found = try #require(problem(text), "nothing found in \(text)")
        #expect(found.offset == offset, "\(text)")
        switch found.kind {
        case .notANumber(let literal): #expect(literal == reading)
        case .numberOutOfRange(_, let readAs): #expect(readAs == reading)
        case .duplicateKey: Issue.record("\(text): a number problem was expected, got \(found)")
        }
    }

    @Test(
        "Numbers json-c holds, however written, and NaN or Infinity inside strings are accepted",
        arguments: [
            "[18446744073709551615, -9223372036854775808, 0000, -0000000000000000000000001]",
            "[1.7976931348623157e308, 1e-999, 0e400, 0.0e99999, 1., -.5, 1E+2]",
            #"{"NaN": "Infinity", "x": "-Infinity 1e999"}"#,
            "[" + String(repeating: "9", count: 300) + ".5]",
        ])
    func numbersHeld(_ text: String) {
        #expect(problem(text) == nil, "\(text)")
    }

    /// Swift's own parsers are the oracle: `Int64`, `UInt64` and `Double` fail or give infinity
    /// exactly where json-c clamps or overflows.
    @Test("Agrees with Swift's number parsers on random integers and doubles near the limits")
    func numbersAgreeWithSwift() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<3000 {
            let negative = generator.next() % 2 == 0
            let digits = (0..<Int(generator.next() % 24) + 1).map { _ in String(generator.next() % 10) }
                .joined()
            var text = (negative ? "-" : "") + (digits.first == "0" && !negative ? "1" + digits : digits)
            let isDouble = generator.next() % 2 == 0
            if isDouble { text += "e" + String(Int(generator.next() % 40) + 290) }
            let outOfRange =
                isDouble
                ? Double(text)?.isInfinite == true
                : (negative ? Int64(text) == nil : UInt64(text) == nil)
            #expect((problem("[" + text + "]") != nil) == outOfRange, "\(text)")
        }
    }

    /// The parallel parse scans each run where it parsed it; its first problem must be the
    /// whole text's, and the public parse must report it at the same line and column.
    @Test("A strict parse by runs reports the whole text's first problem")
    func parallelAgrees() throws {
        var generator = SplitMix64(seed: 3)
        let values = [
            "1", "NaN", "1e999", #"{"a": 1, "a": 2}"#, #"{"a": 1, "a": 1}"#, #"{"b": [1, {"c": 2, "c": 3}]}"#,
            #""NaN""#, "18446744073709551616", "[]", #"{"k": true}"#,
        ]
        for _ in 0..<400 {
            let members = (0..<Int(generator.next() % 4) + 1).map { index in
                let elements = (0..<Int(generator.next() % 6)).map { _ in
                    values[Int(generator.next() % UInt64(values.count))]
                }
                let key = generator.next() % 5 == 0 ? "m0" : "m\(index)"
                return "\"\(key)\": [\(elements.joined(separator: ", "))]"
            }
            let text = Array(("{" + members.joined(separator: ",\n") + "}").utf8)
            let expected = text.withUnsafeBytes { StrictJSON.firstProblem(in: $0) }
            let parsed = text.withUnsafeBytes { buffer in
                ParallelParse.parse(
                    buffer, maximumDepth: 512, options: Parsing.forcedOptions(chunkBytes: 1), strict: true,
                    omitting: { members in members.first.map { [$0.key] } ?? [] })
            }
            let parallel = try #require(
                parsed, "the parallel parse declined \(String(decoding: text, as: UTF8.self))")
            #expect(parallel.problem == expected, "\(String(decoding: text, as: UTF8.self))")
            #expect(
                strictError(text, threshold: 0) == strictError(text, threshold: .max),
                "\(String(decoding: text, as: UTF8.self))")
        }
    }

    /// The public strict parse's error, forced down the parallel path (threshold 0) or not.
    private func strictError(_ text: [UInt8], threshold: Int) -> JSONParseError? {
        var options = Parsing.forcedOptions(chunkBytes: 1)
        options.threshold = threshold
        return text.withUnsafeBytes { buffer -> JSONParseError? in
            do throws(JSONParseError) {
                _ = try JSONDocument.parse(
                    buffer, maximumDepth: 512, options: options, strict: true, omitting: nil)
                return nil
            } catch {
                return error
            }
        }
    }
}
