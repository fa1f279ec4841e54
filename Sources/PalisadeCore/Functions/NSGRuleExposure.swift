import Policy

/// Whether one Azure network security group rule admits the internet to some ports: the
/// judgement behind `nsg_world_open(rule, ports)` and `nsg_source_is_world(prefix)`.
///
/// A rule is a map shaped like an inline `azurerm_network_security_group.security_rule`
/// element or an `azurerm_network_security_rule` resource: `direction`, `access`, `protocol`,
/// `source_address_prefix` and `source_address_prefixes`, `destination_port_range` and
/// `destination_port_ranges`. Inline elements carry `""` and `[]` for what is not set, the
/// separate resource carries null; both mean "not given".
///
/// The rule is open when it is an inbound allow (compared case-insensitively), its protocol is
/// `Tcp`, `Udp` or `*` (ICMP, ESP and AH reach no port), one source is the internet and one
/// destination port spec reaches an asked port. A source is the internet when it is `*`, `Any`,
/// `Internet` or `0.0.0.0` (any case) or parses to a /0 network (`0.0.0.0/0`, `::/0`), and so
/// are source prefixes that together leave no address of a family out. A port
/// spec is `*` (every port), a port `22`, a range `1000-2000`, or a comma-separated list of
/// those. The answer is unknown when an attribute that would decide is known only after apply,
/// and an error when a port spec is malformed and the rest does not already decide.
enum NSGRuleExposure {
    static let overloads: [FunctionOverload] = [
        FunctionOverload(
            "nsg_world_open", style: .global, arity: 2,
            signature: "nsg_world_open(rule, list(int | [low, high])) -> bool"
        ) { args, _ in
            guard let probes = WorldOpen.probes(args[1]) else {
                return .error(
                    "nsg_world_open expects a list of ports (int) or ranges ([low, high]) as its second argument"
                )
            }
            return evaluate(rule: args[0], probes: probes)
        },
        FunctionOverload(
            "nsg_source_is_world", style: .global, arity: 1, signature: "nsg_source_is_world(string) -> bool"
        ) { args, _ in
            guard case .string(let prefix) = args[0] else { return .bool(false) }
            return .bool(isWorld(prefix))
        },
    ]

    /// The source prefixes and service tags that mean "any address on the internet".
    static let worldNames: Set<String> = ["*", "any", "internet", "0.0.0.0"]

    /// True when one source prefix is the whole internet.
    static func isWorld(_ prefix: String) -> Bool {
        let trimmed = prefix.trimmingSpaces()
        return worldNames.contains(trimmed.lowercased()) || CIDR(trimmed)?.isWholeInternet == true
    }

    /// The decision for a rule map and the asked ports.
    static func evaluate(rule: Value, probes: [WorldOpen.Probe]) -> Value {
        guard WorldOpen.isMap(rule) else {
            return .error("nsg_world_open expects a security rule map, got \(rule.typeName)")
        }
        let parts = [
            textIs(WorldOpen.member(rule, "direction"), in: ["inbound"]),
            textIs(WorldOpen.member(rule, "access"), in: ["allow"]),
            textIs(WorldOpen.member(rule, "protocol"), in: ["tcp", "udp", "*"]),
            worldSource(rule),
            reaches(rule, probes),
        ]
        if parts.contains(.bool(false)) { return .bool(false) }
        var undecided = ThreeValued()
        for part in parts { undecided.note(part) }
        if let unknown = undecided.undecided { return unknown }
        return parts.first(where: \.isError) ?? .bool(true)
    }

    /// True when a known string is one of `accepted` (case-insensitive); the value itself when unknown.
    private static func textIs(_ value: Value, in accepted: Set<String>) -> Value {
        switch value {
        case .unknown: value
        case .string(let text): .bool(accepted.contains(text.lowercased()))
        default: .bool(false)
        }
    }

    /// True when a known source is the internet, unknown when none is but one is not known yet.
    static func worldSource(_ rule: Value) -> Value {
        var undecided = ThreeValued()
        var networks: [CIDR?] = []
        for candidate in given(rule, single: "source_address_prefix", list: "source_address_prefixes") {
            switch candidate {
            case .string(let prefix) where isWorld(prefix): return .bool(true)
            case .string(let prefix): networks.append(CIDR(prefix.trimmingSpaces()))
            case .unknown: undecided.note(candidate)
            default: continue
            }
        }
        // Prefixes that leave no address out (`0.0.0.0/1` and `128.0.0.0/1`) admit everyone too.
        if CIDR.coverWholeInternet(networks) { return .bool(true) }
        return undecided.undecided ?? .bool(false)
    }

    /// Whether a destination port spec reaches one of the probes.
    static func reaches(_ rule: Value, _ probes: [WorldOpen.Probe]) -> Value {
        var undecided = ThreeValued()
        var malformed: Value?
        for candidate in given(rule, single: "destination_port_range", list: "destination_port_ranges") {
            switch candidate {
            case .string(let spec):
                guard let ranges = portRanges(spec) else {
                    malformed =
                        malformed
                        ?? .error("nsg_world_open: the port spec \"\(spec)\" is not *, a port or a range")
                    continue
                }
                if ranges.contains(where: { range in probes.contains { range.contains($0) } }) {
                    return .bool(true)
                }
            case .unknown: undecided.note(candidate)
            default: continue
            }
        }
        return undecided.undecided ?? malformed ?? .bool(false)
    }

    /// The values of a single-valued attribute and its list twin; `""`, null and absent give nothing.
    private static func given(_ rule: Value, single: String, list: String) -> [Value] {
        var values: [Value] = []
        let one = WorldOpen.member(rule, single)
        switch one {
        case .null, .string(""): break
        default: values.append(one)
        }
        let many = WorldOpen.member(rule, list)
        if case .unknown = many {
            values.append(many)
        } else {
            values += WorldOpen.elements(many) ?? []
        }
        return values
    }

    /// The port ranges of one spec, or nil when it is malformed.
    static func portRanges(_ spec: String) -> [ClosedRange<Int64>]? {
        var ranges: [ClosedRange<Int64>] = []
        for piece in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let item = String(piece).trimmingSpaces()
            if item == "*" {
                ranges.append(0...65535)
                continue
            }
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let low = port(bounds[0]), let high = port(bounds.last ?? bounds[0]),
                low <= high
            else { return nil }
            ranges.append(low...high)
        }
        return ranges
    }

    /// One port number, 0 to 65535, written as plain digits.
    private static func port(_ text: Substring) -> Int64? {
        let digits = String(text).trimmingSpaces()
        guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isASCIIDigit),
            let number = Int64(digits), number <= 65535
        else { return nil }
        return number
    }
}

extension ClosedRange<Int64> {
    /// True when the whole probe lies inside this range.
    fileprivate func contains(_ probe: WorldOpen.Probe) -> Bool {
        lowerBound <= probe.low && probe.high <= upperBound
    }
}

extension Character {
    /// `0` to `9` only; `Character.isNumber` also accepts other scripts' digits.
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
