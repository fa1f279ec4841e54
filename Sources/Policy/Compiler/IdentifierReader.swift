/// The names an expression reads as variables: its identifiers, not the fields selected from
/// them (`item.ingress` reads `item`, not `ingress`), nor function names or string contents.
///
/// A macro's iteration variable (`c` in `exists(c, ...)`) counts as read. Used to check a rule's
/// `let:` names against the expressions that use them.
public enum IdentifierReader {
    /// The identifiers `text` reads; nil when it does not parse (the compiler reports that).
    public static func identifiers(in text: String) -> Set<String>? {
        guard let tree = try? Parser.parse(text, maximumDepth: 512) else { return nil }
        var names = Set<String>()
        var pending = [tree]
        while let node = pending.popLast() {
            if case .identifier(let name) = node.kind { names.insert(name) }
            pending += node.children
        }
        return names
    }
}
