/// An insertion-ordered map from strings to values with constant-time lookup.
public struct ValueMap: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    /// The values, parallel to `keys`.
    public private(set) var values: [Value] = []
    /// Positions by key, built only for a map of more than ``linearSearchLimit`` keys: most maps
    /// (a container, a rule's parameters) hold a handful, and comparing a few keys costs less
    /// than hashing one, let alone building a table (2,500 instructions an entry, measured).
    private var indexByKey: [String: Int]?
    private static let linearSearchLimit = 8

    /// Creates an empty map.
    public init() {}

    /// Creates a map from key-value pairs; a later duplicate key replaces the earlier value.
    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    /// Creates a map from a literal; a later duplicate key replaces the earlier value.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }

    /// Creates a map of `keys` and the `values` parallel to them, which must be as many and hold
    /// no key twice.
    ///
    /// For maps built many times with the same keys (a plan resource's variables): a shared key
    /// array costs a retain where building it, or hashing into a dictionary, cost hundreds of
    /// instructions.
    public init(uniqueKeys keys: [String], values: [Value]) {
        precondition(keys.count == values.count, "a value for every key")
        // A duplicate in a larger map traps when its table is built; a small one is checked in
        // debug builds only, since this runs for every subject.
        assert(keys.indices.allSatisfy { !keys[..<$0].contains(keys[$0]) }, "unique keys")
        self.keys = keys
        self.values = values
        if keys.count > Self.linearSearchLimit { indexByKey = Self.positions(of: keys) }
    }

    /// The position of `key`, if the map holds it.
    private func index(of key: String) -> Int? {
        if let indexByKey { return indexByKey[key] }
        return keys.firstIndex(of: key)
    }

    /// The number of entries.
    public var count: Int { keys.count }

    /// True when the map has no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value for a key, or nil when absent; assigning keeps the key's first position.
    public subscript(key: String) -> Value? {
        get { index(of: key).map { values[$0] } }
        set {
            if let index = index(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    removeEntry(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if indexByKey != nil {
                    indexByKey?[key] = keys.count - 1
                } else if keys.count > Self.linearSearchLimit {
                    indexByKey = Self.positions(of: keys)
                }
            }
        }
    }

    /// True when the map holds `key`.
    public func contains(key: String) -> Bool {
        index(of: key) != nil
    }

    /// Iterates the entries in insertion order.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }

    /// Two maps are equal when they hold identical entries in the same order.
    public static func == (lhs: ValueMap, rhs: ValueMap) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }

    /// Hashes the entries in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }

    private mutating func removeEntry(at index: Int) {
        keys.remove(at: index)
        values.remove(at: index)
        indexByKey = keys.count > Self.linearSearchLimit ? Self.positions(of: keys) : nil
    }

    private static func positions(of keys: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }
}
