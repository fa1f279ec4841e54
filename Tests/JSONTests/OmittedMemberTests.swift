import Testing

@testable import JSON

/// Members the caller omits are never built, yet every byte of them is still checked.
@Suite("Omitted top-level members")
struct OmittedMemberTests {
    /// The plan loader's rule: `planned_values` is not needed when `resource_changes` is a list.
    static func omitPlannedValues(_ members: [JSONTopLevelMember]) -> Set<String> {
        members.contains { $0.key == "resource_changes" && $0.valueKind == .array } ? ["planned_values"] : []
    }

    /// A plan-shaped document with `value` inside `planned_values`, on line 4.
    static func plan(plannedValue value: String, resourceChanges: String = #"[{"address":"a.b"}]"#) -> [UInt8]
    {
        Array(
            """
            {
              "format_version": "1.2",
              "planned_values": {
                "root_module": {"resources": [{"address": "a.b", "values": {"x": \(value)}}]}
              },
              "resource_changes": \(resourceChanges),
              "configuration": {"root_module": {}}
            }

            """.utf8)
    }

    @Test(arguments: [nil, 1, 64])
    func omittedMembersAreAbsentAndTheRestIsIntact(chunkBytes: Int?) throws {
        let bytes = Self.plan(plannedValue: #"[1, "two", {"three": 3}]"#)
        let full = try Parsing.sequential(bytes)
        let parallel = try #require(
            Parsing.parallelOnly(bytes, chunkBytes: chunkBytes, omitting: Self.omitPlannedValues))
        let small = try JSONDocument.parse(bytes, omittingTopLevelMembers: Self.omitPlannedValues)
        for document in [parallel, small] {
            #expect(document.root.keys == ["format_version", "resource_changes", "configuration"])
            #expect(document.root["planned_values"] == nil)
            for key in document.root.keys {
                let expected = try #require(full.root[key])
                let actual = try #require(document.root[key])
                #expect(TreeComparison.firstDifference(expected, actual) == nil, "\(key)")
            }
        }
    }

    @Test(arguments: ["null", #""none""#, "{}"])
    func nothingIsOmittedWhenResourceChangesIsNotAList(_ resourceChanges: String) throws {
        let bytes = Self.plan(plannedValue: "1", resourceChanges: resourceChanges)
        let parallel = try #require(Parsing.parallelOnly(bytes, omitting: Self.omitPlannedValues))
        #expect(parallel.root["planned_values"]?["root_module"] != nil)
    }

    @Test func theClosureSeesEachKeyOnceWithTheKindOfItsLastValue() throws {
        let bytes = Array(#"{"x":[1],"y":null,"x":{},"z":-1,"w":"s","v":true,"u":NaN}"#.utf8)
        let expected = [
            JSONTopLevelMember(key: "x", valueKind: .object), JSONTopLevelMember(key: "y", valueKind: .null),
            JSONTopLevelMember(key: "z", valueKind: .number),
            JSONTopLevelMember(key: "w", valueKind: .string),
            JSONTopLevelMember(key: "v", valueKind: .boolean),
            JSONTopLevelMember(key: "u", valueKind: .number),
        ]
        var seenByParallel: [JSONTopLevelMember] = []
        let parallel = try #require(
            Parsing.parallelOnly(bytes) {
                seenByParallel = $0; return ["x"]
            })
        var seenBySequential: [JSONTopLevelMember] = []
        let sequential = try JSONDocument.parse(bytes) {
            seenBySequential = $0; return ["x"]
        }
        #expect(seenByParallel == expected)
        #expect(seenBySequential == expected)
        #expect(parallel.root.keys == ["y", "z", "w", "v", "u"])
        #expect(sequential.root.keys == parallel.root.keys)
    }

    @Test func keysThatDifferOnlyInInvalidUTF8AreDistinctMembers() throws {
        // json-c lets overlong forms through; both keys read as two U+FFFD in Swift.
        let bytes: [UInt8] =
            Array(#"{""#.utf8) + [0xC0, 0x80] + Array(#"":1,""#.utf8) + [0xC1, 0x80]
            + Array(#"":2,"x":3}"#.utf8)
        let repaired = "\u{FFFD}\u{FFFD}"
        var seenByParallel: [JSONTopLevelMember] = []
        let parallel = try #require(
            Parsing.parallelOnly(bytes) {
                seenByParallel = $0
                return [repaired]
            })
        var seenBySequential: [JSONTopLevelMember] = []
        let sequential = try JSONDocument.parse(bytes) {
            seenBySequential = $0
            return [repaired]
        }
        #expect(seenByParallel.map(\.key) == [repaired, repaired, "x"])
        #expect(seenBySequential == seenByParallel)
        #expect(parallel.root.keys == ["x"])
        #expect(sequential.root.keys == ["x"])
    }

    @Test func theClosureIsNotCalledForOtherRoots() throws {
        for text in ["[1,2]", "\"s\"", "1 "] {
            var called = false
            _ = try Parsing.forced(Array(text.utf8)) { _ in
                called = true; return []
            }
            _ = try JSONDocument.parse(Array(text.utf8)) { _ in
                called = true; return []
            }
            #expect(!called, "\(text)")
        }
    }

    /// Corruptions inside `planned_values`: each must fail exactly as the whole parse fails.
    static let corruptions: [String] = [
        "tru", "01", "1.5.3", "-", "nul", "True", "[1,]", "{\"a\":1,}", "{\"a\" 1}", #""\q""#, #""\u12x4""#,
        "\"ab\u{00}\"", "\"\u{01}\" x", "'s'", "[1 2]", "{1:2}",
        "[" + String(repeating: "[", count: 600) + "]",
        "Infinit", "/* c */ 1", "1 // c",
    ]

    @Test(arguments: corruptions)
    func aSyntaxErrorInAnOmittedMemberIsTheSameError(_ corruption: String) {
        let bytes = Self.plan(plannedValue: corruption)
        let sequential = Result { () throws(JSONParseError) in try Parsing.sequential(bytes) }
        guard case .failure(let expected) = sequential else {
            Issue.record("the corruption \(corruption) is valid JSON")
            return
        }
        #expect(expected.line == 4 || expected.message.contains("deep"), "\(expected)")
        #expect(Parsing.parallelOnly(bytes, omitting: Self.omitPlannedValues) == nil)
        for chunkBytes in [1, nil] {
            let omitted = Result { () throws(JSONParseError) in
                try Parsing.forced(bytes, chunkBytes: chunkBytes, omitting: Self.omitPlannedValues)
            }
            guard case .failure(let actual) = omitted else {
                Issue.record("\(corruption) passed silently")
                return
            }
            #expect(actual == expected)
        }
    }

    @Test(
        arguments: [[0xC3, 0x28], [0xFF], [0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80]] as [[UInt8]])
    func invalidUTF8InAnOmittedMemberIsTheSameError(_ sequence: [UInt8]) throws {
        let bytes = Self.plan(plannedValue: "\"a" + String(repeating: "é", count: 3) + "@\"")
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "@")))
        let corrupted = Array(bytes[..<at]) + sequence + Array(bytes[(at + 1)...])
        let expected = Result { () throws(JSONParseError) in try Parsing.sequential(corrupted) }
        let actual = Result { () throws(JSONParseError) in
            try Parsing.forced(corrupted, omitting: Self.omitPlannedValues)
        }
        guard case .failure(let expectedError) = expected, case .failure(let actualError) = actual else {
            Issue.record("expected two failures: \(expected) / \(actual)")
            return
        }
        #expect(actualError == expectedError)
        #expect(actualError.line == 4)
    }
}
