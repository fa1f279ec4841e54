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

    /// True for a block body.
    var isBody: Bool {
        if case .body = self { return true }
        return false
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

    /// The nodes that may stand behind one element of a list, and whether the element may come
    /// from a block the configuration leaves out.
    typealias ElementMatch = (nodes: [ConfigurationExpressionNode], unshown: Bool)

    /// The nodes for element `index` of a list of `count` elements, whose planned value is
    /// `element`; `unshown` when the element may come from a block the configuration leaves out.
    ///
    /// A list of blocks is matched to the value's elements by what the blocks fix: a block whose
    /// constants contradict the element's known values did not make it (see
    /// ``mayHaveMade(_:)``). Position alone is not enough, because a set of blocks
    /// (`ebs_block_device`, `ingress`) is planned in its own order, not the configuration's.
    /// - As many blocks as elements: the blocks that may have made the element, or the block at
    ///   `index` when none may (a provider that rewrote a value, such as protocol `6` as `tcp`).
    /// - Fewer or more: Terraform leaves `dynamic` blocks out of a plan's configuration, so the
    ///   element may come from one of those; every block that may have made it is a candidate,
    ///   and the element is `unshown`.
    ///
    /// Lists longer than ``matchingLimit`` are not compared block by block (see there).
    func element(_ index: Int, count: Int, element: JSONNode?) -> ElementMatch {
        let blocks: [ConfigurationExpressionNode]
        switch self {
        case .blockList(let list):
            guard list.count <= Self.matchingLimit else {
                return Self.byPosition(list.count, index: index, count: count, element: element) {
                    list[index].flatMap(Self.classify)
                }
            }
            blocks = list.elements.compactMap { Self.classify($0) }
        case .body: return ([], false)
        case .expression(let expression):
            guard let constant = expression["constant_value"] else { return ([self], false) }
            return Self.constantElement(constant, index: index, count: count, element: element)
        case .constant(let constant):
            return Self.constantElement(constant, index: index, count: count, element: element)
        }
        return Self.match(blocks, index: index, count: count, element: element)
    }

    /// Element `index` of a constant list: by position for scalars, matched like blocks for
    /// objects (an attribute written as blocks, such as `ingress`, is one constant list).
    private static func constantElement(
        _ constant: JSONValue, index: Int, count: Int, element: JSONNode?
    )
        -> ElementMatch
    {
        guard constant.kind == .array else { return ([], false) }
        // A list of scalars is always taken by position.
        let ofObjects = constant[0]?.kind == .object
        guard ofObjects, constant.count <= matchingLimit else {
            return byPosition(
                ofObjects ? constant.count : count, index: index, count: count, element: element
            ) {
                constant[index].map { .constant($0) }
            }
        }
        return match(constant.elements.map { .constant($0) }, index: index, count: count, element: element)
    }

    /// The most blocks of one kind matched block by block.
    ///
    /// Matching compares every block with every element, so its cost grows with the square of a
    /// list's length: 8,000 inline rules took 38 s. Real lists are far shorter (a security group
    /// allows 60 inbound rules unless its quota is raised, an instance about 40 volumes). A longer
    /// list is taken by position when it numbers the elements, and as blocks the plan does not
    /// show otherwise.
    static let matchingLimit = 64

    /// The block at `index` of `total` (or the scalar there), for a list not matched block by
    /// block: by position when the list numbers the elements or the element is wholly unknown,
    /// else no candidate and `unshown`.
    private static func byPosition(
        _ total: Int, index: Int, count: Int, element: JSONNode?,
        _ block: () -> ConfigurationExpressionNode?
    ) -> ElementMatch {
        guard total == count || element == nil else { return ([], true) }
        return (block().map { [$0] } ?? [], false)
    }

    /// The blocks that may have made `element` (see ``element(_:count:element:)``).
    private static func match(
        _ blocks: [ConfigurationExpressionNode], index: Int, count: Int, element: JSONNode?
    ) -> ElementMatch {
        // An element the plan leaves wholly unknown says nothing to match, and a list the plan
        // leaves wholly unknown has no elements to number: every block is a candidate.
        guard let element else { return (blocks, false) }
        let candidates = blocks.filter { $0.mayHaveMade(element) }
        guard blocks.count == count else { return (candidates, true) }
        if candidates.isEmpty { return (blocks.indices.contains(index) ? [blocks[index]] : [], false) }
        return (candidates, false)
    }

    /// False when a scalar this block fixes differs from the element's known value of it.
    ///
    /// Only known scalars are compared: a value known only after apply is absent from the
    /// element, and a constant of another type (`"22"` for `22`) is left to the provider's
    /// conversion.
    func mayHaveMade(_ element: JSONNode) -> Bool {
        guard element.kind == .object else { return true }
        var contradicted = false
        func compare(_ name: String, _ constant: JSONValue) {
            guard !contradicted, let planned = element[name] else { return }
            contradicted = Self.scalarsDiffer(constant.node, planned)
        }
        switch self {
        case .body(let body):
            body.forEachMember { name, member in
                if case .expression(let expression) = Self.classify(member),
                    let constant = expression["constant_value"]
                {
                    compare(name, constant)
                }
            }
        case .constant(let constant) where constant.kind == .object:
            constant.forEachMember { name, member in compare(name, member) }
        default:
            break
        }
        return !contradicted
    }

    /// True when both are scalars of one kind (numbers alike) with different values.
    private static func scalarsDiffer(_ left: JSONNode, _ right: JSONNode) -> Bool {
        switch (left.kind, right.kind) {
        case (.string, .string): return left.string != right.string
        case (.bool, .bool): return left.bool != right.bool
        case (.int, .int): return left.int != right.int
        case (.int, .double), (.double, .int), (.double, .double): return left.double != right.double
        default: return false
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

/// The configuration nodes that stand behind one attribute: usually none or one, several for an
/// element that more than one block may have made.
enum ConfigurationNodes: Sendable {
    case none
    /// A member a block body has no expression or nested block for. Computed, unless its planned
    /// value has elements that are objects: Terraform writes no `dynamic` block into the
    /// configuration, so those may come from one (see ``element(_:count:element:)``).
    case missing
    case one(ConfigurationExpressionNode)
    case many([ConfigurationExpressionNode])
    /// An attribute of an element that may come from a block the configuration leaves out (a
    /// `dynamic` block), with the shown blocks' nodes that may stand behind it.
    case unshown([ConfigurationExpressionNode])

    init(_ nodes: [ConfigurationExpressionNode], unshown: Bool = false) {
        if unshown {
            self = .unshown(nodes)
            return
        }
        switch nodes.count {
        case 0: self = .none
        case 1: self = .one(nodes[0])
        default: self = .many(nodes)
        }
    }

    /// The nodes as a list.
    var nodes: [ConfigurationExpressionNode] {
        switch self {
        case .none, .missing: []
        case .one(let node): [node]
        case .many(let nodes), .unshown(let nodes): nodes
        }
    }

    /// True when the configuration sets the attribute or may set it in a block it leaves out.
    ///
    /// An explicit `null` does not set it: false means the provider decides. Inlined: `has()`
    /// asks it of unknown members, and a call copied the nodes (+0.7 M instructions on
    /// storage-network-10500).
    @inline(__always) var maySet: Bool { isUnshown || contains { !$0.isNullConstant } }

    /// True when the attribute may come from a block the configuration leaves out.
    var isUnshown: Bool {
        if case .unshown = self { return true }
        return false
    }

    /// True when some node satisfies `predicate`.
    func contains(where predicate: (ConfigurationExpressionNode) -> Bool) -> Bool {
        switch self {
        case .none, .missing: false
        case .one(let node): predicate(node)
        case .many(let nodes), .unshown(let nodes): nodes.contains(where: predicate)
        }
    }

    /// The non-null constant the configuration fixes: the one node's, or the constant every
    /// candidate fixes alike; nil when a candidate differs or the attribute may come from an
    /// unshown block.
    var constantValue: JSONValue? {
        switch self {
        case .none, .missing, .unshown: return nil
        case .one(let node): return node.constantValue
        case .many(let nodes):
            guard let first = nodes[0].constantValue else { return nil }
            for node in nodes.dropFirst() {
                guard let other = node.constantValue, other.node.isIdentical(to: first.node) else {
                    return nil
                }
            }
            return first
        }
    }

    /// True when the configuration fixes an empty string, list or map.
    ///
    /// The plugin SDK that most of the AWS provider is built on cannot tell an empty value from
    /// an absent one: when the plan still marks such an attribute unknown of itself, the
    /// provider computes it (EKS `public_access_cidrs = []` becomes the default `0.0.0.0/0`,
    /// `ssl_policy = ""` the default policy), and the empty constant is not its value.
    var fixesEmptyValue: Bool {
        guard let constant = constantValue else { return false }
        switch constant.kind {
        case .string: return constant.withUTF8 { $0.isEmpty } ?? false
        case .array, .object: return constant.count == 0
        default: return false
        }
    }

    /// The nodes for member `key`.
    func member(_ key: String) -> ConfigurationNodes {
        switch self {
        case .none, .missing: .none
        case .one(let node):
            node.member(key).map(ConfigurationNodes.one) ?? (node.isBody ? .missing : .none)
        case .many(let nodes): ConfigurationNodes(nodes.compactMap { $0.member(key) })
        case .unshown(let nodes): .unshown(nodes.compactMap { $0.member(key) })
        }
    }

    /// The nodes for element `index` of a list of `count` elements whose planned value is
    /// `element` (see ``ConfigurationExpressionNode/element(_:count:element:)``).
    ///
    /// Candidates multiply down nested lists of blocks that look alike; past
    /// ``ConfigurationExpressionNode/matchingLimit`` of them the element is undecided, with no
    /// candidate, so that a plan of many such levels costs no more than one.
    func element(_ index: Int, count: Int, element: JSONNode?) -> ConfigurationNodes {
        if case .missing = self { return element?.kind == .object ? .unshown([]) : .none }
        var unshown = isUnshown
        var nodes: [ConfigurationExpressionNode] = []
        for node in self.nodes {
            let match = node.element(index, count: count, element: element)
            nodes += match.nodes
            unshown = unshown || match.unshown
            if nodes.count > ConfigurationExpressionNode.matchingLimit { return .unshown([]) }
        }
        return ConfigurationNodes(nodes, unshown: unshown)
    }
}
