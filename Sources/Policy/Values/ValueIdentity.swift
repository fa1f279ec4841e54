extension Value: Equatable, Hashable {
    /// Structural identity: same case and identical contents; host values compare by contents.
    ///
    /// This is not the expression language's `==`: see `celEquals(_:)` for that.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.int(let left), .int(let right)): left == right
        case (.double(let left), .double(let right)): left == right || (left.isNaN && right.isNaN)
        case (.string(let left), .string(let right)): left.unicodeScalars.elementsEqual(right.unicodeScalars)
        case (.list(let left), .list(let right)): left == right
        case (.map(let left), .map(let right)): left == right
        case (.host(let left), .host(let right)):
            left.kind == right.kind && Value.host(left).materialized() == Value.host(right).materialized()
        case (.unknown(let left), .unknown(let right)): left == right
        case (.error(let left), .error(let right)): left == right
        default: false
        }
    }

    /// Hashes the case and, for scalars, the payload; consistent with structural identity.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(typeName)
        switch self {
        case .bool(let flag): hasher.combine(flag)
        case .int(let number): hasher.combine(number)
        case .double(let number): hasher.combine(number.isNaN ? Double.nan.bitPattern : number.bitPattern)
        case .string(let text): hasher.combine(Array(text.unicodeScalars.map(\.value)))
        case .list(let elements): hasher.combine(elements.count)
        case .map(let map): hasher.combine(map.count)
        case .host(let host): hasher.combine(host.kind == .map ? 1 : 0)
        case .null, .unknown, .error: break
        }
    }
}

extension Value {
    /// The deepest nesting `materialized()` copies before it stops with an error value.
    public static let maximumMaterializedDepth = 512

    /// A copy in which every host map and list is replaced by a literal one, recursively.
    ///
    /// Meant for small values (messages, tests, equality); member access never needs it.
    public func materialized() -> Value {
        materialized(remainingDepth: Value.maximumMaterializedDepth)
    }

    private func materialized(remainingDepth: Int) -> Value {
        guard remainingDepth > 0 else { return .error("document nested too deeply to copy") }
        switch self {
        case .host(let host):
            switch host.kind {
            case .map:
                var map = ValueMap()
                for key in host.keys {
                    map[key] = host.member(key).materialized(remainingDepth: remainingDepth - 1)
                }
                return .map(map)
            case .list:
                return .list(
                    (0..<max(0, host.count)).map {
                        host.element(at: $0).materialized(remainingDepth: remainingDepth - 1)
                    })
            }
        case .list(let elements):
            return .list(elements.map { $0.materialized(remainingDepth: remainingDepth - 1) })
        case .map(let map):
            return .map(
                ValueMap(map.map { ($0.key, $0.value.materialized(remainingDepth: remainingDepth - 1)) }))
        default:
            return self
        }
    }
}
