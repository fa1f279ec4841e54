import Policy

/// A small host document for tests, shaped like a plan resource's values.
///
/// Members named in `computed` read as computed unknowns (`has` false); members in `references`
/// read as unknowns that depend on those addresses (`has` true). Nested maps and lists are
/// wrapped as host documents too, so expressions never see the literal values underneath.
final class TestDocument: HostValue {
    let value: Value
    let computed: Set<String>
    let references: [String: [String]]

    init(value: Value, computed: Set<String> = [], references: [String: [String]] = [:]) {
        self.value = value
        self.computed = computed
        self.references = references
    }

    var kind: HostValueKind {
        if case .list = value { return .list }
        return .map
    }

    var count: Int {
        switch value {
        case .list(let elements): elements.count
        case .map(let map): map.count + computed.count + references.count
        default: 0
        }
    }

    var keys: [String] {
        guard case .map(let map) = value else { return [] }
        return map.keys + computed.sorted() + references.keys.sorted()
    }

    func member(_ name: String) -> Value {
        if computed.contains(name) {
            return .unknown(UnknownCause(path: name, computed: true))
        }
        if let addresses = references[name] {
            return .unknown(UnknownCause(path: name, computed: false, references: addresses))
        }
        guard case .map(let map) = value, let found = map[name] else { return .null }
        return TestDocument.wrap(found)
    }

    func hasMember(_ name: String) -> Value {
        if computed.contains(name) { return .bool(false) }
        if references[name] != nil { return .bool(true) }
        guard case .map(let map) = value, let found = map[name] else { return .bool(false) }
        return .bool(found != .null)
    }

    func element(at index: Int) -> Value {
        guard case .list(let elements) = value, elements.indices.contains(index) else { return .null }
        return TestDocument.wrap(elements[index])
    }

    static func wrap(_ value: Value) -> Value {
        switch value {
        case .list, .map: .host(TestDocument(value: value))
        default: value
        }
    }
}

/// A host map that answers members without being able to list them, proving access is lazy.
final class MemberOnlyDocument: HostValue {
    var kind: HostValueKind { .map }
    var count: Int { 1_000_000 }
    var keys: [String] { [] }
    func member(_ name: String) -> Value { .string("member " + name) }
    func hasMember(_ name: String) -> Value { .bool(true) }
    func element(at index: Int) -> Value { .null }
}

/// A host list of a billion computed elements: only what an expression touches is read.
final class HugeList: HostValue {
    var kind: HostValueKind { .list }
    var count: Int { 1_000_000_000 }
    var keys: [String] { [] }
    func member(_ name: String) -> Value { .null }
    func hasMember(_ name: String) -> Value { .bool(false) }
    func element(at index: Int) -> Value { .int(Int64(index) * 2) }
}
