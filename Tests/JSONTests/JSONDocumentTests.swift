import Testing

@testable import JSON

@Suite("JSON document")
struct JSONDocumentTests {
    @Test func readsScalarsArraysAndObjectsWithoutCopying() throws {
        let document = try JSONDocument.parse(#"{"a": 1, "b": [true, null, 2.5, "x\u00e9"], "c": {"d": -7}}"#)
        let root = document.root
        #expect(root.kind == .object)
        #expect(root.keys == ["a", "b", "c"])
        #expect(root["a"]?.int == 1)
        #expect(root["b"]?.count == 4)
        #expect(root["b"]?[0]?.bool == true)
        #expect(root["b"]?[1]?.isNull == true)
        #expect(root["b"]?[2]?.double == 2.5)
        #expect(root["b"]?[3]?.string == "xé")
        #expect(root["b"]?[4] == nil)
        #expect(root["c"]?["d"]?.int == -7)
        #expect(root["missing"] == nil)
        #expect(root["a"]?.string == nil)
    }

    @Test func keepsStringsWithEmbeddedNul() throws {
        let document = try JSONDocument.parse(#"["a\u0000b"]"#)
        #expect(document.root[0]?.string?.utf8.count == 3)
    }

    @Test func acceptsByteOrderMarksAndUTF16() throws {
        let text = #"{"k": "välue"}"#
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(try JSONDocument.parse(utf8BOM).root["k"]?.string == "välue")
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try JSONDocument.parse(le).root["k"]?.string == "välue")
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try JSONDocument.parse(be).root["k"]?.string == "välue")
    }

    struct BadInput: Sendable, CustomStringConvertible {
        let name: String
        let bytes: [UInt8]
        let line: Int?
        let column: Int?
        let messageFragment: String
        var description: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "empty", bytes: [], line: 1, column: 1, messageFragment: "empty"),
        BadInput(name: "blank", bytes: Array(" \n ".utf8), line: 1, column: 1, messageFragment: "empty"),
        BadInput(
            name: "truncated", bytes: Array("{\n  \"a\": [1, 2".utf8), line: 2, column: 13,
            messageFragment: "end of input"),
        BadInput(
            name: "bad token", bytes: Array("{\n  \"a\": tru }".utf8), line: 2, column: 11,
            messageFragment: "literal"),
        BadInput(
            name: "trailing", bytes: Array("{}\n  x".utf8), line: 2, column: 3,
            messageFragment: "after the JSON value"),
        BadInput(
            name: "invalid UTF-8", bytes: Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8),
            line: 1, column: 8, messageFragment: "UTF-8"),
        BadInput(
            name: "deep nesting", bytes: Array(repeating: UInt8(ascii: "["), count: 100_000), line: 1,
            column: nil, messageFragment: "too deep"),
        BadInput(
            name: "unpaired surrogate", bytes: [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], line: 1, column: 1,
            messageFragment: "surrogate"),
        BadInput(
            name: "trailing comma", bytes: Array("[1,]".utf8), line: 1, column: 4, messageFragment: ""),
    ]

    @Test(arguments: badInputs)
    func rejectsBadInputWithAPosition(_ input: BadInput) {
        do {
            _ = try JSONDocument.parse(input.bytes)
            Issue.record("\(input.name) parsed")
        } catch {
            #expect(error.line == input.line)
            if let column = input.column { #expect(error.column == column) }
            if !input.messageFragment.isEmpty {
                #expect(error.message.contains(input.messageFragment), "\(error.message)")
            }
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func documentOutlivesItsFirstReference() throws {
        let value = try JSONDocument.parse(#"{"x": ["kept"]}"#).root["x"]
        #expect(value?[0]?.string == "kept")
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test func escapesAndIndentsDeterministically() throws {
        var writer = JSONWriter(indent: 2)
        writer.beginObject()
        writer.key("s")
        writer.string("q\"\\\n\u{01}é")
        writer.key("list")
        writer.beginArray()
        writer.int(1)
        writer.double(2.5)
        writer.bool(false)
        writer.null()
        writer.endArray()
        writer.key("empty")
        writer.beginObject()
        writer.endObject()
        writer.endObject()
        #expect(
            writer.text == """
                {
                  "s": "q\\"\\\\\\n\\u0001é",
                  "list": [
                    1,
                    2.5,
                    false,
                    null
                  ],
                  "empty": {}
                }
                """)
        let reparsed = try JSONDocument.parse(writer.bytes)
        #expect(reparsed.root["s"]?.string == "q\"\\\n\u{01}é")
    }

    /// Elements written in runs by element writers and spliced back must be the bytes of
    /// writing them one by one, whatever the runs (none, empty ones, one, many) and indent.
    @Test(arguments: [0, 2])
    func elementRunsSpliceToTheSameBytes(indent: Int) {
        func element(_ index: Int, _ writer: inout JSONWriter) {
            writer.beginObject()
            writer.key("n")
            writer.int(Int64(index))
            writer.key("list")
            writer.beginArray()
            for value in 0..<index % 3 { writer.string("v\(value)") }
            writer.endArray()
            writer.endObject()
        }
        for cuts in [[], [0], [0, 0], [3], [1, 2, 2, 5], [7]] {
            let count = cuts.last ?? 0
            var whole = JSONWriter(indent: indent)
            var spliced = JSONWriter(indent: indent)
            func open(_ writer: inout JSONWriter) {
                writer.beginObject()
                writer.key("items")
                writer.beginArray()
            }
            func close(_ writer: inout JSONWriter) {
                writer.endArray()
                writer.key("after")
                writer.bool(true)
                writer.endObject()
            }
            open(&whole)
            open(&spliced)
            for index in 0..<count { element(index, &whole) }
            var runs: [JSONWriter] = []
            var start = 0
            for cut in cuts {
                var run = spliced.elementWriter()
                for index in start..<cut { element(index, &run) }
                runs.append(run)
                start = cut
            }
            spliced.appendElements(runs)
            close(&whole)
            close(&spliced)
            #expect(spliced.text == whole.text, "runs ending at \(cuts)")
        }
    }

    @Test func roundTripsADocumentCompactly() throws {
        let source = #"{"a":[1,{"b":null}],"c":"d"}"#
        var writer = JSONWriter(indent: 0)
        writer.value(try JSONDocument.parse(source).root)
        #expect(writer.text == source)
    }
}
