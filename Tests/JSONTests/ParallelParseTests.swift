import Foundation
import TestMaterial
import Testing

@testable import JSON

@Suite("Parallel JSON parse")
struct ParallelParseTests {
    /// Parses `bytes` both ways and expects json-c's own tree, or the same error.
    static func expectSameOutcome(
        _ bytes: [UInt8], chunkBytes: Int?, label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let sequential = Result { () throws(JSONParseError) in try Parsing.sequential(bytes) }
        let parallel = Result { () throws(JSONParseError) in try Parsing.forced(bytes, chunkBytes: chunkBytes)
        }
        switch (sequential, parallel) {
        case (.success(let expected), .success(let actual)):
            let difference = TreeComparison.firstDifference(expected.root, actual.root)
            #expect(difference == nil, "\(label): \(difference ?? "")", sourceLocation: sourceLocation)
            let oracle = Result { () throws(JSONParseError) in try Parsing.jsonC(bytes) }
            guard case .success(let jsonC) = oracle else {
                Issue.record("\(label): json-c rejects what was built", sourceLocation: sourceLocation)
                return
            }
            // The builder itself must have made it: the public parse falls back to json-c's tree.
            guard let built = Parsing.builtOnly(bytes) else {
                Issue.record("\(label): the builder declined it", sourceLocation: sourceLocation)
                return
            }
            let fromJSONC = TreeComparison.firstDifference(jsonC.root, built.root)
            #expect(
                fromJSONC == nil, "\(label): json-c's tree differs: \(fromJSONC ?? "")",
                sourceLocation: sourceLocation)
        case (.failure(let expected), .failure(let actual)):
            #expect(expected == actual, "\(label)", sourceLocation: sourceLocation)
        default:
            Issue.record(
                "\(label): sequential \(sequential), parallel \(parallel)", sourceLocation: sourceLocation)
        }
    }

    @Test(.requiresPlanCorpus, arguments: [1, 300, nil])
    func corpusPlansGiveTheSameTree(chunkBytes: Int?) throws {
        let files = TestMaterial.planFiles
        #expect(files.count > 100)
        var parallelCount = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            Self.expectSameOutcome(bytes, chunkBytes: chunkBytes, label: file.lastPathComponent)
            if Parsing.parallelOnly(bytes, chunkBytes: chunkBytes) != nil { parallelCount += 1 }
        }
        // The corpus is valid JSON with object roots: the parallel path must take all of it.
        #expect(parallelCount == files.count)
    }

    @Test(
        .requiresPlanGenerator,
        arguments: [1, 40, 1_500])
    func generatedPlansGiveTheSameTree(resources: Int) throws {
        let bytes = try TestMaterial.generatedPlan(resources: resources)
        let sequential = try Parsing.sequential(bytes)
        #expect(TreeComparison.firstDifference(try Parsing.jsonC(bytes).root, sequential.root) == nil)
        for chunkBytes in [1, 4_096, nil] {
            let parallel = try #require(Parsing.parallelOnly(bytes, chunkBytes: chunkBytes))
            let difference = TreeComparison.firstDifference(sequential.root, parallel.root)
            #expect(
                difference == nil, "chunks of \(String(describing: chunkBytes)) bytes: \(difference ?? "")")
        }
        // The public entry point, with its own threshold and the machine's cores.
        let automatic = try JSONDocument.parse(bytes)
        #expect(TreeComparison.firstDifference(sequential.root, automatic.root) == nil)
    }

    static let documents: [String] = [
        #"{}"#, #"{"a":1}"#, #"{"a":1,"b":2,"a":3}"#, #"{"a":[1,2,3],"b":{},"a":[4,5]}"#,
        #"{"k":[1,2,3,4,5,6,7,8,9,10,11,12],"n":[-1,-0.5e1,1.,NaN,Infinity,-Infinity,18446744073709551615]}"#,
        #"{"x":[null,null,[null]],"y":null,"z":true,"w":false,"v":"s","u":-7}"#,
        #"{'single':1,"double":2}"#, #"{"a\u0000b":1,"a":2,"c\u0000":[3]}"#,
        #"{"\u00e9":{"\ud83d\ude00":[]}}"#,
        "{\n  \"a\" : [ 1 ,\n 2 , { \"b\" : [ ] } ] ,\r\n\t\"c\" :\"d\" \n}\n",
        #"{"a":[[],[[]],{}],"b":[{}]}"#,
        #"{"s":["\ud800","\udc00x","\ud800\u0041","a\u0000b"]}"#, "[1,2,3]", "\"text\"", "12 ",
        // Errors, which must be json-c's own, wherever they are.
        #"{"a":[1,2,]}"#, #"{"a":[1,2],}"#, #"{"a":[01]}"#, #"{"a":tru}"#, "{\"a\":[1,\n2,\n\"\\q\"]}",
        #"{"a":[1,2]"#, #"{"a":[1,2]} x"#, #"{"a":1}{"#, "{\"a\":\"x\u{01}\"}",
    ]

    /// ``expectSameOutcome(_:chunkBytes:label:sourceLocation:)``, and for an object json-c
    /// accepts, that the parallel path took it.
    ///
    /// The public parse falls back to one build when the parallel path declines; a valid
    /// object must not be declined, or the comparison would compare that call with itself.
    static func expectSameOutcomeOnTheParallelPath(
        _ bytes: [UInt8], chunkBytes: Int?, label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectSameOutcome(bytes, chunkBytes: chunkBytes, label: label, sourceLocation: sourceLocation)
        let first = bytes.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        if first == UInt8(ascii: "{"), Parsing.jsonCAccepts(bytes) {
            #expect(
                Parsing.parallelOnly(bytes, chunkBytes: chunkBytes) != nil, "declined: \(label)",
                sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: documents)
    func edgeDocumentsGiveTheSameOutcome(_ text: String) {
        for chunkBytes in [1, 2, 7, nil] {
            Self.expectSameOutcomeOnTheParallelPath(
                Array(text.utf8), chunkBytes: chunkBytes, label: "\(text) / \(String(describing: chunkBytes))"
            )
        }
    }

    /// Byte sequences json-c's UTF-8 check rejects or lets through (it counts continuation
    /// bytes only): the parallel parse leaves that check to the validator, and must end the same.
    static let utf8Sequences: [[UInt8]] = [
        [0xC3, 0xA9], [0xC3], [0xA9], [0xE2, 0x82], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98],
        [0xF0, 0x9F, 0x98, 0x80],
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], [0xC3, 0x41], [0x80, 0x80],
    ]

    @Test(arguments: utf8Sequences)
    func invalidUTF8InsideSplitArraysEndsTheSame(_ sequence: [UInt8]) {
        for (prefix, suffix) in [(#"{"a":[1,""#, #"",3],"b":2}"#), (#"{"a":[1,2,{""#, #"":3}],"b":2}"#)] {
            let bytes = Array(prefix.utf8) + sequence + Array(suffix.utf8)
            for chunkBytes in [1, 3, nil] {
                Self.expectSameOutcomeOnTheParallelPath(
                    bytes, chunkBytes: chunkBytes, label: "\(sequence) / \(prefix)")
            }
        }
    }

    @Test(arguments: [2, 3, 4, 6])
    func nestingLimitHoldsInsideSplitArrays(maximumDepth: Int) {
        for levels in 0...(maximumDepth + 1) {
            let inner = String(repeating: "[", count: levels) + "1" + String(repeating: "]", count: levels)
            let bytes = Array(#"{"a":[0,\#(inner),2]}"#.utf8)
            let sequential = Result { () throws(JSONParseError) in
                try Parsing.sequential(bytes, maximumDepth: maximumDepth)
            }
            let parallel = Result { () throws(JSONParseError) in
                try Parsing.forced(bytes, chunkBytes: 1, maximumDepth: maximumDepth)
            }
            switch (sequential, parallel) {
            case (.success(let expected), .success(let actual)):
                #expect(TreeComparison.firstDifference(expected.root, actual.root) == nil)
            case (.failure(let expected), .failure(let actual)):
                #expect(expected == actual)
            default:
                Issue.record("depth \(maximumDepth), \(levels) levels: \(sequential) vs \(parallel)")
            }
        }
    }

    @Test func utf16InputTakesTheSamePath() throws {
        let text = #"{"k":["välue",1,2],"m":{"n":"ü"}}"#
        let littleEndian: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let parallel = try Parsing.forced(littleEndian, chunkBytes: 1)
        #expect(
            TreeComparison.firstDifference(try Parsing.sequential(Array(text.utf8)).root, parallel.root)
                == nil)
    }
}
