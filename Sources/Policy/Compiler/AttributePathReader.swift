/// The attribute paths an expression reads below a root such as `resource.values`.
///
/// `has(resource.values.storage_encrypted)` and `resource.values.ingress[0].cidr_blocks` read
/// `storage_encrypted` and `ingress.cidr_blocks`; indexing is transparent, so the names are those
/// of a schema's nested blocks. Used to check custom rules against a provider schema.
public enum AttributePathReader {
    /// One read path with the position of its first token in the expression.
    public struct Read: Sendable, Equatable {
        /// The field names after the root, in order (indices left out).
        public let path: [String]
        /// The 1-based line of the read inside the expression.
        public let line: Int
        /// The 1-based column of the read inside the expression.
        public let column: Int
    }

    /// The paths below `root` (`["resource", "values"]`) that `text` reads, in source order;
    /// empty when it does not parse (the compiler reports that).
    public static func reads(in text: String, below root: [String]) -> [Read] {
        guard let tree = try? Parser.parse(text, maximumDepth: 512) else { return [] }
        var reads: [Read] = []
        visit(tree, root: root, into: &reads)
        return reads
    }

    private enum Segment {
        case field(String)
        case index(SyntaxNode)
    }

    /// `a.b[c].d` as segments from its identifier, or nil when it is not such a chain.
    private static func chain(_ node: SyntaxNode) -> [Segment]? {
        switch node.kind {
        case .identifier(let name): return [.field(name)]
        case .select(let base, let field): return chain(base).map { $0 + [.field(field)] }
        case .index(let base, let index): return chain(base).map { $0 + [.index(index)] }
        default: return nil
        }
    }

    private static func visit(_ node: SyntaxNode, root: [String], into reads: inout [Read]) {
        if let segments = chain(node), case .select = node.kind, segments.count > root.count,
            zip(segments, root).allSatisfy({ if case .field(let name) = $0.0 { name == $0.1 } else { false } }
            )
        {
            let path = segments.dropFirst(root.count).compactMap { segment -> String? in
                if case .field(let name) = segment { return name }
                return nil
            }
            reads.append(Read(path: path, line: node.start.line, column: node.start.column))
            for case .index(let index) in segments { visit(index, root: root, into: &reads) }
            return
        }
        if let segments = chain(node), case .index = node.kind, segments.count > root.count + 1 {
            // `resource.values.x[0]`: the chain ends in an index; read it as its select part.
            for case .index(let index) in segments { visit(index, root: root, into: &reads) }
            if case .index(let base, _) = node.kind { visit(base, root: root, into: &reads) }
            return
        }
        for child in node.children { visit(child, root: root, into: &reads) }
    }
}
