import Policy
import Testing

@testable import PalisadeCore

@Suite("nsg_world_open: Azure NSG sources, protocols and port specs")
struct NSGRuleExposureTests {
    static let environment = Environment(variables: ["rule"], functions: RulePack.functions)

    /// Evaluates `expression` with `rule` bound to a literal map of the given members.
    func evaluate(_ expression: String, _ members: [(String, Value)]) throws -> Value {
        let compiled = try Expression.compile(expression, environment: Self.environment)
        return compiled.evaluate(Bindings(["rule": .map(ValueMap(members))]))
    }

    /// The members in order, as the map literal takes them.
    func pairs(_ members: KeyValuePairs<String, Value>) -> [(String, Value)] {
        members.map { ($0.key, $0.value) }
    }

    /// An inline `security_rule` element: unset strings are "" and unset sets are [].
    func inline(
        source: String = "", sources: [String] = [], port: String = "", ports: [String] = [],
        proto: String = "Tcp", direction: String = "Inbound", access: String = "Allow"
    ) -> [(String, Value)] {
        pairs([
            "direction": .string(direction), "access": .string(access), "protocol": .string(proto),
            "source_address_prefix": .string(source),
            "source_address_prefixes": .list(sources.map(Value.string)),
            "destination_port_range": .string(port),
            "destination_port_ranges": .list(ports.map(Value.string)),
        ])
    }

    @Test(
        "sources: service tags and /0 networks in any case, in either attribute",
        arguments: [
            ("*", [String](), true),
            ("Internet", [], true),
            ("INTERNET", [], true),
            ("any", [], true),
            ("0.0.0.0/0", [], true),
            ("0.0.0.0", [], true),
            ("::/0", [], true),
            ("", ["10.0.0.0/8", "::0/0"], true),
            ("", ["0.0.0.0/1", "128.0.0.0/1"], true),
            ("0.0.0.0/1", ["128.0.0.0/2"], false),
            ("::/1", ["8000::/1"], true),
            ("VirtualNetwork", [], false),
            ("AzureLoadBalancer", [], false),
            ("203.0.113.0/24", [], false),
            ("", [], false),
        ])
    func sources(source: String, sources: [String], expected: Bool) throws {
        let result = try evaluate(
            "nsg_world_open(rule, [22])", inline(source: source, sources: sources, port: "22"))
        #expect(result == .bool(expected))
    }

    @Test(
        "port specs: *, a port, a range, lists, and the spec that holds the port",
        arguments: [
            ("*", [String](), 22, true),
            ("22", [], 22, true),
            ("20-30", [], 22, true),
            ("23-3388", [], 22, false),
            ("23-3388", [], 3389, false),
            ("3000-4000", [], 3389, true),
            ("", ["80", "443", "3389"], 3389, true),
            ("", ["80", "443"], 3389, false),
            ("", ["1000-2000", "*"], 22, true),
            ("22,3389", [], 3389, true),
            (" 22 ", [], 22, true),
            ("", [], 22, false),
        ])
    func portSpecs(port: String, ports: [String], asked: Int, expected: Bool) throws {
        let result = try evaluate(
            "nsg_world_open(rule, [\(asked)])", inline(source: "*", port: port, ports: ports))
        #expect(result == .bool(expected))
    }

    @Test("whole-range probes must lie inside one spec")
    func rangeProbes() throws {
        #expect(
            try evaluate("nsg_world_open(rule, [[1, 65535]])", inline(source: "*", port: "*")) == .bool(true))
        #expect(
            try evaluate("nsg_world_open(rule, [[1, 65535]])", inline(source: "*", port: "1-1024"))
                == .bool(false))
        #expect(
            try evaluate("nsg_world_open(rule, [[0, 65535]])", inline(source: "*", port: "0-65535"))
                == .bool(true))
    }

    @Test(
        "protocol, direction and access: only inbound allows over Tcp, Udp or * count",
        arguments: [
            ("Tcp", "Inbound", "Allow", true),
            ("udp", "inbound", "allow", true),
            ("*", "Inbound", "Allow", true),
            ("Icmp", "Inbound", "Allow", false),
            ("Esp", "Inbound", "Allow", false),
            ("Ah", "Inbound", "Allow", false),
            ("Tcp", "Outbound", "Allow", false),
            ("Tcp", "Inbound", "Deny", false),
        ])
    func protocolDirectionAccess(proto: String, direction: String, access: String, expected: Bool) throws {
        let members = inline(
            source: "Internet", port: "3389", proto: proto, direction: direction, access: access)
        #expect(try evaluate("nsg_world_open(rule, [3389])", members) == .bool(expected))
    }

    @Test("the separate resource's shape: null for what is not set")
    func separateResourceShape() throws {
        let members = pairs([
            "direction": .string("Inbound"), "access": .string("Allow"), "protocol": .string("Tcp"),
            "source_address_prefix": .null, "source_address_prefixes": .list([.string("0.0.0.0/0")]),
            "destination_port_range": .null,
            "destination_port_ranges": .list([.string("5432"), .string("6379")]),
        ])
        #expect(try evaluate("nsg_world_open(rule, [6379])", members) == .bool(true))
        #expect(try evaluate("nsg_world_open(rule, [22])", members) == .bool(false))
    }

    @Test("an unknown source, port or protocol is unknown unless the rest decides")
    func unknowns() throws {
        let later = Value.unknown(Unknown(UnknownCause(computed: false, references: ["terraform_data.x"])))
        var members = (inline(port: "22"))
        members[3] = ("source_address_prefix", later)
        #expect(try evaluate("nsg_world_open(rule, [22])", members).isUnknown)
        #expect(try evaluate("nsg_world_open(rule, [3389])", members) == .bool(false))
        var ports = (inline(source: "*"))
        ports[5] = ("destination_port_range", later)
        #expect(try evaluate("nsg_world_open(rule, [22])", ports).isUnknown)
        var privatePorts = (inline(source: "10.0.0.0/8"))
        privatePorts[5] = ("destination_port_range", later)
        #expect(try evaluate("nsg_world_open(rule, [22])", privatePorts) == .bool(false))
        var proto = (inline(source: "*", port: "22"))
        proto[2] = ("protocol", later)
        #expect(try evaluate("nsg_world_open(rule, [22])", proto).isUnknown)
        let mixed = inline(sources: ["10.0.0.0/8", "Internet"], port: "22")
        #expect(try evaluate("nsg_world_open(rule, [22])", mixed) == .bool(true))
    }

    @Test("malformed port specs and bad arguments are errors, not silent passes")
    func badInput() throws {
        for spec in ["ssh", "22-", "-22", "70000", "30-20", "1-2-3", "22,"] {
            #expect(
                try evaluate("nsg_world_open(rule, [22])", inline(source: "*", port: spec)).isError, "\(spec)"
            )
        }
        #expect(
            try evaluate("nsg_world_open(rule, [22])", inline(source: "10.0.0.0/8", port: "ssh"))
                == .bool(false))
        #expect(try evaluate("nsg_world_open(rule, ['22'])", inline(source: "*", port: "22")).isError)
        #expect(try evaluate("nsg_world_open('*', [22])", inline()).isError)
    }

    @Test("nsg_source_is_world judges one prefix")
    func sourceIsWorld() throws {
        #expect(try evaluate("nsg_source_is_world('Internet')", []) == .bool(true))
        #expect(try evaluate("nsg_source_is_world('::0/0')", []) == .bool(true))
        #expect(try evaluate("nsg_source_is_world('VirtualNetwork')", []) == .bool(false))
        #expect(try evaluate("nsg_source_is_world(null)", []) == .bool(false))
    }
}
