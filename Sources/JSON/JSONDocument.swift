import CJSONC
import CJSONTree
import TextDecoding

/// An immutable, parsed JSON document.
///
/// The tree is built in arenas (``JSONTreeBuilder``) from text that ``JSONValidator`` has
/// accepted; json-c parses only text the validator rejects, to name the problem, and serves as
/// the oracle the tree is tested against. The document keeps the tree alive, and so does every
/// ``JSONValue`` that points into it; the tree is freed when the last of them is gone. Nothing
/// writes the tree after it is built, so the document and its values are safe to share across
/// threads.
///
/// Several documents can share one tree (``JSONValue/withHandleOfItsOwn()``), so that threads
/// reading different parts of a big document do not all count references on one object.
public final class JSONDocument: @unchecked Sendable {
    /// The deepest nesting the parser accepts; deeper input is rejected, never recursed into.
    public static let defaultMaximumDepth = 512

    /// The built tree, freed with its arenas when the last document sharing it is gone.
    ///
    /// `root` is set while the tree is made, before any document shares it.
    final class Tree: @unchecked Sendable {
        private(set) var root: UnsafePointer<pal_json_node>?
        /// Every arena that holds a node of the tree.
        private let arenas: [OpaquePointer]

        init(root: UnsafePointer<pal_json_node>?, arenas: [OpaquePointer]) {
            self.root = root
            self.arenas = arenas
        }

        deinit {
            for arena in arenas { pal_json_arena_free(arena) }
        }

        /// The arena new nodes of this tree go to.
        var arena: OpaquePointer { arenas[0] }

        /// Replaces the root by a copy of `node` in the tree's arenas.
        ///
        /// Only before the tree is shared; false, and the root unchanged, when out of memory.
        @discardableResult
        func replaceRoot(_ node: pal_json_node) -> Bool {
            guard let copy = JSONTreeBuilder.store(node, in: arena) else { return false }
            root = copy
            return true
        }
    }

    let tree: Tree

    init(tree: Tree) {
        self.tree = tree
    }

    init(sharing tree: Tree) {
        self.tree = tree
    }

    /// The document's top-level value.
    public var root: JSONValue { JSONValue(node: JSONNode(tree.root), document: self) }

    /// Parses a JSON text given as bytes in UTF-8 (with or without a BOM) or UTF-16/UTF-32 with
    /// a BOM.
    ///
    /// Input must be exactly one JSON value, optionally surrounded by white space. Invalid UTF-8,
    /// nesting deeper than `maximumDepth`, and trailing content are errors with line and column.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, maximumDepth: Int = defaultMaximumDepth
    ) throws(JSONParseError) -> JSONDocument {
        try parse(bytes, maximumDepth: maximumDepth, options: ParallelParse.Options(), omitting: nil)
    }

    /// Parses a JSON text like ``parse(_:maximumDepth:)-(UnsafeRawBufferPointer,_)``, leaving
    /// out of the tree the root object's members that `omittingTopLevelMembers` names.
    ///
    /// The closure sees the root's members (each key once, in document order, with the kind of
    /// the value json-c keeps) before any value is parsed, and returns the keys to omit; it is
    /// not called when the root is not an object. An omitted member is still validated: any
    /// invalid byte in it is the same error, at the same line and column, as without omission.
    /// A big object (1 MiB and more) is parsed member by member on every core, and an omitted
    /// member is then never built at all.
    ///
    /// A `strict` parse also refuses, at its position, what ``StrictJSON`` finds: a key named
    /// twice in one object with different values, `NaN` or `Infinity`, a number json-c cannot
    /// hold. It costs one more pass over the text, made on every core with the parse.
    ///
    /// `elementStart`, bytes that begin an element of the root's biggest array and start with
    /// a comma (`,{"address":"` in a Terraform plan), lets the validation that precedes a
    /// parallel parse run on two cores; it is a hint, never trusted unchecked, and changes no
    /// result.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, maximumDepth: Int = defaultMaximumDepth, strict: Bool = false,
        elementStart: [UInt8]? = nil, omittingTopLevelMembers: ([JSONTopLevelMember]) -> Set<String>
    ) throws(JSONParseError) -> JSONDocument {
        var options = ParallelParse.Options()
        options.elementStart = elementStart
        return try parse(
            bytes, maximumDepth: maximumDepth, options: options, strict: strict,
            omitting: omittingTopLevelMembers)
    }

    /// Parses JSON from an array of bytes, leaving out the root members the closure names; see
    /// ``parse(_:maximumDepth:omittingTopLevelMembers:)-(UnsafeRawBufferPointer,_,_)``.
    public static func parse(
        _ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth,
        omittingTopLevelMembers: ([JSONTopLevelMember]) -> Set<String>
    ) throws(JSONParseError) -> JSONDocument {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in
                try parse(
                    buffer, maximumDepth: maximumDepth, omittingTopLevelMembers: omittingTopLevelMembers)
            }
        }.get()
    }

    /// The parse behind the omitting entry points, with the parallel path's tuning exposed for
    /// tests.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, maximumDepth: Int, options: ParallelParse.Options,
        strict: Bool = false, omitting omit: ([JSONTopLevelMember]) -> Set<String>
    ) throws(JSONParseError) -> JSONDocument {
        // The closure is only called during the parse; it is optional below so that a parse
        // without omissions does not even list the root's members.
        try withoutActuallyEscaping(omit) { (escapable) throws(JSONParseError) in
            try parse(
                bytes, maximumDepth: maximumDepth, options: options, strict: strict,
                omitting: Optional(escapable))
        }
    }

    /// The parse behind every entry point; a nil `omit` keeps every member without looking.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, maximumDepth: Int, options: ParallelParse.Options,
        strict: Bool = false, omitting omit: (([JSONTopLevelMember]) -> Set<String>)?
    ) throws(JSONParseError) -> JSONDocument {
        let (encoding, bomLength) = TextDecoding.detect(bytes)
        if encoding == .utf8 {
            return try parseUTF8(
                UnsafeRawBufferPointer(rebasing: bytes[bomLength...]), maximumDepth: maximumDepth,
                options: options, strict: strict, omitting: omit)
        }
        let utf8: [UInt8]
        do throws(TextDecodingError) {
            utf8 = try TextDecoding.transcodeToUTF8(bytes, encoding: encoding, bomLength: bomLength)
        } catch {
            throw JSONParseError(message: error.message, line: error.line, column: error.column)
        }
        return try utf8.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in
                try parseUTF8(
                    buffer, maximumDepth: maximumDepth, options: options, strict: strict, omitting: omit)
            }
        }.get()
    }

    /// Parses JSON from an array of bytes; see ``parse(_:maximumDepth:)-(UnsafeRawBufferPointer,_)``.
    public static func parse(
        _ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth
    ) throws(JSONParseError)
        -> JSONDocument
    {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in try parse(buffer, maximumDepth: maximumDepth) }
        }.get()
    }

    /// Parses JSON from a Swift string.
    public static func parse(
        _ text: String, maximumDepth: Int = defaultMaximumDepth
    ) throws(JSONParseError)
        -> JSONDocument
    {
        try parse(Array(text.utf8), maximumDepth: maximumDepth)
    }

    private static func parseUTF8(
        _ utf8: UnsafeRawBufferPointer, maximumDepth: Int, options: ParallelParse.Options,
        strict: Bool, omitting omit: (([JSONTopLevelMember]) -> Set<String>)?
    ) throws(JSONParseError) -> JSONDocument {
        if utf8.count >= options.threshold,
            let parsed = ParallelParse.parse(
                utf8, maximumDepth: maximumDepth, options: options, strict: strict,
                omitting: omit ?? { _ in [] })
        {
            let document = JSONDocument(tree: parsed.tree)
            if let problem = parsed.problem { throw StrictJSON.error(problem, in: utf8) }
            return document
        }
        // Small input, or a big one the parallel path declined: one validation and one build,
        // or json-c's error when the text is invalid.
        let document = JSONDocument(tree: try buildTree(utf8, maximumDepth: maximumDepth))
        if strict { try StrictJSON.check(utf8) }
        if let omit { removeMembers(of: document.tree, omit) }
        return document
    }

    /// The tree of `utf8`: built when ``JSONValidator`` accepts the text, else json-c's error.
    static func buildTree(_ utf8: UnsafeRawBufferPointer, maximumDepth: Int) throws(JSONParseError) -> Tree {
        if JSONValidator.validate(utf8, maximumDepth: maximumDepth) != nil,
            let built = JSONTreeBuilder.build(utf8)
        {
            return built
        }
        // The validator and json-c accept the same texts (fuzzed), so json-c throws here; were
        // they ever to disagree, json-c's tree is read as it was before the builder existed.
        let object = try parseWithJSONC(utf8, maximumDepth: maximumDepth)
        defer { json_object_put(object) }
        guard let converted = JSONCConversion.tree(of: object) else {
            throw JSONParseError(message: "out of memory building the JSON tree")
        }
        return converted
    }

    /// Replaces a built root object by one without the members `omit` names.
    private static func removeMembers(of tree: Tree, _ omit: ([JSONTopLevelMember]) -> Set<String>) {
        let root = JSONNode(tree.root)
        guard root.kind == .object, let object = tree.root else { return }
        var members: [JSONTopLevelMember] = []
        root.forEachNamedMember { name, value in
            members.append(JSONTopLevelMember(key: String(cString: name), valueKind: kind(of: value)))
        }
        let omitted = omit(members)
        guard !omitted.isEmpty else { return }
        let all = UnsafeBufferPointer(start: object.pointee.as.members, count: Int(object.pointee.count))
        let kept = zip(all, members).filter { !omitted.contains($0.1.key) }.map(\.0)
        guard let node = JSONTreeBuilder.object(kept, in: tree.arena) else { return }
        tree.replaceRoot(node)
    }

    private static func kind(of node: JSONNode) -> JSONTopLevelMember.ValueKind {
        switch node.kind {
        case .object: return .object
        case .array: return .array
        case .string: return .string
        case .bool: return .boolean
        case .int, .double: return .number
        case .null: return .null
        }
    }

    /// Parses UTF-8 text with one json-c call: the source of every error, and the oracle the
    /// built tree is tested against.
    static func parseWithJSONC(
        _ utf8: UnsafeRawBufferPointer, maximumDepth: Int
    ) throws(JSONParseError)
        -> OpaquePointer?
    {
        guard utf8.count < Int(Int32.max) else {
            throw JSONParseError(message: "input is larger than 2 GiB")
        }
        let significant = utf8.firstIndex { !isJSONWhitespace($0) }
        guard significant != nil, let base = utf8.baseAddress else {
            throw JSONParseError(message: "empty input: expected a JSON value", line: 1, column: 1)
        }
        // json-c clears a stack of `maximumDepth` frames per tokener, and a text cannot nest
        // deeper than its brackets: small texts (json_decode of an attribute) get a small stack.
        let depth = min(maximumDepth, openingBrackets(in: utf8) + 2)
        guard let tokener = makeTokener(maximumDepth: depth) else {
            throw JSONParseError(message: "out of memory creating the JSON parser")
        }
        defer { json_tokener_free(tokener) }
        let object = json_tokener_parse_ex(
            tokener, base.assumingMemoryBound(to: CChar.self), Int32(utf8.count))
        let status = json_tokener_get_error(tokener)
        let end = json_tokener_get_parse_end(tokener)
        if status == json_tokener_continue {
            let (line, column) = TextDecoding.lineAndColumn(of: utf8.count, in: utf8)
            throw JSONParseError(
                message: "unexpected end of input (truncated JSON?)", line: line, column: column)
        }
        guard status == json_tokener_success else {
            if let object { json_object_put(object) }
            // json-c stops at the offending byte; for bad UTF-8 that can be inside the sequence.
            var offset = min(end, utf8.count)
            if status == json_tokener_error_parse_utf8_string {
                var steps = 0
                while offset > 0, steps < 4, utf8[offset - 1] >= 0x80 {
                    offset -= 1
                    steps += 1
                }
            }
            let (line, column) = TextDecoding.lineAndColumn(of: offset, in: utf8)
            throw JSONParseError(message: describe(status), line: line, column: column)
        }
        if let trailing = utf8[end...].firstIndex(where: { !isJSONWhitespace($0) }) {
            if let object { json_object_put(object) }
            let (line, column) = TextDecoding.lineAndColumn(of: trailing, in: utf8)
            throw JSONParseError(
                message: "unexpected content after the JSON value", line: line, column: column)
        }
        return object
    }

    /// A json-c tokener with the one configuration every parse uses: strict RFC 8259, UTF-8
    /// validated, trailing bytes left to the caller; free it with `json_tokener_free`.
    static func makeTokener(maximumDepth: Int) -> UnsafeMutablePointer<json_tokener>? {
        guard let tokener = json_tokener_new_ex(Int32(clamping: max(1, maximumDepth))) else { return nil }
        json_tokener_set_flags(
            tokener,
            Int32(JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS | JSON_TOKENER_VALIDATE_UTF8))
        return tokener
    }

    private static func openingBrackets(in utf8: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in utf8 where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { count += 1 }
        return count
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func describe(_ status: json_tokener_error) -> String {
        switch status {
        case json_tokener_error_depth: return "nesting is too deep"
        case json_tokener_error_parse_utf8_string: return "invalid UTF-8"
        case json_tokener_error_parse_eof: return "unexpected end of input"
        case json_tokener_error_parse_unexpected: return "unexpected character"
        case json_tokener_error_parse_null: return "invalid literal (expected null)"
        case json_tokener_error_parse_boolean: return "invalid literal (expected true or false)"
        case json_tokener_error_parse_number: return "invalid number"
        case json_tokener_error_parse_array: return "invalid array (expected , or ])"
        case json_tokener_error_parse_object_key_name: return "invalid object key (expected a string)"
        case json_tokener_error_parse_object_key_sep: return "invalid object (expected :)"
        case json_tokener_error_parse_object_value_sep: return "invalid object (expected , or })"
        case json_tokener_error_parse_string: return "invalid string"
        case json_tokener_error_parse_comment: return "comments are not allowed in JSON"
        case json_tokener_error_size: return "input is too large"
        default:
            return String(cString: json_tokener_error_desc(status))
        }
    }
}
