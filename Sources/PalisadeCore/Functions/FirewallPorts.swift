import Policy

/// Whether one allow block of a GCP firewall (`google_compute_firewall.allow[*]`) reaches some
/// ports: the judgement behind `firewall_allows(allow, ports)`.
///
/// The block is `{protocol, ports}` as the google provider writes it. The protocol is a name
/// (`tcp`, `udp`, `icmp`, `esp`, `ah`, `sctp`, `ipip`, `all`, in any case) or an IP protocol
/// number (`"6"`, `"17"`). `ports` is a list of strings, each one port (`"22"`) or an inclusive
/// range (`"1000-2000"`); GCP applies a TCP or UDP block with no ports to every port. Protocol
/// `all` reaches every port; TCP and UDP reach their ports; every other protocol reaches none
/// of the asked ports (they have no ports, or are not where these services listen).
///
/// `ports` lists what the caller asks about, as for `world_open`: an int is one port, a
/// `[low, high]` pair asks whether the whole range is reached. The source side (ranges, tags,
/// direction) is the rule's business, so the same helper serves ingress tests of any source.
enum FirewallPorts {
    static let overload = FunctionOverload(
        "firewall_allows", style: .global, arity: 2,
        signature: "firewall_allows(allow, list(int | [low, high])) -> bool"
    ) { args, _ in
        guard let probes = WorldOpen.probes(args[1]) else {
            return .error(
                "firewall_allows expects a list of ports (int) or ranges ([low, high]) as its second argument"
            )
        }
        return evaluate(allow: args[0], probes: probes)
    }

    /// One port or inclusive range of an allow block.
    struct PortRange: Equatable {
        let low: Int64
        let high: Int64

        /// Parses `"22"` or `"1000-2000"`; nil for anything else (including `"2000-1000"`).
        init?(_ text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 1 || parts.count == 2,
                let low = Int64(parts[0]), let high = Int64(parts[parts.count - 1]),
                0 <= low, low <= high, high <= 65535
            else { return nil }
            self.low = low
            self.high = high
        }

        func contains(_ probe: WorldOpen.Probe) -> Bool { low <= probe.low && probe.high <= high }
    }

    /// The decision for an allow block map and the asked ports.
    static func evaluate(allow: Value, probes: [WorldOpen.Probe]) -> Value {
        guard WorldOpen.isMap(allow) else {
            return .error("firewall_allows expects a firewall allow block map, got \(allow.typeName)")
        }
        let protocolValue = WorldOpen.member(allow, "protocol")
        if case .unknown = protocolValue { return protocolValue }
        switch GeneralFunctions.normalisedProtocol(protocolValue) {
        case "all": return .bool(!probes.isEmpty)
        case "tcp", "udp": break
        default: return .bool(false)
        }
        let ports = WorldOpen.member(allow, "ports")
        switch ports {
        case .null: return .bool(!probes.isEmpty)
        case .unknown: return ports
        default: break
        }
        guard let entries = WorldOpen.elements(ports) else {
            return .error("firewall_allows expects the allow block's ports as a list, got \(ports.typeName)")
        }
        if entries.isEmpty { return .bool(!probes.isEmpty) }
        var pending: Unknown?
        for entry in entries {
            switch entry {
            case .unknown(let unknown):
                pending = pending.map { $0.merging(unknown) } ?? unknown
            case .string(let text):
                guard let range = PortRange(text) else {
                    return .error(
                        "firewall_allows: '\(text)' is not a port or a port range such as 1000-2000")
                }
                if probes.contains(where: range.contains) { return .bool(true) }
            default:
                // The provider's ports are strings; a number from a hand-written map is read alike.
                guard let port = WorldOpen.integer(entry), let range = PortRange(String(port)) else {
                    return .error("firewall_allows expects port strings, got \(entry.typeName)")
                }
                if probes.contains(where: range.contains) { return .bool(true) }
            }
        }
        return pending.map(Value.unknown) ?? .bool(false)
    }
}
