/// An insertion-ordered map from strings to values with constant-time lookup.
public struct ValueMap: Sendable, Hashable, Sequence {
    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    /// The values, parallel to `keys`.
    public private(set) var values: [Value] = []
    private var indexByKey: [String: Int] = [:]

    /// Creates an empty map.
    public init() {}

    /// Creates a map from key-value pairs; a later duplicate key replaces the earlier value.
    public init(_ pairs: [(String, Value)]) {
        for (key, value) in pairs {
            self[key] = value
        }
    }

    /// The number of entries.
    public var count: Int { keys.count }

    /// True when the map has no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value for a key, or nil when absent; assigning keeps the key's first position.
    public subscript(key: String) -> Value? {
        get { indexByKey[key].map { values[$0] } }
        set {
            if let index = indexByKey[key] {
                if let newValue {
                    values[index] = newValue
                } else {
                    removeEntry(at: index)
                }
            } else if let newValue {
                indexByKey[key] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// True when the map holds `key`.
    public func contains(key: String) -> Bool {
        indexByKey[key] != nil
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
        indexByKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }
}
