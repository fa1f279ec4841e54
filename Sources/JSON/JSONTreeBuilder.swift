import CJSONC
import CJSONTree

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds ``JSONDocument`` trees with the arena builder of `CJSONTree`.
///
/// The builder reads text that ``JSONValidator`` has accepted, in one pass. It decodes strings
/// itself unless they hold a `\u` escape or a raw control byte; those few go to json-c, so that
/// surrogates, escaped NULs and keys come out byte for byte as json-c makes them.
enum JSONTreeBuilder {
    /// The tree of one validated JSON text, or nil when the builder declines it.
    static func build(_ utf8: UnsafeRawBufferPointer) -> JSONDocument.Tree? {
        guard let arena = pal_json_arena_new() else { return nil }
        guard let node = build(utf8, elementsOnly: false, in: arena), let root = store(node, in: arena) else {
            pal_json_arena_free(arena)
            return nil
        }
        return JSONDocument.Tree(root: root, arenas: [arena])
    }

    /// The node of one validated value, or with `elementsOnly` of a run of array elements.
    ///
    /// A run (`1, "a", {}`) is built as one array. The node's parts lie in `arena`; nil when the
    /// builder declines the text.
    static func build(
        _ utf8: UnsafeRawBufferPointer, elementsOnly: Bool, in arena: OpaquePointer
    ) -> pal_json_node? {
        var node = pal_json_node()
        let status = utf8.withMemoryRebound(to: CChar.self) {
            pal_json_build(arena, $0.baseAddress, $0.count, elementsOnly ? 1 : 0, decodeWithJSONC, nil, &node)
        }
        return status == 0 ? node : nil
    }

    /// A copy of `node` in the arena, for a root or a member value that needs an address.
    static func store(_ node: pal_json_node, in arena: OpaquePointer) -> UnsafePointer<pal_json_node>? {
        guard let memory = pal_json_arena_allocate(arena, MemoryLayout<pal_json_node>.size) else {
            return nil
        }
        let stored = memory.bindMemory(to: pal_json_node.self, capacity: 1)
        stored.initialize(to: node)
        return UnsafePointer(stored)
    }

    /// A NUL-terminated copy of `bytes` in the arena.
    static func copy(_ bytes: UnsafeBufferPointer<CChar>, in arena: OpaquePointer) -> UnsafePointer<CChar>? {
        pal_json_arena_copy(arena, bytes.baseAddress, bytes.count)
    }

    /// Decodes the string tokens the builder leaves to json-c (see ``pal_json_decode_fn``).
    private static let decodeWithJSONC: pal_json_decode_fn = {
        _, arena, token, length, isKey, decoded, decodedLength in
        guard let arena, let token, let decoded, let decodedLength else { return -1 }
        let text = UnsafeRawBufferPointer(start: token, count: length)
        if isKey != 0 {
            guard let key = ParallelParse.decodeKey(text) else { return -1 }
            let count = key.count - 1
            guard
                let copy = key.withUnsafeBufferPointer({
                    copy(UnsafeBufferPointer(rebasing: $0[..<count]), in: arena)
                })
            else { return -1 }
            decoded.pointee = copy
            decodedLength.pointee = count
            return 0
        }
        guard let tokener = JSONDocument.makeTokener(maximumDepth: 1) else { return -1 }
        defer { json_tokener_free(tokener) }
        let object = json_tokener_parse_ex(tokener, token, Int32(clamping: length))
        defer { json_object_put(object) }
        guard json_tokener_get_error(tokener) == json_tokener_success,
            json_object_get_type(object) == json_type_string, let bytes = json_object_get_string(object)
        else { return -1 }
        let count = Int(json_object_get_string_len(object))
        guard let copy = copy(UnsafeBufferPointer(start: bytes, count: count), in: arena) else { return -1 }
        decoded.pointee = copy
        decodedLength.pointee = count
        return 0
    }
}

/// json-c's tree read into a built one: the fallback for a text the validator rejects and
/// json-c accepts (which the fuzzer says never happens), and the oracle of the builder's tests.
enum JSONCConversion {
    /// A tree holding a copy of json-c's `object`; nil when out of memory.
    static func tree(of object: OpaquePointer?) -> JSONDocument.Tree? {
        guard let arena = pal_json_arena_new() else { return nil }
        guard let node = node(of: object, in: arena), let root = JSONTreeBuilder.store(node, in: arena) else {
            pal_json_arena_free(arena)
            return nil
        }
        return JSONDocument.Tree(root: root, arenas: [arena])
    }

    /// The node of json-c's `object` (nil is JSON null), as json-c reads it back.
    private static func node(of object: OpaquePointer?, in arena: OpaquePointer) -> pal_json_node? {
        var node = pal_json_node()
        guard let object else { return node }
        switch json_object_get_type(object) {
        case json_type_boolean:
            node.kind = UInt8(PAL_JSON_BOOL)
            node.flag = json_object_get_boolean(object) != 0 ? 1 : 0
        case json_type_int:
            node.kind = UInt8(PAL_JSON_INT)
            node.as.integer = json_object_get_int64(object)
        case json_type_double:
            node.kind = UInt8(PAL_JSON_DOUBLE)
            node.as.number = json_object_get_double(object)
        case json_type_string:
            let count = Int(json_object_get_string_len(object))
            guard
                let copy = JSONTreeBuilder.copy(
                    UnsafeBufferPointer(start: json_object_get_string(object), count: count), in: arena)
            else { return nil }
            node.kind = UInt8(PAL_JSON_STRING)
            node.count = UInt32(count)
            node.as.string = copy
        case json_type_array:
            let count = json_object_array_length(object)
            var elements: [pal_json_node] = []
            for index in 0..<count {
                guard let element = self.node(of: json_object_array_get_idx(object, index), in: arena) else {
                    return nil
                }
                elements.append(element)
            }
            node.kind = UInt8(PAL_JSON_ARRAY)
            node.count = UInt32(count)
            if count > 0 {
                let size = count * MemoryLayout<pal_json_node>.stride
                guard let memory = pal_json_arena_allocate(arena, size) else { return nil }
                elements.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: size) }
                node.as.elements = UnsafePointer(memory.assumingMemoryBound(to: pal_json_node.self))
            }
        case json_type_object:
            var members: [pal_json_member] = []
            var iterator = json_object_iter_begin(object)
            var end = json_object_iter_end(object)
            while json_object_iter_equal(&iterator, &end) == 0 {
                guard let name = json_object_iter_peek_name(&iterator),
                    let value = self.node(of: json_object_iter_peek_value(&iterator), in: arena)
                else { return nil }
                let length = strlen(name)
                guard
                    let key = JSONTreeBuilder.copy(UnsafeBufferPointer(start: name, count: length), in: arena)
                else { return nil }
                members.append(
                    pal_json_member(
                        key: key, key_length: UInt32(length), hash: pal_json_hash(key, length), value: value))
                json_object_iter_next(&iterator)
            }
            guard
                members.withUnsafeBufferPointer({
                    pal_json_make_object(arena, $0.baseAddress, $0.count, &node)
                }) == 0
            else { return nil }
        default:
            break
        }
        return node
    }
}
