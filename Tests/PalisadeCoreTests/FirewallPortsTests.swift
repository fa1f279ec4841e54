import Policy
import Testing

@testable import PalisadeCore

@Suite("firewall_allows: GCP firewall protocols and port strings")
struct FirewallPortsTests {
    static let environment = Environment(variables: ["allow"], functions: RulePack.functions)

    /// Evaluates `expression` with `allow` bound to a literal map of the given members.
    func evaluate(_ expression: String, _ members: ValueMap) throws -> Value {
        let compiled = try Expression.compile(expression, environment: Self.environment)
        return compiled.evaluate(Bindings(["allow": .map(members)]))
    }

    func allow(_ proto: String, _ ports: [String]?) -> ValueMap {
        ["protocol": .string(proto), "ports": ports.map { .list($0.map(Value.string)) } ?? .null]
    }

    @Test(
        "protocols by name or number, single ports and ranges",
        arguments: [
            // (protocol, ports, asked port, expected)
            ("tcp", ["22"], 22, true),
            ("TCP", ["22"], 22, true),
            ("6", ["3389"], 3389, true),
            ("udp", ["1000-4000"], 3389, true),
            ("17", ["3390-4000"], 3389, false),
            ("tcp", ["80", "443"], 22, false),
            ("tcp", ["20-21", "22"], 22, true),
            ("all", ["80"], 22, true),
            ("icmp", [String](), 22, false),
            ("esp", [], 22, false),
            ("sctp", ["22"], 22, false),
            ("tcp", ["0-65535"], 3389, true),
        ])
    func protocolsAndPorts(proto: String, ports: [String], port: Int, expected: Bool) throws {
        #expect(try evaluate("firewall_allows(allow, [\(port)])", allow(proto, ports)) == .bool(expected))
    }

    @Test("no ports, an empty list or protocol all reach every port")
    func emptyPortsMeanAll() throws {
        #expect(try evaluate("firewall_allows(allow, [[1, 65535]])", allow("tcp", nil)) == .bool(true))
        #expect(try evaluate("firewall_allows(allow, [[1, 65535]])", allow("udp", [])) == .bool(true))
        #expect(try evaluate("firewall_allows(allow, [[1, 65535]])", allow("all", nil)) == .bool(true))
        #expect(
            try evaluate("firewall_allows(allow, [[1, 65535]])", allow("tcp", ["1-65534"])) == .bool(false))
        #expect(try evaluate("firewall_allows(allow, [])", allow("tcp", nil)) == .bool(false))
    }

    @Test("an unknown port or protocol is unknown unless a known entry already decides")
    func unknownEntries() throws {
        let unknownPort: ValueMap = [
            "protocol": .string("tcp"),
            "ports": .list([.string("80"), .unknown(UnknownCause(computed: false, references: ["var.x"]))]),
        ]
        #expect(try evaluate("firewall_allows(allow, [22])", unknownPort).isUnknown)
        #expect(try evaluate("firewall_allows(allow, [80])", unknownPort) == .bool(true))
        let unknownProtocol: ValueMap = [
            "protocol": .unknown(UnknownCause(computed: false)), "ports": .list([.string("22")]),
        ]
        #expect(try evaluate("firewall_allows(allow, [22])", unknownProtocol).isUnknown)
        let unknownList: ValueMap = [
            "protocol": .string("icmp"), "ports": .unknown(UnknownCause(computed: false)),
        ]
        #expect(try evaluate("firewall_allows(allow, [22])", unknownList) == .bool(false))
    }

    @Test("malformed ports and arguments are errors, not silent passes")
    func badArguments() throws {
        #expect(try evaluate("firewall_allows(allow, [22])", allow("tcp", ["ssh"])).isError)
        #expect(try evaluate("firewall_allows(allow, [22])", allow("tcp", ["30-20"])).isError)
        #expect(try evaluate("firewall_allows(allow, [22])", allow("tcp", ["70000"])).isError)
        #expect(try evaluate("firewall_allows(allow, ['22'])", allow("tcp", ["22"])).isError)
        #expect(try evaluate("firewall_allows('tcp', [22])", allow("tcp", ["22"])).isError)
    }
}
