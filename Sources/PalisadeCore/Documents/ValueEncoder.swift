import Policy

/// Turns an `Encodable` model (the Dockerfile model) into the `Value` document policies see,
/// so that `palisade parse` and the rules read one shape from one source of truth.
struct ValueEncoder {
    func encode(_ value: some Encodable) throws -> Value {
        let storage = Storage()
        try value.encode(to: ValueEncoding(storage: storage, codingPath: []))
        return storage.value
    }
}

/// A mutable cell a container writes into; containers nest by holding child cells.
private final class Storage {
    enum Shape {
        case unset
        case single(Value)
        case keyed([(String, Storage)])
        case unkeyed([Storage])
    }

    var shape: Shape = .unset

    var value: Value {
        switch shape {
        case .unset: return .null
        case .single(let value): return value
        case .keyed(let entries): return .map(ValueMap(entries.map { ($0.0, $0.1.value) }))
        case .unkeyed(let elements): return .list(elements.map(\.value))
        }
    }
}

private struct ValueEncoding: Encoder {
    let storage: Storage
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = storage.shape {} else { storage.shape = .keyed([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = storage.shape {} else { storage.shape = .unkeyed([]) }
        return UnkeyedContainer(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(storage: storage, codingPath: codingPath)
    }
}

private func scalar(_ value: some Encodable) throws -> Value? {
    switch value {
    case let v as Bool: return .bool(v)
    case let v as String: return .string(v)
    case let v as Int: return .int(Int64(v))
    case let v as Int64: return .int(v)
    case let v as Int32: return .int(Int64(v))
    case let v as UInt8: return .int(Int64(v))
    case let v as Double: return .double(v)
    case let v as Character: return .string(String(v))
    default: return nil
    }
}

private func encodeNested(_ value: some Encodable, into storage: Storage, codingPath: [any CodingKey]) throws
{
    if let scalar = try scalar(value) {
        storage.shape = .single(scalar)
    } else {
        try value.encode(to: ValueEncoding(storage: storage, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> Storage {
        let child = Storage()
        if case .keyed(var entries) = storage.shape {
            // Released first, so that appending does not copy the array (quadratic in its size).
            storage.shape = .unset
            entries.removeAll { $0.0 == key.stringValue }
            entries.append((key.stringValue, child))
            storage.shape = .keyed(entries)
        }
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).shape = .single(.null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeNested(value, into: child(key), codingPath: codingPath + [key])
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    )
        -> KeyedEncodingContainer<NestedKey>
    {
        let storage = child(key)
        storage.shape = .keyed([])
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(storage: storage, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let storage = child(key)
        storage.shape = .unkeyed([])
        return UnkeyedContainer(storage: storage, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder { ValueEncoding(storage: storage, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoding(storage: child(key), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue ?? 0) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: Storage
    let codingPath: [any CodingKey]

    var count: Int {
        if case .unkeyed(let elements) = storage.shape { return elements.count }
        return 0
    }

    private func append() -> Storage {
        let child = Storage()
        if case .unkeyed(var elements) = storage.shape {
            // Released first, so that appending does not copy the array: a Dockerfile of 10,000
            // instructions took seconds to encode.
            storage.shape = .unset
            elements.append(child)
            storage.shape = .unkeyed(elements)
        }
        return child
    }

    mutating func encodeNil() throws { append().shape = .single(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeNested(value, into: append(), codingPath: codingPath + [IndexKey(count)])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let storage = append()
        storage.shape = .keyed([])
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: storage, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let storage = append()
        storage.shape = .unkeyed([])
        return UnkeyedContainer(storage: storage, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { ValueEncoding(storage: append(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let storage: Storage
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { storage.shape = .single(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeNested(value, into: storage, codingPath: codingPath)
    }
}
