/// A uniform read-only view over a literal list or a host list.
struct ListView {
    private let literal: [Value]?
    private let host: (any HostValue)?

    init?(_ value: Value) {
        switch value {
        case .list(let elements):
            literal = elements
            host = nil
        case .host(let document) where document.kind == .list:
            literal = nil
            host = document
        default:
            return nil
        }
    }

    var count: Int { literal?.count ?? max(0, host?.count ?? 0) }

    subscript(index: Int) -> Value {
        if let literal { return literal[index] }
        return host?.element(at: index) ?? .null
    }
}

/// A uniform read-only view over a literal map or a host map.
struct MapView {
    private let literal: ValueMap?
    private let host: (any HostValue)?

    init?(_ value: Value) {
        switch value {
        case .map(let map):
            literal = map
            host = nil
        case .host(let document) where document.kind == .map:
            literal = nil
            host = document
        default:
            return nil
        }
    }

    var count: Int { literal?.count ?? max(0, host?.count ?? 0) }

    var keys: [String] { literal?.keys ?? host?.keys ?? [] }

    var isHost: Bool { host != nil }

    /// The value of an existing key; for a host map an absent key reads as `.null`.
    func value(forKey key: String) -> Value? {
        if let literal { return literal[key] }
        return host?.member(key)
    }

    /// Key presence as CEL's `has()` and `in` see it: bool, or unknown for a host document.
    func presence(of key: String) -> Value {
        if let literal { return .bool(literal.contains(key: key)) }
        return host?.hasMember(key) ?? .bool(false)
    }
}

extension Value {
    /// The elements a macro iterates: a list's elements or a map's keys; nil for anything else.
    var iterationView: ListView? {
        if let list = ListView(self) { return list }
        if let map = MapView(self) { return ListView(.list(map.keys.map(Value.string))) }
        return nil
    }
}
