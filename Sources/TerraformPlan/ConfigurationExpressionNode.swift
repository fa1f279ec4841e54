import Foundation
import JSON

/// A position inside a resource's `configuration` expressions, followed alongside a value.
///
/// `expressions` maps attribute names to `{constant_value | references}` objects, nested blocks
/// to arrays of block bodies, and single nested blocks to one body.
enum ConfigurationExpressionNode: Sendable {
    /// A block body: attribute and block names to nodes.
    case body(JSONValue)
    /// A list of block bodies (a repeated nested block).
    case blockList(JSONValue)
    /// An expression: `constant_value`, `references`, both, or neither (`{}`).
    case expression(JSONValue)
    /// A part of a `constant_value`.
    case constant(JSONValue)

    /// What a member of `expressions` or of a block body is, read from its node.
    enum Shape {
        case body, blockList, expression
    }

    /// The shape of a member of `expressions` or of a block body; nil for anything else.
    static func shape(of node: JSONNode) -> Shape? {
        switch node.kind {
        case .array: return .blockList
        case .object:
            // An expression has no members but these two; its one or two names are compared where
            // they are (two hashed lookups per attribute of every resource block cost more).
            let count = node.count
            guard count <= 2 else { return .body }
            var expressionKeys = 0
            node.forEachNamedMember { name, _ in
                if strcmp(name, "constant_value") == 0 || strcmp(name, "references") == 0 {
                    expressionKeys += 1
                }
            }
            return expressionKeys == count ? .expression : .body
        default: return nil
        }
    }

    /// Classifies a member of `expressions` or of a block body.
    static func classify(_ value: JSONValue?) -> ConfigurationExpressionNode? {
        guard let value else { return nil }
        switch shape(of: value.node) {
        case .blockList: return .blockList(value)
        case .body: return .body(value)
        case .expression: return .expression(value)
        case nil: return nil
        }
    }

    /// The root `expressions` object of a resource, always a block body (even when empty).
    static func resourceBody(_ value: JSONValue?) -> ConfigurationExpressionNode? {
        guard let value, value.kind == .object else { return nil }
        return .body(value)
    }

    /// True for an explicit `null` in configuration, which leaves the attribute to the provider.
    var isNullConstant: Bool {
        switch self {
        case .constant(let value): return value.isNull
        case .expression(let expression):
            return expression["constant_value"]?.isNull == true && expression["references"] == nil
        case .body, .blockList: return false
        }
    }

    /// The node for member `key`, if the configuration has one.
    func member(_ key: String) -> ConfigurationExpressionNode? {
        switch self {
        case .body(let body): return Self.classify(body[key])
        case .blockList: return nil
        case .expression(let expression):
            // A reference-only expression covers the whole value: its parts inherit it.
            guard let constant = expression["constant_value"] else { return self }
            return constant[key].map { .constant($0) }
        case .constant(let constant): return constant[key].map { .constant($0) }
        }
    }

    /// The nodes for element `index` of a list of `count` elements.
    ///
    /// Blocks are matched by position when the configuration has as many blocks as the value
    /// has elements. Otherwise (dynamic blocks, or a list the plan leaves unknown) every block
    /// is a candidate, so references are the union and a constant is taken only if one exists.
    func element(_ index: Int, count: Int) -> [ConfigurationExpressionNode] {
        switch self {
        case .blockList(let blocks):
            if blocks.count == count { return Self.classify(blocks[index]).map { [$0] } ?? [] }
            return blocks.elements.compactMap { Self.classify($0) }
        case .body: return []
        case .expression(let expression):
            guard let constant = expression["constant_value"] else { return [self] }
            return constant[index].map { [.constant($0)] } ?? []
        case .constant(let constant): return constant[index].map { [.constant($0)] } ?? []
        }
    }

    /// A non-null constant this node fixes, if any.
    var constantValue: JSONValue? {
        switch self {
        case .constant(let value): return value.isNull ? nil : value
        case .expression(let expression):
            guard let value = expression["constant_value"], !value.isNull else { return nil }
            return value
        case .body, .blockList: return nil
        }
    }

    /// Every `references` array at or below this node, in document order (bounded depth).
    func referenceLists(depth: Int = 0, into lists: inout [JSONValue]) {
        guard depth <= JSONDocument.defaultMaximumDepth else { return }
        switch self {
        case .expression(let expression):
            if let references = expression["references"] { lists.append(references) }
        case .constant: return
        case .blockList(let blocks):
            for block in blocks.elements {
                Self.classify(block)?.referenceLists(depth: depth + 1, into: &lists)
            }
        case .body(let body):
            body.forEachMember { _, member in
                Self.classify(member)?.referenceLists(depth: depth + 1, into: &lists)
            }
        }
    }
}

/// The configuration nodes that stand behind one attribute: usually none or one, several only
/// for an element of blocks that cannot be matched by position.
enum ConfigurationNodes: Sendable {
    case none
    case one(ConfigurationExpressionNode)
    case many([ConfigurationExpressionNode])

    init(_ nodes: [ConfigurationExpressionNode]) {
        switch nodes.count {
        case 0: self = .none
        case 1: self = .one(nodes[0])
        default: self = .many(nodes)
        }
    }

    /// The nodes as a list.
    var nodes: [ConfigurationExpressionNode] {
        switch self {
        case .none: []
        case .one(let node): [node]
        case .many(let nodes): nodes
        }
    }

    /// True when some node satisfies `predicate`.
    func contains(where predicate: (ConfigurationExpressionNode) -> Bool) -> Bool {
        switch self {
        case .none: false
        case .one(let node): predicate(node)
        case .many(let nodes): nodes.contains(where: predicate)
        }
    }

    /// The nodes for member `key`.
    func member(_ key: String) -> ConfigurationNodes {
        switch self {
        case .none: .none
        case .one(let node): node.member(key).map(ConfigurationNodes.one) ?? .none
        case .many(let nodes): ConfigurationNodes(nodes.compactMap { $0.member(key) })
        }
    }

    /// The nodes for element `index` of a list of `count` elements.
    func element(_ index: Int, count: Int) -> ConfigurationNodes {
        switch self {
        case .none: .none
        case .one(let node): ConfigurationNodes(node.element(index, count: count))
        case .many(let nodes): ConfigurationNodes(nodes.flatMap { $0.element(index, count: count) })
        }
    }
}
