import TestMaterial
import Testing

@testable import JSON

/// The validator must accept exactly what json-c's strict parse accepts: an omitted member is
/// only ever checked by the validator, so a byte it wrongly accepts would pass silently.
@Suite("JSON validator against json-c")
struct ValidatorDifferentialTests {
    struct Case: Sendable, CustomStringConvertible {
        let bytes: [UInt8]
        /// json-c 0.16's verdict, checked here too so a different json-c shows up as a failure.
        let accepted: Bool
        var description: String { Parsing.show(bytes) }

        init(_ text: String, _ accepted: Bool) {
            self.bytes = Array(text.utf8)
            self.accepted = accepted
        }

        init(bytes: [UInt8], _ accepted: Bool) {
            self.bytes = bytes
            self.accepted = accepted
        }
    }

    static let numbers: [Case] = [
        Case("[0]", true), Case("[-0]", true), Case("[1e5]", true), Case("[1E+5]", true),
        Case("[1e-5]", true),
        Case("[1e05]", true), Case("[01]", false), Case("[00]", true), Case("[000]", true),
        Case("[0012]", false),
        Case("[-01]", true), Case("[-00]", true), Case("[1.]", true), Case("[-2.]", true),
        Case("[.5]", false),
        Case("[-.5]", true), Case("[-.5e3]", true), Case("[-.]", false), Case("[-.e3]", false),
        Case("[-]", false),
        Case("[1.e5]", true), Case("[0.e1]", true), Case("[0e]", false), Case("[1e+]", false),
        Case("[1.e]", false),
        Case("[1e5e]", false), Case("[-e5]", false), Case("[1.5e]", false), Case("[1.0.0]", false),
        Case("[1ee5]", false), Case("[--1]", false), Case("[1-]", false), Case("[1+1]", false),
        Case("[+1]", false),
        Case("[1e5.5]", false), Case("[1.5e+-3]", false), Case("[0.-5]", false), Case("[012.5]", true),
        Case("[-00.5]", true), Case("[0x10]", false), Case("[1e999]", true), Case("[-1e-999]", true),
        Case("[18446744073709551615]", true), Case("[18446744073709551616]", true),
        Case("[99999999999999999999999]", true), Case("[-9223372036854775809]", true),
        Case("[NaN]", true), Case("[Infinity]", true), Case("[-Infinity]", true), Case("[nan]", false),
        Case("[infinity]", false), Case("[-infinity]", false), Case("[-NaN]", false), Case("[-Inf]", false),
        Case("[Infinit]", false), Case("[NaN5]", false), Case("[-Infinity5]", false), Case("[1I]", false),
        Case("[1/]", false), Case("[-1x]", false), Case("{\"a\":-Infinity}", true), Case("{\"a\":1 }", true),
    ]

    static let literals: [Case] = [
        Case("[true]", true), Case("[false]", true), Case("[null]", true), Case("[True]", false),
        Case("[FALSE]", false), Case("[Null]", false), Case("[nul]", false), Case("[nulll]", false),
        Case("[truex]", false), Case("[tru]", false), Case("[nullnull]", false), Case("[n]", false),
    ]

    static let strings: [Case] = [
        Case(#"["\"\\\/\b\f\n\r\t"]"#, true), Case(#"["\u0041\u00e9\uFFFF"]"#, true), Case(#"["\q"]"#, false),
        Case(#"["\'"]"#, false), Case(#"["\u12"]"#, false), Case(#"["\u12g4"]"#, false),
        Case(#"["\U0041"]"#, false),
        Case(#"["\ud800"]"#, true), Case(#"["\udc00"]"#, true), Case(#"["\ud800\u0041"]"#, true),
        Case(#"["\ud800\n"]"#, true), Case(#"["\ud800\ud800"]"#, true), Case(#"["\ud83d\ude00"]"#, true),
        Case(#"["\ud800\q"]"#, false), Case(#"["\ud800\u"]"#, false), Case(#"["\"#, false),
        Case(#"[""#, false),
        Case(#"["a"#, false), Case("['a']", false), Case("[\"it's\"]", true),
        Case(bytes: Array("[\"".utf8) + [0x01, 0x1F, 0x09, 0x0A, 0x7F] + Array("\"]".utf8), true),
        Case(bytes: Array("[\"a".utf8) + [0x00] + Array("b\"]".utf8), false),
        Case(bytes: Array("[\"".utf8) + [0xC3, 0xA9] + Array("\"]".utf8), true),
        Case(bytes: Array("[\"".utf8) + [0xC0, 0x80] + Array("\"]".utf8), true),
        Case(bytes: Array("[\"".utf8) + [0xC1, 0xBF] + Array("\"]".utf8), true),
        Case(bytes: Array("[\"".utf8) + [0xE0, 0x80, 0x80] + Array("\"]".utf8), true),
        Case(bytes: Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8), true),
        Case(bytes: Array("[\"".utf8) + [0xF0, 0x9F, 0x98, 0x80] + Array("\"]".utf8), true),
        Case(bytes: Array("[\"".utf8) + [0xF7, 0xBF, 0xBF, 0xBF] + Array("\"]".utf8), true),
        Case(bytes: Array("[\"".utf8) + [0xF8, 0x88, 0x80, 0x80, 0x80] + Array("\"]".utf8), false),
        Case(bytes: Array("[\"".utf8) + [0xFF] + Array("\"]".utf8), false),
        Case(bytes: Array("[\"".utf8) + [0x80] + Array("\"]".utf8), false),
        Case(bytes: Array("[\"".utf8) + [0xC3] + Array("\"]".utf8), false),
        Case(bytes: Array("[\"".utf8) + [0xE2, 0x82] + Array("\"]".utf8), false),
        Case(bytes: Array("[\"".utf8) + [0xC3, 0x5C] + Array("n\"]".utf8), false),
        Case(bytes: Array("[\"".utf8) + [0xEF, 0xBB, 0xBF] + Array("\"]".utf8), true),
        Case(bytes: [0xEF, 0xBB, 0xBF] + Array("[]".utf8), false),
        Case(bytes: Array("[1,".utf8) + [0xC3, 0xA9] + Array("]".utf8), false),
    ]

    static let structure: [Case] = [
        Case("{}", true), Case("[]", true), Case(" { } ", true), Case("[[],{}]", true),
        Case("{\"a\":1,}", false),
        Case("[1,]", false), Case("[,1]", false), Case("[1,,2]", false), Case("{,}", false),
        Case("{\"a\"}", false),
        Case("{\"a\" 1}", false), Case("{\"a\":}", false), Case("{\"a\"::1}", false), Case("{1:2}", false),
        Case("{'a':1}", true), Case("{'a\"b':1}", true), Case("{'a':'b'}", false), Case(#"{'a\'':1}"#, false),
        Case(#"{"a\u0000b":1}"#, true), Case("{\"a\":1,\"a\":2}", true), Case("[1 2]", false),
        Case("[1:2]", false),
        Case("{\"a\":1 \"b\":2}", false), Case("]", false), Case("}", false), Case("[}", false),
        Case("{]", false),
        Case("[", false), Case("{", false), Case("{\"a\":[1,2}", false), Case("[{\"a\":1]]", false),
        Case("[] x", false), Case("[][]", false), Case("{} {}", false), Case("[]\n\t\r ", true),
        Case("\n\t\r [1]", true), Case(bytes: Array("[1]".utf8) + [0x00], false),
        Case(bytes: [0x0B] + Array("[1]".utf8), false),
        Case(bytes: Array("[".utf8) + [0x0C] + Array("1]".utf8), false), Case("[1 /* c */]", false),
        Case("[1 // c\n]", false), Case("/* c */ []", false),
    ]

    static let topLevel: [Case] = [
        Case("", false), Case("   ", false), Case("1", false), Case("1 ", true), Case("-1", false),
        Case("-1\n", true),
        Case("1.5", false), Case("1.5 ", true), Case("true", false), Case("true ", true), Case("null", false),
        Case("null\t", true), Case("NaN", false), Case("NaN ", true), Case("Infinity", false),
        Case("-Infinity ", true), Case("\"s\"", true), Case("\"s\" ", true), Case("-", false),
        Case("- ", false),
        Case("\"s\" \"t\"", false), Case("1 2", false), Case("nullx", false),
    ]

    @Test(arguments: numbers + literals + strings + structure + topLevel)
    func validatorAgreesWithJSONC(_ example: Case) {
        let jsonC = Parsing.jsonCAccepts(example.bytes)
        #expect(jsonC == example.accepted, "json-c itself changed its verdict on \(example)")
        #expect(
            Parsing.validatorAccepts(example.bytes) == jsonC, "validator disagrees with json-c on \(example)")
    }

    @Test(arguments: [1, 2, 3, 10, 511, 512, 513])
    func nestingLimitMatches(maximumDepth: Int) {
        for levels in [maximumDepth - 2, maximumDepth - 1, maximumDepth, maximumDepth + 1] where levels >= 0 {
            let shapes: [[UInt8]] = [
                Array((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8),
                Array(
                    (String(repeating: "[", count: levels) + "1" + String(repeating: "]", count: levels) + " ")
                        .utf8),
                Array(
                    (String(repeating: "{\"a\":", count: levels) + "{}"
                        + String(repeating: "}", count: levels)).utf8),
                Array(
                    (String(repeating: "{\"a\":[", count: levels) + "0"
                        + String(repeating: "]}", count: levels)).utf8),
            ]
            for shape in shapes where !shape.isEmpty {
                let jsonC = Parsing.jsonCAccepts(shape, maximumDepth: maximumDepth)
                #expect(
                    Parsing.validatorAccepts(shape, maximumDepth: maximumDepth) == jsonC,
                    "depth \(maximumDepth), \(levels) levels: \(Parsing.show(Array(shape.prefix(40))))")
            }
        }
    }

    /// Small valid documents whose mutations reach every state of both parsers.
    static let seeds: [String] = [
        #"{"format_version":"1.2","resource_changes":[{"address":"a.b","change":{"actions":["create"],"after":{"n":-1.5e3,"ok":true,"x":null}}}],"planned_values":{"root_module":{}}}"#,
        #"[1, -0, 2.5, 1e10, -3E-2, 0.0, 10, NaN, Infinity, -Infinity, true, false, null, "s"]"#,
        #"{"k": "caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t", 'single': {"nested": [[], {}, [[1]]]}}"#,
        "{\"utf8\": \"é€😀\", \"ctl\": \"a\u{01}b\", \"arr\": [\"x\", 12345678901234567890, -9]}\n",
        #"  [ { "a" : [ 1 , 2 ] , "b" : { "c" : "d" } } , [ ] , { } ]  "#,
    ]

    /// Bytes that matter to one of the parsers, so mutations hit interesting cases often.
    static let interestingBytes: [UInt8] =
        Array("{}[],:\"'\\/-+.0123456789eEaftnulrsINby \t\r\n".utf8) + [
            0x00, 0x01, 0x0B, 0x0C, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF7, 0xF8, 0xFF,
        ]

    @Test func validatorAgreesWithJSONCOnRandomMutations() {
        var random = SplitMix64(seed: 0x5EED_0F_7A11_5ADE)
        var disagreements: [String] = []
        var accepted = 0
        let rounds = 30_000
        for round in 0..<rounds {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let position = Int(random.next() % UInt64(bytes.count + 1))
                let byte =
                    random.next() % 4 == 0
                    ? UInt8(truncatingIfNeeded: random.next())
                    : Self.interestingBytes[Int(random.next() % UInt64(Self.interestingBytes.count))]
                switch random.next() % 3 {
                case 0 where position < bytes.count: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: if position < bytes.count { bytes.remove(at: position) }
                }
            }
            let jsonC = Parsing.jsonCAccepts(bytes)
            if jsonC { accepted += 1 }
            if Parsing.validatorAccepts(bytes) != jsonC {
                disagreements.append("json-c \(jsonC ? "accepts" : "rejects"): \(Parsing.show(bytes))")
            }
        }
        #expect(
            disagreements.isEmpty,
            "\(disagreements.count) disagreements:\n\(disagreements.prefix(20).joined(separator: "\n"))")
        // Both verdicts must be common, or the mutations test little.
        #expect(accepted > rounds / 20 && accepted < rounds * 19 / 20, "\(accepted) of \(rounds) accepted")
    }
}
