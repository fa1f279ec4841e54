#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Compares two built trees node by node: kinds, key bytes and order, string bytes, integers,
/// and the bit patterns of doubles (so NaN equals NaN and -0.0 differs from 0.0).
///
/// The differential tests and the JSON fuzzer compare the builder's tree with json-c's own
/// (read through ``JSONCConversion``) with it.
enum JSONTreeComparison {
    /// The path of the first difference, or nil when the trees are identical.
    static func firstDifference(_ left: JSONNode, _ right: JSONNode) -> String? {
        var pending: [(JSONNode, JSONNode, String)] = [(left, right, "$")]
        while let (a, b, path) = pending.popLast() {
            guard a.kind == b.kind else { return "\(path): \(a.kind) vs \(b.kind)" }
            switch a.kind {
            case .null:
                continue
            case .bool:
                if a.bool != b.bool { return "\(path): \(describe(a.bool)) vs \(describe(b.bool))" }
            case .int:
                if a.int != b.int { return "\(path): \(describe(a.int)) vs \(describe(b.int))" }
            case .double:
                if a.double?.bitPattern != b.double?.bitPattern {
                    return "\(path): \(describe(a.double)) vs \(describe(b.double))"
                }
            case .string:
                if a.withUTF8({ Array($0) }) != b.withUTF8({ Array($0) }) {
                    return "\(path): string \(describe(a.string)) vs \(describe(b.string))"
                }
            case .array:
                guard a.count == b.count else { return "\(path): \(a.count) vs \(b.count) elements" }
                for index in 0..<a.count {
                    guard let elementA = a[index], let elementB = b[index] else {
                        return "\(path)[\(index)]: missing"
                    }
                    pending.append((elementA, elementB, "\(path)[\(index)]"))
                }
            case .object:
                let membersA = members(of: a)
                let membersB = members(of: b)
                guard membersA.map(\.key) == membersB.map(\.key) else {
                    return "\(path): keys \(membersA.map(\.name)) vs \(membersB.map(\.name))"
                }
                for (memberA, memberB) in zip(membersA, membersB) {
                    pending.append((memberA.value, memberB.value, "\(path).\(memberA.name)"))
                }
            }
        }
        return nil
    }

    private static func describe<Value>(_ value: Value?) -> String {
        value.map { "\($0)" } ?? "nil"
    }

    /// An object's members with their keys' bytes as the tree holds them: two keys that differ
    /// only in bytes a Swift string would repair must not compare equal.
    private static func members(of object: JSONNode) -> [(key: [UInt8], name: String, value: JSONNode)] {
        var result: [(key: [UInt8], name: String, value: JSONNode)] = []
        object.forEachNamedMember { name, value in
            let key = UnsafeRawBufferPointer(start: name, count: strlen(name))
            result.append((Array(key), String(decoding: key, as: UTF8.self), value))
        }
        return result
    }
}
