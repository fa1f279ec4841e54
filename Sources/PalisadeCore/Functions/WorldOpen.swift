import Policy
import TerraformPlan

/// Whether one network rule admits the whole internet to some ports: the shared judgement
/// behind `world_open(rule, ports)` for security groups, NACLs and anything shaped like them.
///
/// A rule is a map in any of the shapes the AWS provider writes:
/// - sources: `cidr_blocks` and `ipv6_cidr_blocks` (lists: security group blocks and
///   `aws_security_group_rule`), `cidr_ipv4` and `cidr_ipv6` (the VPC rule resources),
///   `cidr_block` and `ipv6_cidr_block` (NACL entries and `aws_network_acl_rule`);
/// - protocol: `ip_protocol` when present, else `protocol`, as a name or number;
/// - ports: `from_port` and `to_port`.
///
/// A source counts when it parses to a /0 network (`::0/0` is world, `0.0.0.0/1` is not).
/// Protocol `-1`/`all` reaches every port whatever the ports say (AWS leaves them null or 0);
/// TCP and UDP reach `from_port...to_port` (0/0 is port 0, not all ports); ICMP and every
/// other protocol reach no port, because their from/to are types and codes or absent.
///
/// `ports` lists what the caller asks about: an int is one port, a two-int list `[low, high]`
/// asks whether the whole range is reached. The answer is true when the rule has a world
/// source and reaches one of the asked ports; false when it certainly does not; unknown when
/// an attribute that would decide is known only after apply.
enum WorldOpen {
    /// One asked-about port or range.
    struct Probe: Equatable {
        let low: Int64
        let high: Int64
    }

    static let overload = FunctionOverload(
        "world_open", style: .global, arity: 2,
        signature: "world_open(rule, list(int | [low, high])) -> bool",
        specializer: { literals in
            // The ports are most often a rule's `params`, the same in every call: read once.
            guard literals.count == 2, let ports = literals[1], let probes = probes(ports) else { return nil }
            return { args, context in decide(args[0], probes: probes, context: context) }
        }
    ) { args, context in
        guard let probes = probes(args[1]) else {
            return .error(
                "world_open expects a list of ports (int) or ranges ([low, high]) as its second argument")
        }
        return decide(args[0], probes: probes, context: context)
    }

    /// The decision for `rule` and the asked ports, sharing readings through the engine's payload.
    private static func decide(_ rule: Value, probes: [Probe], context: EvaluationContext) -> Value {
        evaluate(
            rule: rule, probes: probes, readings: (context.payload as? EvaluationPayload)?.networkRuleReadings
        )
    }

    /// The decision for a rule map and the asked ports.
    ///
    /// With `readings`, a rule that is a plan attribute is read once per input: the rules that
    /// judge the same ingress block for different ports (AWS-EC2-001, -002, -003 and -006) share
    /// what it says.
    static func evaluate(
        rule: Value, probes: [Probe], readings: ConcurrentMemo<AttributeView.Identity, Reading>? = nil
    ) -> Value {
        guard isMap(rule) else {
            return .error("world_open expects a network rule map, got \(rule.typeName)")
        }
        if let readings, case .host(let host) = rule, let attribute = host as? AttributeHostValue,
            let identity = attribute.view.identity
        {
            return readings.value(for: identity) { Reading(rule) }.decision(for: probes)
        }
        return Reading(rule).decision(for: probes)
    }

    /// What a rule says whatever ports are asked: its world source and the ports it reaches.
    struct Reading: Sendable {
        /// True, false or unknown (see ``worldSource(_:)``).
        let source: Value
        /// Not read when the source is false: the decision is false whatever it says.
        let reach: Reach

        init(_ rule: Value) {
            source = worldSource(rule)
            reach = source == .bool(false) ? .decided(.bool(false)) : WorldOpen.reach(rule)
        }

        /// The decision for the asked ports.
        func decision(for probes: [Probe]) -> Value {
            if source == .bool(false) { return .bool(false) }
            let reach: Value
            switch self.reach {
            case .decided(let value): reach = value
            case .allPorts: reach = .bool(!probes.isEmpty)
            case .ports(let low, let high):
                reach = .bool(probes.contains { low <= $0.low && $0.high <= high })
            }
            if reach == .bool(false) { return .bool(false) }
            switch (source, reach) {
            case (.bool(true), .bool(true)): return .bool(true)
            case (.unknown(let left), .unknown(let right)): return .unknown(left.merging(right))
            case (.unknown, _): return source
            case (_, .unknown): return reach
            case (.error, _): return source
            default: return reach
            }
        }
    }

    /// The ports a rule's protocol and port range reach.
    enum Reach: Sendable {
        /// False or unknown whatever the ports.
        case decided(Value)
        /// Every port (protocol `-1`/`all`).
        case allPorts
        /// `low...high` (TCP or UDP).
        case ports(low: Int64, high: Int64)
    }

    /// The CIDR attributes read as sources; lists and single strings alike.
    static let sourceAttributes = [
        "cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6", "cidr_block", "ipv6_cidr_block",
    ]

    /// True when a known source is a /0, or the known sources together leave no address of a
    /// family out (`0.0.0.0/1` with `128.0.0.0/1`); unknown when neither holds but a source is
    /// not known yet.
    static func worldSource(_ rule: Value) -> Value {
        var pending: Unknown?
        var networks: [CIDR?] = []
        /// True when `candidate` is a /0; keeps its network, or notes it in `pending` when unknown.
        func isWorld(_ candidate: Value) -> Bool {
            switch candidate {
            case .string(let text):
                let network = CIDR(text)
                if network?.isWholeInternet == true { return true }
                networks.append(network)
            case .unknown(let unknown): pending = pending.map { $0.merging(unknown) } ?? unknown
            default: break
            }
            return false
        }
        for attribute in sourceAttributes {
            let value = member(rule, attribute)
            switch value {
            case .unknown, .string:
                if isWorld(value) { return .bool(true) }
            case .list(let list):
                for candidate in list where isWorld(candidate) { return .bool(true) }
            case .host(let host) where host.kind == .list:
                // Read element by element: most blocks have one source, and the first world one decides.
                for index in 0..<max(0, host.count) where isWorld(host.element(at: index)) {
                    return .bool(true)
                }
            default:
                continue
            }
        }
        if CIDR.coverWholeInternet(networks) { return .bool(true) }
        return pending.map(Value.unknown) ?? .bool(false)
    }

    /// The elements of `candidates` (CIDR texts) that admit the whole internet.
    ///
    /// As `world_cidrs(list)` gives them: the /0s of a family, or the networks that together
    /// cover it (see ``CIDR/wholeInternetSources(_:)``), in list order. Unknown when none does but
    /// an element is not known yet; anything that is not a network text is left out.
    static func worldCIDRs(_ candidates: [Value]) -> Value {
        var pending: Unknown?
        var texts: [String] = []
        var networks: [CIDR?] = []
        for candidate in candidates {
            switch candidate {
            case .string(let text):
                texts.append(text)
                networks.append(CIDR(text))
            case .unknown(let unknown): pending = pending.map { $0.merging(unknown) } ?? unknown
            default: break
            }
        }
        let chosen = CIDR.wholeInternetSources(networks)
        if chosen.isEmpty, let pending { return .unknown(pending) }
        return .list(chosen.map { .string(texts[$0]) })
    }

    /// The ports the protocol and port range reach.
    static func reach(_ rule: Value) -> Reach {
        var protocolValue = member(rule, "ip_protocol")
        if case .null = protocolValue { protocolValue = member(rule, "protocol") }
        if case .unknown = protocolValue { return .decided(protocolValue) }
        switch GeneralFunctions.normalisedProtocol(protocolValue) {
        case "all": return .allPorts
        case "tcp", "udp": break
        default: return .decided(.bool(false))
        }
        let from = member(rule, "from_port")
        let to = member(rule, "to_port")
        if case .unknown(let left) = from {
            if case .unknown(let right) = to { return .decided(.unknown(left.merging(right))) }
            return .decided(from)
        }
        if case .unknown = to { return .decided(to) }
        guard let low = integer(from), let high = integer(to) else { return .decided(.bool(false)) }
        return .ports(low: low, high: high)
    }

    /// The probes of a `ports` argument, or nil when it is not a list of ints and int pairs.
    static func probes(_ value: Value) -> [Probe]? {
        guard let list = elements(value) else { return nil }
        var result: [Probe] = []
        result.reserveCapacity(list.count)
        for element in list {
            if let port = integer(element) {
                result.append(Probe(low: port, high: port))
            } else if let pair = elements(element), pair.count == 2, let low = integer(pair[0]),
                let high = integer(pair[1]), low <= high
            {
                result.append(Probe(low: low, high: high))
            } else {
                return nil
            }
        }
        return result
    }

    static func isMap(_ value: Value) -> Bool {
        switch value {
        case .map: true
        case .host(let host): host.kind == .map
        default: false
        }
    }

    /// The member of a literal or host map; `.null` when absent.
    static func member(_ value: Value, _ name: String) -> Value {
        switch value {
        case .map(let map): map[name] ?? .null
        case .host(let host) where host.kind == .map: host.member(name)
        default: .null
        }
    }

    /// The elements of a literal or host list; nil for anything else.
    static func elements(_ value: Value) -> [Value]? {
        switch value {
        case .list(let list): return list
        case .host(let host) where host.kind == .list:
            return (0..<max(0, host.count)).map { host.element(at: $0) }
        default: return nil
        }
    }

    /// An int, or a double with no fraction (JSON numbers may arrive either way).
    static func integer(_ value: Value) -> Int64? {
        switch value {
        case .int(let number): return number
        case .double(let number) where number.rounded() == number && abs(number) < 1e15: return Int64(number)
        default: return nil
        }
    }
}
