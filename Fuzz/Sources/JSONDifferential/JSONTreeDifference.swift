import CJSONC

/// Compares two json-c trees node by node: kinds, key order, string bytes, integers, and the
/// bit patterns of doubles (so NaN equals NaN and -0.0 differs from 0.0).
enum JSONTreeDifference {
    /// The path of the first difference, or nil when the trees are identical.
    static func first(_ left: OpaquePointer?, _ right: OpaquePointer?) -> String? {
        var pending: [(OpaquePointer?, OpaquePointer?, String)] = [(left, right, "$")]
        while let (a, b, path) = pending.popLast() {
            let kind = json_object_get_type(a)
            guard kind == json_object_get_type(b) else { return "\(path): kinds differ" }
            switch kind {
            case json_type_boolean:
                if json_object_get_boolean(a) != json_object_get_boolean(b) {
                    return "\(path): booleans differ"
                }
            case json_type_int:
                if json_object_get_int64(a) != json_object_get_int64(b)
                    || json_object_get_uint64(a) != json_object_get_uint64(b)
                {
                    return "\(path): integers differ"
                }
            case json_type_double:
                if json_object_get_double(a).bitPattern != json_object_get_double(b).bitPattern {
                    return "\(path): doubles differ"
                }
            case json_type_string:
                if bytes(of: a) != bytes(of: b) { return "\(path): strings differ" }
            case json_type_array:
                let count = json_object_array_length(a)
                guard count == json_object_array_length(b) else { return "\(path): lengths differ" }
                for index in 0..<count {
                    pending.append(
                        (
                            json_object_array_get_idx(a, index), json_object_array_get_idx(b, index),
                            "\(path)[\(index)]"
                        ))
                }
            case json_type_object:
                let membersA = members(of: a)
                let membersB = members(of: b)
                guard membersA.map(\.key) == membersB.map(\.key) else { return "\(path): keys differ" }
                for (memberA, memberB) in zip(membersA, membersB) {
                    pending.append((memberA.value, memberB.value, "\(path).\(memberA.key)"))
                }
            default:
                continue
            }
        }
        return nil
    }

    private static func bytes(of string: OpaquePointer?) -> [UInt8] {
        guard let start = json_object_get_string(string) else { return [] }
        let length = Int(json_object_get_string_len(string))
        return start.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    private static func members(of object: OpaquePointer?) -> [(key: [UInt8], value: OpaquePointer?)] {
        var result: [(key: [UInt8], value: OpaquePointer?)] = []
        var iterator = json_object_iter_begin(object)
        var end = json_object_iter_end(object)
        while json_object_iter_equal(&iterator, &end) == 0 {
            if let name = json_object_iter_peek_name(&iterator) {
                var key: [UInt8] = []
                var offset = 0
                while name[offset] != 0 {
                    key.append(UInt8(bitPattern: name[offset]))
                    offset += 1
                }
                result.append((key, json_object_iter_peek_value(&iterator)))
            }
            json_object_iter_next(&iterator)
        }
        return result
    }
}
