import JSON
import Policy
import TextDecoding

/// Domain functions that need no engine state: networks, protocols, secrets, JSON strings.
enum GeneralFunctions {
    static let overloads: [FunctionOverload] = [
        FunctionOverload(
            "cidr_is_world", style: .global, arity: 1, signature: "cidr_is_world(string) -> bool"
        ) { args, _ in
            guard case .string(let text) = args[0] else { return .bool(false) }
            return .bool(CIDR(text)?.isWholeInternet ?? false)
        },
        FunctionOverload(
            "world_cidrs", style: .global, arity: 1, signature: "world_cidrs(list(string)) -> list(string)"
        ) { args, _ in
            guard let elements = WorldOpen.elements(args[0]) else {
                return .error("world_cidrs expects a list of CIDR strings, got \(args[0].typeName)")
            }
            return WorldOpen.worldCIDRs(elements)
        },
        FunctionOverload(
            "cidr_contains", style: .global, arity: 2,
            signature: "cidr_contains(network, address_or_network) -> bool"
        ) { args, _ in
            guard case .string(let outer) = args[0], case .string(let inner) = args[1],
                let network = CIDR(outer), let candidate = CIDR(inner)
            else { return .bool(false) }
            return .bool(network.contains(candidate))
        },
        WorldOpen.overload,
        FirewallPorts.overload,
        FunctionOverload("protocol", style: .global, arity: 1, signature: "protocol(string|int) -> string") {
            args, _ in
            .string(normalisedProtocol(args[0]))
        },
        FunctionOverload("secret_name", style: .global, arity: 1, signature: "secret_name(string) -> bool") {
            args, _ in
            guard case .string(let name) = args[0] else { return .bool(false) }
            return .bool(SecretPatterns.isSecretName(name))
        },
        FunctionOverload(
            "credential_format", style: .global, arity: 1, signature: "credential_format(string) -> bool"
        ) { args, _ in
            guard case .string(let value) = args[0] else { return .bool(false) }
            return .bool(SecretPatterns.credentialFormat(in: value) != nil)
        },
        FunctionOverload("url_password", style: .global, arity: 1, signature: "url_password(string) -> bool")
        {
            args, _ in
            guard case .string(let text) = args[0] else { return .bool(false) }
            return .bool(SecretPatterns.containsURLPassword(text))
        },
        FunctionOverload(
            "secret_assignment", style: .global, arity: 1, signature: "secret_assignment(string) -> bool"
        ) { args, _ in
            guard case .string(let text) = args[0] else { return .bool(false) }
            return .bool(SecretPatterns.secretAssignment(in: text) != nil)
        },
        FunctionOverload(
            "base64_decode", style: .global, arity: 1, signature: "base64_decode(string) -> string"
        ) { args, _ in
            guard case .string(let text) = args[0] else {
                return .error("base64_decode expects a string, got \(args[0].typeName)")
            }
            guard let decoded = Base64.decodedText(text) else {
                return .error("base64_decode: the string is not base64-encoded UTF-8 text")
            }
            return .string(decoded)
        },
        FunctionOverload("mask", style: .global, arity: 1, signature: "mask(value) -> string") { args, _ in
            guard case .string(let value) = args[0] else { return .string("****") }
            return .string(SecretPatterns.mask(value))
        },
        FunctionOverload(
            "json_decode", style: .global, arity: 1, signature: "json_decode(string) -> value",
            acceptsUnknowns: true
        ) {
            args, context in
            switch args[0] {
            case .unknown(let unknown):
                // jsonencode(...) known only after apply, read from the configuration's files.
                return SourceDerivedValues.decoded(unknown, payload: context.payload) ?? args[0]
            case .error: return args[0]
            default: break
            }
            guard case .string(let text) = args[0] else {
                return .error("json_decode expects a string, got \(args[0].typeName)")
            }
            guard let cache = (context.payload as? EvaluationPayload)?.decodedJSON else {
                return decodeJSON(text)
            }
            return cache.value(for: HashedText(text)) { decodeJSON(text) }
        },
    ]

    /// The value of a JSON text, or an error naming what is wrong with it.
    static func decodeJSON(_ text: String) -> Value {
        do throws(JSONParseError) {
            return JSONHostValue.value(try JSONDocument.parse(text).root)
        } catch {
            return .error("json_decode: the string is not valid JSON (\(error.description))")
        }
    }

    /// `tcp`, `udp`, `icmp`, `icmpv6` or `all` for the names and numbers AWS accepts.
    static func normalisedProtocol(_ value: Value) -> String {
        let text: String
        switch value {
        case .string(let string): text = string.lowercased()
        case .int(let number): text = String(number)
        default: return ""
        }
        switch text {
        case "-1", "all": return "all"
        case "6", "tcp": return "tcp"
        case "17", "udp": return "udp"
        case "1", "icmp": return "icmp"
        case "58", "icmpv6", "icmp-v6": return "icmpv6"
        default: return text
        }
    }
}
