import JSON

/// A view of one attribute (or the whole object) of a resource's planned end state.
///
/// The view walks `after`, `after_unknown`, `after_sensitive` and the configuration expression
/// in step, without copying them. It is cheap to create and to copy.
///
/// A class, and its own path node: a view reached by `member` or `element` costs one
/// allocation and links to the view it came from for its path; a copy is one retain, and its
/// host value fits in an existential's inline buffer.
public final class AttributeView: Sendable, CustomStringConvertible {
    /// One step of an attribute path.
    public enum PathComponent: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// A list element.
        case index(Int)
    }

    // Nodes, not values: a view reads a few members of its resource for every rule, and a value
    // per read counted references on the document atomically. The documents stay alive because
    // the root view owns the resource's values (`owner`) and every view holds its parent.
    let after: JSONNode?
    let unknownMark: JSONNode?
    let sensitiveMark: JSONNode?
    /// The documents of `after` and `sensitiveMark`, for values handed out (``state``); kept
    /// alive as the nodes are.
    private unowned(unsafe) let afterDocument: JSONDocument?
    private unowned(unsafe) let sensitiveDocument: JSONDocument?
    /// The resource's whole values, marks included (the root view only): what keeps every view's
    /// documents alive.
    private let owner: Owner?
    let inheritedUnknown: Bool
    let inheritedSensitive: Bool
    /// The configuration nodes of the resource itself; nil for a view below it, whose nodes are
    /// derived from its parent's when asked (see ``expressions``).
    private let rootExpressions: ConfigurationNodes?
    let scope: ResolutionScope
    /// The view this one was reached from; nil for the resource itself.
    private let parent: AttributeView?
    /// The step from `parent` to this view; nil for the resource itself.
    private let component: PathComponent?

    /// The values a root view keeps alive, and whose they are.
    private struct Owner {
        let after: JSONValue?
        let unknownMark: JSONValue?
        let sensitiveMark: JSONValue?
        let resourceAddress: String
    }

    /// The view of the whole planned state of the resource at `address`, with its configuration
    /// nodes.
    convenience init(
        address: String, after: JSONValue?, unknownMark: JSONValue?, sensitiveMark: JSONValue?,
        expressions: ConfigurationNodes, scope: ResolutionScope
    ) {
        self.init(
            after: after?.node, unknownMark: unknownMark?.node, sensitiveMark: sensitiveMark?.node,
            afterDocument: after?.document, sensitiveDocument: sensitiveMark?.document,
            owner: Owner(
                after: after, unknownMark: unknownMark, sensitiveMark: sensitiveMark, resourceAddress: address
            ),
            inheritedUnknown: false, inheritedSensitive: false, rootExpressions: expressions, scope: scope,
            parent: nil, component: nil)
    }

    /// A view below `parent`, reading these nodes of the parent's documents.
    private convenience init(
        after: JSONNode?, unknownMark: JSONNode?, sensitiveMark: JSONNode?, parent: AttributeView,
        component: PathComponent
    ) {
        self.init(
            after: after, unknownMark: unknownMark, sensitiveMark: sensitiveMark,
            afterDocument: parent.afterDocument, sensitiveDocument: parent.sensitiveDocument, owner: nil,
            inheritedUnknown: parent.isWhollyUnknown, inheritedSensitive: parent.isSensitive,
            rootExpressions: nil, scope: parent.scope, parent: parent, component: component)
    }

    private init(
        after: JSONNode?, unknownMark: JSONNode?, sensitiveMark: JSONNode?, afterDocument: JSONDocument?,
        sensitiveDocument: JSONDocument?, owner: Owner?, inheritedUnknown: Bool,
        inheritedSensitive: Bool, rootExpressions: ConfigurationNodes?, scope: ResolutionScope,
        parent: AttributeView?, component: PathComponent?
    ) {
        self.after = after
        self.unknownMark = unknownMark
        self.sensitiveMark = sensitiveMark
        self.afterDocument = afterDocument
        self.sensitiveDocument = sensitiveDocument
        self.owner = owner
        self.inheritedUnknown = inheritedUnknown
        self.inheritedSensitive = inheritedSensitive
        self.rootExpressions = rootExpressions
        self.scope = scope
        self.parent = parent
        self.component = component
    }

    /// The configuration nodes that stand behind this attribute.
    ///
    /// Derived from the parent's on each use rather than stored: only unknown values and
    /// configuration constants need them, and finding them costs several hashed lookups per
    /// step, which every member read paid when views stored them.
    var expressions: ConfigurationNodes {
        guard let parent, let component else { return rootExpressions ?? .none }
        switch component {
        case .key(let key): return parent.expressions.member(key)
        case .index(let index): return parent.expressions.element(index, count: parent.count, element: after)
        }
    }

    /// What tells one attribute of a document from every other: views with equal identities read
    /// the same nodes with the same inherited marks, so what is derived from one holds for both.
    public struct Identity: Hashable, Sendable {
        let after: UInt
        let unknownMark: UInt
        let sensitiveMark: UInt
        let inheritedUnknown: Bool
        let inheritedSensitive: Bool

        /// Hashes the `after` node alone: it nearly always tells identities apart (the other
        /// fields differ only for views that read the same node in different ways), and hashing
        /// all five fields cost a memo lookup about 150 instructions more.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(after)
        }
    }

    /// This view's identity; nil unless `after` is an object or an array.
    ///
    /// A parsed document is a tree, so an object or array node lies on one path and its views
    /// read the same configuration too. Scalars and nulls are left out: a parser may share
    /// their nodes.
    public var identity: Identity? {
        guard let after, after.kind == .object || after.kind == .array, let node = after.nodeIdentity else {
            return nil
        }
        return Identity(
            after: UInt(bitPattern: node), unknownMark: UInt(bitPattern: unknownMark?.nodeIdentity),
            sensitiveMark: UInt(bitPattern: sensitiveMark?.nodeIdentity), inheritedUnknown: inheritedUnknown,
            inheritedSensitive: inheritedSensitive)
    }

    /// The address of the resource this attribute belongs to.
    ///
    /// Walks up to the root view: only unknown values ask, to say whose attribute they are when
    /// a rule read it through a joined resource.
    public var resourceAddress: String {
        var root = self
        while let parent = root.parent { root = parent }
        return root.owner?.resourceAddress ?? ""
    }

    /// The path from the resource to this attribute.
    public var pathComponents: [PathComponent] {
        var components: [PathComponent] = []
        var node: AttributeView? = self
        while let step = node, let component = step.component {
            components.append(component)
            node = step.parent
        }
        return components.reversed()
    }

    /// The view of member `key` of an object attribute or block.
    public func member(_ key: String) -> AttributeView {
        let (after, unknownMark, sensitiveMark) = key.withCString { name in
            var lookup = JSONMemberLookup(name)
            return (
                lookup.member(of: self.after), lookup.member(of: self.unknownMark),
                lookup.member(of: self.sensitiveMark)
            )
        }
        return AttributeView(
            after: after, unknownMark: unknownMark, sensitiveMark: sensitiveMark, parent: self,
            component: .key(key))
    }

    /// A member or element as ``memberValue(_:)`` and ``elementValue(_:)`` read it.
    public enum MemberRead {
        /// A known value that is neither null, an object nor an array: the whole answer, read
        /// while the view is held.
        case scalar(JSONNode)
        /// Null or absent, and not unknown: its state is ``AttributeState/null``.
        case null
        /// Anything else, as ``member(_:)`` gives it.
        case view(AttributeView)
    }

    /// Member `key` as a known scalar or null when it is one, else its view.
    ///
    /// A known number, string or bool needs no view to be read (no path, marks or
    /// configuration), and most attributes rules compare are such: this spares the view's
    /// allocation and the sensitive mark's lookup. So does a null or absent member that is not
    /// unknown: functions such as `world_open` ask for several members a block may not have.
    public func memberValue(_ key: String) -> MemberRead {
        key.withCString { name in
            var lookup = JSONMemberLookup(name)
            return read(
                after: lookup.member(of: self.after), unknownMark: lookup.member(of: self.unknownMark),
                sensitiveMark: lookup.member(of: self.sensitiveMark), component: .key(key))
        }
    }

    /// True when member `key` is known or unknown from a reference (its
    /// ``state(resolvingReferences:)`` is ``AttributeState/known(_:)`` or
    /// ``AttributeState/unknownFromReference(references:)``); false when it is null or computed.
    ///
    /// Decided from the member's nodes without building its view: `has()` asks this of many
    /// attributes that are objects or lists.
    public func memberIsSet(_ key: String) -> Bool {
        key.withCString { name in
            var lookup = JSONMemberLookup(name)
            let after = lookup.member(of: self.after)
            if isWhollyUnknown {
                // Unknown: computed unless the configuration sets it (a constant or a reference)
                // or may set it in a block the plan leaves out.
                return expressions.member(key).maySet
            }
            if lookup.member(of: self.unknownMark)?.bool == true {
                // Unknown of itself: an empty constant does not set it either, nor do values
                // known while planning (see `state`).
                let expressions = expressions.member(key)
                return expressions.maySet && !expressions.fixesEmptyValue
                    && !isSetFromPlanTimeValues(expressions)
            }
            guard let after else { return false }
            return !after.isNull
        }
    }

    /// Element `index` as a known scalar or null when it is one, else its view (see
    /// ``memberValue(_:)``).
    public func elementValue(_ index: Int) -> MemberRead {
        read(
            after: after?[index], unknownMark: unknownMark?[index], sensitiveMark: sensitiveMark?[index],
            component: .index(index))
    }

    /// The child with these nodes as a known scalar, as null, or as a view; the sensitive mark is
    /// looked up only for a view.
    private func read(
        after: JSONNode?, unknownMark: JSONNode?, sensitiveMark: @autoclosure () -> JSONNode?,
        component: PathComponent
    ) -> MemberRead {
        // Known when neither this view nor the child's mark makes it unknown (``state``'s last
        // cases): then a missing or null node is null, and a scalar node is the value.
        if !isWhollyUnknown, unknownMark?.bool != true {
            guard let after, !after.isNull else { return .null }
            switch after.kind {
            case .bool, .int, .double, .string: return .scalar(after)
            case .null, .array, .object: break
            }
        }
        return .view(
            AttributeView(
                after: after, unknownMark: unknownMark, sensitiveMark: sensitiveMark(), parent: self,
                component: component))
    }

    /// The view of element `index` of a list or set attribute, or of a repeated block.
    public func element(_ index: Int) -> AttributeView {
        AttributeView(
            after: after?[index], unknownMark: unknownMark?[index], sensitiveMark: sensitiveMark?[index],
            parent: self, component: .index(index))
    }

    /// The view at a path such as `ingress[0].cidr_blocks[1]`; nil when the path does not parse.
    public func attribute(atPath path: String) -> AttributeView? {
        AttributePath(path).flatMap { attribute(at: $0) }
    }

    /// The view at a parsed path; nil when the path has a splat.
    public func attribute(at path: AttributePath) -> AttributeView? {
        var view = self
        for segment in path.segments {
            switch segment {
            case .name(let name): view = view.member(name)
            case .key(.int(let index)): view = view.element(index)
            case .key(.string(let key)): view = view.member(key)
            case .splat: return nil
            }
        }
        return view
    }

    /// The member names of an object: those in `after`, then unknown ones `after` leaves out.
    public var keys: [String] {
        var result = after?.keys ?? []
        forEachUnknownOnlyKey { result.append($0) }
        return result
    }

    /// True when ``keys`` is empty, found without listing them.
    public var hasNoKeys: Bool {
        if after?.kind == .object, after?.count ?? 0 > 0 { return false }
        var found = false
        forEachUnknownOnlyKey { _ in found = true }
        return !found
    }

    /// The number of ``keys``, counted without building them.
    private var memberCount: Int {
        var total = after?.kind == .object ? after?.count ?? 0 : 0
        forEachUnknownOnlyKey { _ in total += 1 }
        return total
    }

    /// Calls `body` with each member that `after_unknown` marks and `after` leaves out.
    private func forEachUnknownOnlyKey(_ body: (String) -> Void) {
        guard let unknownMark, unknownMark.kind == .object, unknownMark.count > 0 else { return }
        let after = after?.kind == .object ? after : nil
        unknownMark.forEachMember { key, _ in
            if after?[key] == nil { body(key) }
        }
    }

    /// The number of list elements (or object members); 0 for scalars and wholly unknown values.
    public var count: Int {
        if after?.kind == .object { return memberCount }
        return max(
            after?.kind == .array ? after?.count ?? 0 : 0,
            unknownMark?.kind == .array ? unknownMark?.count ?? 0 : 0)
    }

    /// The path as text: `ingress[0].cidr_blocks[1]`; "" for the resource itself.
    ///
    /// Appended step by step along the parent chain, without listing the components first.
    public var path: String {
        guard let parent, let component else { return "" }
        // A top-level attribute's path is its name, without appending it to an empty string
        // (every unknown value read and every `each` element has its path written).
        if parent.parent == nil, case .key(let key) = component, Self.isIdentifier(key) { return key }
        var text = parent.path
        Self.append(component, to: &text)
        return text
    }

    /// True when `path` is `prefix` or lies under it (`rule[0].x` is under `rule`).
    public static func path(_ path: String, startsWith prefix: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.utf8.dropFirst(prefix.utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: "[")
    }

    static func render(_ components: [PathComponent]) -> String {
        var text = ""
        for component in components { append(component, to: &text) }
        return text
    }

    private static func append(_ component: PathComponent, to text: inout String) {
        switch component {
        case .key(let key):
            if isIdentifier(key) {
                if !text.isEmpty { text += "." }
                text += key
            } else {
                text += "[" + InstanceKey.quoted(key) + "]"
            }
        case .index(let index):
            text += "["
            text += String(index)
            text += "]"
        }
    }

    /// Letters, digits, `_` and `-`, not starting with a digit (ASCII only, so bytes decide).
    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        // Over the contiguous bytes: iterating the UTF-8 view cost about 480 instructions per
        // path step (callgrind), and every element of an `each` list has its path written.
        var key = key
        return key.withUTF8 { bytes in
            for byte in bytes {
                let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                if !(letter || digit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")) {
                    return false
                }
            }
            return true
        }
    }

    /// True for an array, false for an object, when this attribute is known from the plan and is
    /// one (its ``state`` is known, from `after`); nil otherwise.
    ///
    /// Decided without building the state: a rule reads blocks and lists far more often than it
    /// asks for their state.
    public var knownContainerIsArray: Bool? {
        guard !isWhollyUnknown, let after else { return nil }
        switch after.kind {
        case .array: return true
        case .object: return false
        default: return nil
        }
    }

    /// True when the plan marks this attribute sensitive, itself or through a sensitive parent.
    public var isSensitive: Bool { inheritedSensitive || sensitiveMark?.bool == true }

    /// True when this attribute as a whole is unknown until apply (itself or through its parent).
    public var isWhollyUnknown: Bool { inheritedUnknown || unknownMark?.bool == true }

    /// True when this attribute or any part of it is unknown until apply.
    public var containsUnknown: Bool { isWhollyUnknown || SensitivityMarks.containsTrue(unknownMark) }

    /// True when the configuration sets this attribute (an expression or block exists for it),
    /// or may set it in a block the plan leaves out (see ``isInUnshownBlock``).
    public var isSetInConfiguration: Bool { expressions.maySet }

    /// True when the plan marks this attribute unknown of itself (its parent is known) although
    /// the configuration fixes it to an empty string, list or map: the provider took the empty
    /// value for an absent one and computes the attribute (see ``state``).
    public var isEmptyConstantOverridden: Bool {
        !inheritedUnknown && unknownMark?.bool == true && expressions.fixesEmptyValue
    }

    /// True when this attribute belongs to an element of a repeated block that may come from a
    /// block the plan's configuration leaves out.
    ///
    /// Terraform writes no `dynamic` block into a plan's `configuration`, so when a resource has
    /// more (or fewer) blocks of a kind than its configuration shows, an element's unknown value
    /// may be set there from values known only after apply, or computed by the provider: the
    /// plan cannot tell which. Its ``state`` is then
    /// ``AttributeState/unknownFromReference(references:)`` with the references of the shown
    /// blocks that may have made it.
    public var isInUnshownBlock: Bool { expressions.isUnshown }

    /// The literal the configuration gives this attribute, whatever `after` holds.
    ///
    /// This is the clear text of an attribute the provider stores hashed
    /// (`aws_instance.user_data` is a SHA-1 in `after`). Nil when the configuration has no
    /// `constant_value` for it (a reference, a function of something unknown, or no expression).
    public var configurationConstant: AttributeValue? {
        guard let constant = expressions.constantValue else { return nil }
        return AttributeValue(
            raw: constant, sensitiveMark: nil, isSensitive: isSensitive, isFromConfiguration: true)
    }

    /// The attribute's state: known, unknown until apply, sensitive, or absent.
    ///
    /// Unknown with no expression (or an explicit `null`) in configuration is
    /// ``AttributeState/computed``, and so is an attribute unknown of itself whose configuration
    /// is an empty string, list or map (``isEmptyConstantOverridden``); unknown with a non-null
    /// `constant_value` (the same in every
    /// block that may have made the element) is known from configuration; unknown otherwise,
    /// and unknown in an element that may come from a block the plan leaves out
    /// (``isInUnshownBlock``), is ``AttributeState/unknownFromReference(references:)``. Not
    /// unknown: null or absent is ``AttributeState/null``, anything else is known.
    public var state: AttributeState { state(resolvingReferences: true) }

    /// ``state``, where `resolvingReferences: false` leaves the references of
    /// ``AttributeState/unknownFromReference(references:)`` empty: resolving them is most of the
    /// cost of a state, and a caller that only asks which case applies does not need them.
    public func state(resolvingReferences: Bool) -> AttributeState {
        if isWhollyUnknown {
            let expressions = expressions
            if !expressions.maySet { return .computed }
            // An empty constant the provider overrides: unknown of itself (a parent unknown as a
            // whole makes its members unknown whatever they are), so the provider computes it.
            if !inheritedUnknown, expressions.fixesEmptyValue { return .computed }
            if let constant = expressions.constantValue {
                return .known(
                    AttributeValue(
                        raw: constant, sensitiveMark: nil, isSensitive: isSensitive, isFromConfiguration: true
                    ))
            }
            // Set only from values known while planning (a variable left null or empty), yet
            // unknown of itself: the provider computes it.
            if !inheritedUnknown, isSetFromPlanTimeValues(expressions) { return .computed }
            return .unknownFromReference(references: resolvingReferences ? references(of: expressions) : [])
        }
        guard let after, !after.isNull, let afterDocument else { return .null }
        return .known(
            AttributeValue(
                raw: afterDocument.value(of: after),
                sensitiveMark: sensitiveMark.flatMap { mark in sensitiveDocument.map { $0.value(of: mark) } },
                isSensitive: inheritedSensitive, isFromConfiguration: false))
    }

    /// The resources and data sources this attribute's configuration refers to, resolved to full
    /// addresses in the resource's module instance (whatever the value's state).
    public var configurationReferences: [PlanReference] { references(of: expressions) }

    /// The references of this attribute's configuration as the plan writes them, unresolved
    /// (`var.attach_policy`, `data.aws_iam_policy_document.x[0].json`).
    public var configurationReferenceTexts: [String] {
        var lists: [JSONValue] = []
        for expression in expressions.nodes { expression.referenceLists(into: &lists) }
        return lists.flatMap { list in list.elements.compactMap(\.string) }
    }

    /// True when this attribute's configuration refers to a `local` value.
    ///
    /// The plan does not record what a local is made of, so ``configurationReferences`` leaves
    /// out whatever stands behind one: a caller that reads them as all the value depends on
    /// must ask this first.
    public var refersToLocalValues: Bool {
        configurationReferenceTexts.contains { $0.hasPrefix("local.") }
    }

    /// True when every node of `expressions` is an expression whose references all name values
    /// Terraform knows while planning (see ``PlanContext/refersOnlyToPlanTimeValues(_:in:)``).
    private func isSetFromPlanTimeValues(_ expressions: ConfigurationNodes) -> Bool {
        guard let context = scope.context, !expressions.isUnshown else { return false }
        let nodes = expressions.nodes
        return !nodes.isEmpty
            && nodes.allSatisfy { node in
                guard case .expression(let expression) = node else { return false }
                return context.refersOnlyToPlanTimeValues(expression["references"], in: scope)
            }
    }

    /// The references of `expressions` (this view's nodes), resolved as
    /// ``configurationReferences`` says.
    private func references(of expressions: ConfigurationNodes) -> [PlanReference] {
        guard let context = scope.context else { return [] }
        var lists: [JSONValue] = []
        for expression in expressions.nodes { expression.referenceLists(into: &lists) }
        var all: [PlanReference] = []
        for list in lists { all += context.resolve(list, in: scope) }
        return PlanContext.deduplicated(all)
    }

    /// `path: state`, redacted (for diagnostics).
    public var description: String {
        let name = path.isEmpty ? "(resource)" : path
        return "\(name): \(state)"
    }
}
