import Foundation

@testable import JSON

/// Compares two parsed trees node by node: kinds, key order, string bytes, integers, and the
/// bit patterns of doubles (so NaN equals NaN and -0.0 differs from 0.0).
enum TreeComparison {
    /// The path of the first difference, or nil when the trees are identical.
    static func firstDifference(_ left: JSONValue, _ right: JSONValue) -> String? {
        var pending: [(JSONValue, JSONValue, String)] = [(left, right, "$")]
        while let (a, b, path) = pending.popLast() {
            guard a.kind == b.kind else { return "\(path): \(a.kind) vs \(b.kind)" }
            switch a.kind {
            case .null:
                continue
            case .bool:
                if a.bool != b.bool {
                    return "\(path): \(String(describing: a.bool)) vs \(String(describing: b.bool))"
                }
            case .int:
                if a.int != b.int {
                    return "\(path): \(String(describing: a.int)) vs \(String(describing: b.int))"
                }
            case .double:
                if a.double?.bitPattern != b.double?.bitPattern {
                    return "\(path): \(String(describing: a.double)) vs \(String(describing: b.double))"
                }
            case .string:
                let bytesA = a.withUTF8 { Array($0) }
                let bytesB = b.withUTF8 { Array($0) }
                if bytesA != bytesB {
                    return
                        "\(path): string \(String(describing: a.string)) vs \(String(describing: b.string))"
                }
            case .array:
                guard a.count == b.count else { return "\(path): \(a.count) vs \(b.count) elements" }
                for index in 0..<a.count {
                    pending.append((a.elements[index], b.elements[index], "\(path)[\(index)]"))
                }
            case .object:
                let membersA = members(of: a)
                let membersB = members(of: b)
                guard membersA.map(\.key) == membersB.map(\.key) else {
                    return "\(path): keys \(membersA.map(\.key)) vs \(membersB.map(\.key))"
                }
                for (memberA, memberB) in zip(membersA, membersB) {
                    pending.append(
                        (
                            memberA.value, memberB.value,
                            "\(path).\(String(decoding: memberA.key, as: UTF8.self))"
                        ))
                }
            }
        }
        return nil
    }

    /// The members of an object with their keys' bytes as the tree holds them: two keys that
    /// differ only in bytes a Swift string would repair must not compare equal.
    private static func members(of object: JSONValue) -> [(key: [UInt8], value: JSONValue)] {
        var result: [(key: [UInt8], value: JSONValue)] = []
        object.node.forEachNamedMember { name, value in
            let key = Array(UnsafeBufferPointer(start: name, count: strlen(name))).map {
                UInt8(bitPattern: $0)
            }
            result.append((key, object.document.value(of: value)))
        }
        return result
    }
}
