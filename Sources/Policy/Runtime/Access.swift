/// Field selection, indexing and `has()` over literal and host values.
enum Access {
    static func select(_ operand: Value, field: String) -> Value {
        switch operand {
        case .unknown, .error: return operand
        case .map(let map):
            return map[field] ?? .error("no such key: '\(field)'")
        case .host(let host) where host.kind == .map:
            return host.member(field)
        default:
            return .error("cannot select field '\(field)' from \(operand.typeName)")
        }
    }

    /// `has(operand.field)`: key presence for a literal map, the document's say for a host map.
    static func has(_ operand: Value, field: String) -> Value {
        // Cases rather than a MapView, which copies a host value out of its box.
        switch operand {
        case .unknown, .error: return operand
        case .map(let map): return .bool(map.contains(key: field))
        case .host(let host) where host.kind == .map: return host.hasMember(field)
        default: return .error("has() cannot test field '\(field)' on \(operand.typeName)")
        }
    }

    static func index(_ operand: Value, _ key: Value) -> Value {
        if let undecided = Value.strictOutcome(operand, key) { return undecided }
        if let list = ListView(operand) {
            let position: Int64
            switch key {
            case .int(let number): position = number
            case .double(let number) where number == number.rounded() && abs(number) < 9.0e18:
                position = Int64(number)
            default: return .error("a list index must be an int, got \(key.typeName)")
            }
            guard position >= 0, position < Int64(list.count) else {
                return .error("index \(position) out of range for a list of size \(list.count)")
            }
            return list[Int(position)]
        }
        if let map = MapView(operand) {
            guard case .string(let name) = key else {
                return .error("map keys are strings; cannot index with \(key.typeName)")
            }
            return map.value(forKey: name) ?? .error("no such key: '\(name)'")
        }
        return .error("cannot index \(operand.typeName)")
    }
}
