import CJSONTree

@testable import JSON

/// The first difference between two built trees: kinds, key bytes and order, string bytes,
/// integers, and the bit patterns of doubles (so NaN equals NaN and -0.0 differs from 0.0).
enum JSONTreeDifference {
    static func first(
        _ left: UnsafePointer<pal_json_node>?, _ right: UnsafePointer<pal_json_node>?
    ) -> String? {
        var pending: [(JSONNode, JSONNode, String)] = [(JSONNode(left), JSONNode(right), "$")]
        while let (a, b, path) = pending.popLast() {
            guard a.kind == b.kind else { return "\(path): kinds differ" }
            switch a.kind {
            case .null:
                continue
            case .bool:
                if a.bool != b.bool { return "\(path): booleans differ" }
            case .int:
                if a.int != b.int { return "\(path): integers differ" }
            case .double:
                if a.double?.bitPattern != b.double?.bitPattern { return "\(path): doubles differ" }
            case .string:
                if a.withUTF8({ Array($0) }) != b.withUTF8({ Array($0) }) { return "\(path): strings differ" }
            case .array:
                guard a.count == b.count else { return "\(path): lengths differ" }
                for index in 0..<a.count {
                    guard let elementA = a[index], let elementB = b[index] else {
                        return "\(path): elements differ"
                    }
                    pending.append((elementA, elementB, "\(path)[\(index)]"))
                }
            case .object:
                let membersA = members(of: a)
                let membersB = members(of: b)
                guard membersA.map(\.key) == membersB.map(\.key) else { return "\(path): keys differ" }
                for (memberA, memberB) in zip(membersA, membersB) {
                    pending.append((memberA.value, memberB.value, "\(path).\(memberA.key)"))
                }
            }
        }
        return nil
    }

    private static func members(of object: JSONNode) -> [(key: [UInt8], value: JSONNode)] {
        var result: [(key: [UInt8], value: JSONNode)] = []
        object.forEachNamedMember { name, value in
            var key: [UInt8] = []
            var offset = 0
            while name[offset] != 0 {
                key.append(UInt8(bitPattern: name[offset]))
                offset += 1
            }
            result.append((key, value))
        }
        return result
    }
}
