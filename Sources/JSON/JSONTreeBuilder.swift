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
/// itself unless they hold a `\u` escape, a raw control byte or single quotes; those few go to
/// json-c, so that surrogates, escaped NULs and keys come out byte for byte as json-c makes them.
enum JSONTreeBuilder {
    /// The tree of one validated JSON text, or nil when the builder declines it.
    static func build(_ utf8: UnsafeRawBufferPointer) -> JSONDocument.Tree? {
        tree { arena in build(utf8, elementsOnly: false, in: arena) }
    }

    /// A tree in a new arena whose root `makeRoot` builds there; nil when it cannot.
    static func tree(_ makeRoot: (OpaquePointer) -> pal_json_node?) -> JSONDocument.Tree? {
        guard let arena = pal_json_arena_new() else { return nil }
        guard let node = makeRoot(arena), let root = store(node, in: arena) else {
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

    /// A member with a copy of `key` in the arena, hashed as lookups hash it.
    static func member(
        key: UnsafeBufferPointer<CChar>, value: pal_json_node, in arena: OpaquePointer
    ) -> pal_json_member? {
        guard let copy = copy(key, in: arena) else { return nil }
        return pal_json_member(
            key: copy, key_length: UInt32(key.count), hash: pal_json_hash(copy, key.count), value: value)
    }

    /// An array of `elements`, copied into the arena.
    static func array(_ elements: [pal_json_node], in arena: OpaquePointer) -> pal_json_node? {
        var node = pal_json_node()
        let status = elements.withUnsafeBufferPointer {
            pal_json_make_array(arena, $0.baseAddress, $0.count, &node)
        }
        return status == 0 ? node : nil
    }

    /// An object of `members` in order, copied into the arena; a key met again keeps its first
    /// position and takes the later value.
    static func object(_ members: [pal_json_member], in arena: OpaquePointer) -> pal_json_node? {
        var node = pal_json_node()
        let status = members.withUnsafeBufferPointer {
            pal_json_make_object(arena, $0.baseAddress, $0.count, &node)
        }
        return status == 0 ? node : nil
    }

    /// Decodes a key token exactly as json-c does (escapes, single quotes, truncation at an
    /// escaped NUL) by letting json-c parse `{KEY:null}`; returns the NUL-terminated key.
    static func decodeKey(_ token: UnsafeRawBufferPointer) -> [CChar]? {
        let text = Array("{".utf8) + Array(token) + Array(":null}".utf8)
        return text.withUnsafeBytes { buffer in
            withJSONCValue(of: buffer, maximumDepth: 2) { object -> [CChar]? in
                guard json_object_get_type(object) == json_type_object else { return nil }
                var iterator = json_object_iter_begin(object)
                var end = json_object_iter_end(object)
                guard json_object_iter_equal(&iterator, &end) == 0,
                    let name = json_object_iter_peek_name(&iterator)
                else { return nil }
                return Array(UnsafeBufferPointer(start: name, count: strlen(name) + 1))
            }
        }
    }

    /// Calls `read` with json-c's tree of `text` when json-c parses all of it; nil otherwise.
    private static func withJSONCValue<Result>(
        of text: UnsafeRawBufferPointer, maximumDepth: Int, _ read: (OpaquePointer) -> Result?
    ) -> Result? {
        guard let tokener = JSONDocument.makeTokener(maximumDepth: maximumDepth) else { return nil }
        defer { json_tokener_free(tokener) }
        let object = text.withMemoryRebound(to: CChar.self) {
            json_tokener_parse_ex(tokener, $0.baseAddress, Int32(clamping: $0.count))
        }
        defer { json_object_put(object) }
        guard json_tokener_get_error(tokener) == json_tokener_success, let object else { return nil }
        return read(object)
    }

    /// Decodes the string tokens the builder leaves to json-c (see ``pal_json_decode_fn``).
    private static let decodeWithJSONC: pal_json_decode_fn = {
        _, arena, token, length, isKey, decoded, decodedLength in
        guard let arena, let token, let decoded, let decodedLength else { return -1 }
        let text = UnsafeRawBufferPointer(start: token, count: length)
        let copied: (UnsafePointer<CChar>, Int)?
        if isKey != 0 {
            copied = decodeKey(text).flatMap { key in
                key.withUnsafeBufferPointer { key in
                    let name = UnsafeBufferPointer(rebasing: key.dropLast())
                    return copy(name, in: arena).map { ($0, name.count) }
                }
            }
        } else {
            copied = withJSONCValue(of: text, maximumDepth: 1) { object in
                guard json_object_get_type(object) == json_type_string,
                    let bytes = json_object_get_string(object)
                else { return nil }
                let count = Int(json_object_get_string_len(object))
                return copy(UnsafeBufferPointer(start: bytes, count: count), in: arena).map { ($0, count) }
            }
        }
        guard let (bytes, count) = copied else { return -1 }
        decoded.pointee = bytes
        decodedLength.pointee = count
        return 0
    }
}

/// json-c's tree read into a built one: the fallback for a text the validator accepts and the
/// builder declines (which the tests and the fuzzer say never happens), and the oracle of the
/// builder's tests.
enum JSONCConversion {
    /// A tree holding a copy of json-c's `object`; nil when out of memory.
    static func tree(of object: OpaquePointer?) -> JSONDocument.Tree? {
        JSONTreeBuilder.tree { arena in node(of: object, in: arena) }
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
            var elements: [pal_json_node] = []
            for index in 0..<json_object_array_length(object) {
                guard let element = self.node(of: json_object_array_get_idx(object, index), in: arena) else {
                    return nil
                }
                elements.append(element)
            }
            return JSONTreeBuilder.array(elements, in: arena)
        case json_type_object:
            var members: [pal_json_member] = []
            var iterator = json_object_iter_begin(object)
            var end = json_object_iter_end(object)
            while json_object_iter_equal(&iterator, &end) == 0 {
                guard let name = json_object_iter_peek_name(&iterator),
                    let value = self.node(of: json_object_iter_peek_value(&iterator), in: arena),
                    let member = JSONTreeBuilder.member(
                        key: UnsafeBufferPointer(start: name, count: strlen(name)), value: value, in: arena)
                else { return nil }
                members.append(member)
                json_object_iter_next(&iterator)
            }
            return JSONTreeBuilder.object(members, in: arena)
        default:
            break
        }
        return node
    }
}
