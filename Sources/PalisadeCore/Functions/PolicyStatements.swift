import JSON
import Policy
import TerraformPlan

/// IAM policy documents normalised to one shape, whatever their source.
///
/// The shape is `{effect, principals: [{type, identifiers}], not_principals, actions, not_actions,
/// resources, not_resources, conditions: [{test, variable, values}]}`. `Statement` may be one
/// object or a list, and every field a string or a list (IAM accepts both).
///
/// Sources, in order: the attribute's JSON string; when that is unknown because it comes from a
/// `data.aws_iam_policy_document`, the data source's JSON if it was read during plan, else its
/// documents merged as the provider merges them: the source documents, its statement blocks
/// (effect, actions and principals are usually constants even when resources are not) and the
/// override documents (``composedStatements(of:in:depth:)``); otherwise the statements are
/// unknown. Matching statements against actions,
/// principals and conditions is ``PolicyStatementMatching``.
enum PolicyStatements {
    /// The statements of the policy at `attribute`; a path with one `[*]` (such as
    /// `inline_policy[*].policy`) collects the statements of every element's policy.
    ///
    /// `parsed` keeps the statements of each policy text already read, for every rule to share.
    static func statements(
        of resource: PlanResource, attribute: String, in plan: Plan,
        parsed: ConcurrentMemo<HashedText, Value>? = nil
    ) -> Value {
        // A plain name (`policy`) is one member: parsing it as a path cost more than reading it.
        if isPlainName(attribute) {
            return statements(of: resource.values.member(attribute), in: plan, parsed: parsed)
        }
        // Foundation's substring search costs more than the rest of a read; most paths have no `*`.
        if attribute.utf8.contains(UInt8(ascii: "*")), let splat = attribute.range(of: "[*].") {
            return statementsOfEach(
                resource, list: String(attribute[..<splat.lowerBound]),
                member: String(attribute[splat.upperBound...]), in: plan, parsed: parsed)
        }
        guard let view = resource.values.attribute(atPath: attribute) else {
            return .error("policy_statements: \(attribute) is not an attribute path")
        }
        return statements(of: view, in: plan, parsed: parsed)
    }

    /// True when `path` is one name: not empty, without the `.` and `[` that start a path's
    /// other steps, so that it reads as the member of that name.
    static func isPlainName(_ path: String) -> Bool {
        !path.isEmpty && !path.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[") }
    }

    /// ``statements(of:attribute:in:parsed:)`` with the plan and the parsed policies of
    /// `context`, read where they are: the overload's body copied the plan on every call.
    static func statements(
        of resource: PlanResource, attribute: String, in context: PlanEvaluationContext
    ) -> Value {
        statements(of: resource, attribute: attribute, in: context.plan, parsed: context.policyStatements)
    }

    /// The statements of every element's policy in a list of blocks, concatenated.
    static func statementsOfEach(
        _ resource: PlanResource, list: String, member: String, in plan: Plan,
        parsed: ConcurrentMemo<HashedText, Value>? = nil
    )
        -> Value
    {
        guard let listView = resource.values.attribute(atPath: list) else {
            return .error("policy_statements: \(list) is not an attribute path")
        }
        switch listView.state(resolvingReferences: false) {
        case .null, .computed: return .list([])
        case .unknownFromReference: return AttributeHostValue.value(listView)
        case .known: break
        }
        var all: [Value] = []
        for index in 0..<listView.count {
            guard let view = listView.element(index).attribute(atPath: member) else {
                return .error("policy_statements: \(member) is not an attribute path")
            }
            switch statements(of: view, in: plan, parsed: parsed) {
            case .list(let list): all += list
            case let other: return other
            }
        }
        return .list(all)
    }

    static func statements(
        of view: AttributeView, in plan: Plan, parsed: ConcurrentMemo<HashedText, Value>? = nil
    ) -> Value {
        switch view.state(resolvingReferences: false) {
        case .null, .computed:
            return .list([])
        case .known(let value):
            return fromJSONText(value.unredactedJSONForEvaluation, parsed: parsed)
        case .unknownFromReference:
            // An expression over local values and replace() the .tf writes for it, evaluated.
            if let parts = SourceDerivedValues.evaluatedText(of: view, in: plan) {
                if parts.count == 1, case .attribute(let reference) = parts[0],
                    let document = policyDocument(reference, in: plan)
                {
                    return fromDataSource(document, in: plan, parsed: parsed)
                }
                if let decoded = SourceDerivedValues.decodedJSON(parts, view: view) {
                    return fromDocument(ValueNode(value: decoded))
                }
                return AttributeHostValue.value(view)
            }
            // The policy is the document it names only when it names nothing else: through a
            // local value, or beside another resource's attribute, it may be anything made of
            // it (terraform-aws-modules/s3-bucket v5 puts the bucket's ARN in place of
            // placeholders in its document), and of two documents it is one or the other.
            let documents = soleDocuments(of: view, in: plan) ?? []
            guard !documents.isEmpty else {
                // `jsonencode(...)` around attributes known only after apply, read from the .tf.
                if let decoded = SourceDerivedValues.decoded(view, in: plan) {
                    return fromDocument(ValueNode(value: decoded))
                }
                // A heredoc or template of JSON text around attributes that all have a text.
                if let text = SourceDerivedValues.string(of: view, in: plan) { return fromText(text) }
                return AttributeHostValue.value(view)
            }
            var all: [Value] = []
            for document in documents {
                let statements = fromDataSource(document, in: plan, parsed: parsed)
                switch statements {
                case .list(let list): all += list
                default: return statements
                }
            }
            return .list(all)
        }
    }

    /// The statements of a policy given as JSON text (or, leniently, as an object); `parsed`
    /// holds those of texts already read.
    static func fromJSONText(_ json: JSONValue, parsed: ConcurrentMemo<HashedText, Value>? = nil) -> Value {
        if json.kind == .object { return fromDocument(json) }
        guard let text = json.string else { return .error("a policy must be a JSON string") }
        guard let parsed else { return fromText(text) }
        return parsed.value(for: HashedText(text)) { fromText(text) }
    }

    /// The statements of a policy's JSON text.
    static func fromText(_ text: String) -> Value {
        // An empty policy string is no policy (the provider accepts it for "no bucket policy").
        if text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) { return .list([]) }
        do throws(JSONParseError) {
            return fromDocument(try JSONDocument.parse(text).root)
        } catch {
            return .error("the policy is not valid JSON: \(error.description)")
        }
    }

    /// The statements of a policy document, JSON or decoded from the configuration; a part
    /// known only after apply is unknown where it stands (an unknown `Statement` makes them all
    /// unknown, an unknown `Resource` only that statement's resources).
    static func fromDocument<Node: PolicyNode>(_ document: Node) -> Value {
        if let unknown = document.unknownValue { return unknown }
        guard let statements = document.member("Statement") else { return .list([]) }
        if let unknown = statements.unknownValue { return unknown }
        return .list(statementObjects(of: document).map(statement))
    }

    /// The `Statement` of a policy document as a list of objects (one object or a list).
    static func statementObjects<Node: PolicyNode>(of document: Node) -> [Node] {
        guard let statement = document.member("Statement") else { return [] }
        return statement.isArray ? statement.elementNodes : [statement]
    }

    /// One statement in the normalised shape.
    static func statement<Node: PolicyNode>(_ s: Node) -> Value {
        if let unknown = s.unknownValue { return unknown }
        let effect = s.member("Effect")
        return .map(
            ValueMap([
                ("effect", effect?.unknownValue ?? .string(effect?.text ?? "Allow")),
                ("principals", principals(s.member("Principal"))),
                ("not_principals", principals(s.member("NotPrincipal"))),
                ("actions", strings(s.member("Action"))),
                ("not_actions", strings(s.member("NotAction"))),
                ("resources", strings(s.member("Resource"))),
                ("not_resources", strings(s.member("NotResource"))),
                ("conditions", conditions(s.member("Condition"))),
            ]))
    }

    static func strings<Node: PolicyNode>(_ node: Node?) -> Value {
        guard let node else { return .list([]) }
        if let unknown = node.unknownValue { return unknown }
        if node.isArray {
            return .list(node.elementNodes.map { element in element.text.map(Value.string) ?? element.value })
        }
        if node.isNullNode { return .list([]) }
        return .list([node.value])
    }

    static func principals<Node: PolicyNode>(_ node: Node?) -> Value {
        guard let node, !node.isNullNode else { return .list([]) }
        if let unknown = node.unknownValue { return unknown }
        if let text = node.text {
            return .list([
                .map(["type": .string(text == "*" ? "*" : "AWS"), "identifiers": .list([.string(text)])])
            ])
        }
        return .list(
            node.memberNodes.map { key, value in .map(["type": .string(key), "identifiers": strings(value)]) }
        )
    }

    static func conditions<Node: PolicyNode>(_ node: Node?) -> Value {
        guard let node else { return .list([]) }
        if let unknown = node.unknownValue { return unknown }
        guard node.isObject else { return .list([]) }
        var result: [Value] = []
        for (test, variables) in node.memberNodes {
            // A test whose keys are unknown could be any condition.
            if let unknown = variables.unknownValue { return unknown }
            for (variable, values) in variables.memberNodes {
                result.append(
                    .map(["test": .string(test), "variable": .string(variable), "values": strings(values)]))
            }
        }
        return .list(result)
    }

    /// Statements of a `data.aws_iam_policy_document`: its JSON when read during plan, otherwise
    /// its documents merged as the provider merges them (see ``composedStatements(of:in:depth:)``).
    static func fromDataSource(
        _ document: PlanResource, in plan: Plan, parsed: ConcurrentMemo<HashedText, Value>? = nil
    ) -> Value {
        let values = document.values
        if case .known(let json) = values.member("json").state(resolvingReferences: false) {
            return fromJSONText(json.unredactedJSONForEvaluation, parsed: parsed)
        }
        switch composedStatements(of: document, in: plan, depth: 0) {
        case .success(let merged): return .list(merged.statements)
        case .failure(let failure): return failure.value
        }
    }

    /// One `statement` block of a policy document in the normalised shape; resources known
    /// only after apply are read from the configuration's files where they tell
    /// (``SourceDerivedValues``).
    static func statement(block: AttributeView, in plan: Plan) -> Value {
        var effect = AttributeHostValue.value(block.member("effect"))
        if case .null = effect { effect = .string("Allow") }
        return .map(
            ValueMap([
                ("effect", effect),
                ("principals", blocks(block.member("principals"), fields: ["type", "identifiers"])),
                ("not_principals", blocks(block.member("not_principals"), fields: ["type", "identifiers"])),
                ("actions", orEmpty(block.member("actions"))),
                ("not_actions", orEmpty(block.member("not_actions"))),
                ("resources", resources(block.member("resources"), in: plan)),
                ("not_resources", resources(block.member("not_resources"), in: plan)),
                ("conditions", blocks(block.member("condition"), fields: ["test", "variable", "values"])),
            ]))
    }

    /// A list of resource ARNs: as the configuration builds them when the plan knows them only
    /// after apply and the configuration's files tell, else as the plan has them.
    static func resources(_ view: AttributeView, in plan: Plan) -> Value {
        if let texts = SourceDerivedValues.strings(of: view, in: plan) {
            return .list(texts.map(Value.string))
        }
        return orEmpty(view)
    }

    static func orEmpty(_ view: AttributeView) -> Value {
        let value = AttributeHostValue.value(view)
        if case .null = value { return .list([]) }
        return value
    }

    static func blocks(_ view: AttributeView, fields: [String]) -> Value {
        switch view.state(resolvingReferences: false) {
        case .null: return .list([])
        case .computed, .unknownFromReference: return AttributeHostValue.value(view)
        case .known: break
        }
        return .list(
            (0..<view.count).map { index in
                let block = view.element(index)
                return .map(ValueMap(fields.map { ($0, orEmpty(block.member($0))) }))
            })
    }
}
