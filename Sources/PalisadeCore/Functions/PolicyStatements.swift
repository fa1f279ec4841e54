import JSON
import Policy
import TerraformPlan

/// IAM policy documents normalised to one shape, whatever their source (inline JSON,
/// `jsonencode`, an `aws_iam_policy_document` data source):
/// `{effect, principals: [{type, identifiers}], not_principals, actions, not_actions,
/// resources, conditions: [{test, variable, values}]}`.
///
/// Sources, in order: the attribute's JSON string; when that is unknown because it comes from a
/// `data.aws_iam_policy_document`, the data source's JSON if it was read during plan, else its
/// statement blocks (effect, actions and principals are usually constants even when resources
/// are not); otherwise the statements are unknown.
enum PolicyStatements {
    static func statements(of resource: PlanResource, attribute: String, in plan: Plan) -> Value {
        guard let view = resource.values.attribute(atPath: attribute) else { return .list([]) }
        switch view.state {
        case .null, .computed:
            return .list([])
        case .known(let value):
            return fromJSONText(value.unredactedJSONForEvaluation)
        case .unknownFromReference:
            let documents = plan.index.resources(referencedBy: view).filter {
                $0.type == "aws_iam_policy_document"
            }
            guard !documents.isEmpty else { return AttributeHostValue.value(view) }
            var all: [Value] = []
            for document in documents {
                let statements = fromDataSource(document)
                switch statements {
                case .list(let list): all += list
                default: return statements
                }
            }
            return .list(all)
        }
    }

    static func fromJSONText(_ json: JSONValue) -> Value {
        if json.kind == .object { return fromJSON(json) }
        guard let text = json.string else { return .error("a policy must be a JSON string") }
        // An empty policy string is no policy (the provider accepts it for "no bucket policy").
        if text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) { return .list([]) }
        do throws(JSONParseError) {
            return fromJSON(try JSONDocument.parse(text).root)
        } catch {
            return .error("the policy is not valid JSON: \(error.description)")
        }
    }

    static func fromJSON(_ document: JSONValue) -> Value {
        guard let statement = document["Statement"] else { return .list([]) }
        let statements = statement.kind == .array ? Array(statement.elements) : [statement]
        return .list(
            statements.map { s in
                .map(
                    ValueMap([
                        ("effect", .string(s["Effect"]?.string ?? "Allow")),
                        ("principals", principals(s["Principal"])),
                        ("not_principals", principals(s["NotPrincipal"])),
                        ("actions", strings(s["Action"])),
                        ("not_actions", strings(s["NotAction"])),
                        ("resources", strings(s["Resource"])),
                        ("conditions", conditions(s["Condition"])),
                    ]))
            })
    }

    static func strings(_ json: JSONValue?) -> Value {
        guard let json else { return .list([]) }
        switch json.kind {
        case .array:
            return .list(
                json.elements.map { element in
                    element.string.map(Value.string) ?? JSONHostValue.value(element)
                })
        case .null: return .list([])
        default: return .list([JSONHostValue.value(json)])
        }
    }

    static func principals(_ json: JSONValue?) -> Value {
        guard let json, !json.isNull else { return .list([]) }
        if let text = json.string {
            return .list([
                .map(["type": .string(text == "*" ? "*" : "AWS"), "identifiers": .list([.string(text)])])
            ])
        }
        return .list(
            json.members.map { key, value in .map(["type": .string(key), "identifiers": strings(value)]) })
    }

    static func conditions(_ json: JSONValue?) -> Value {
        guard let json, json.kind == .object else { return .list([]) }
        var result: [Value] = []
        json.forEachMember { test, variables in
            variables.forEachMember { variable, values in
                result.append(
                    .map(["test": .string(test), "variable": .string(variable), "values": strings(values)]))
            }
        }
        return .list(result)
    }

    /// Statements of a `data.aws_iam_policy_document`: its JSON when read during plan, otherwise
    /// its statement blocks as planned.
    static func fromDataSource(_ document: PlanResource) -> Value {
        let values = document.values
        if case .known(let json) = values.member("json").state {
            return fromJSONText(json.unredactedJSONForEvaluation)
        }
        let statementView = values.member("statement")
        switch statementView.state {
        case .null: return .list([])
        case .computed, .unknownFromReference: return AttributeHostValue.value(statementView)
        case .known: break
        }
        var statements: [Value] = []
        for index in 0..<statementView.count {
            let block = statementView.element(index)
            var effect = AttributeHostValue.value(block.member("effect"))
            if case .null = effect { effect = .string("Allow") }
            statements.append(
                .map(
                    ValueMap([
                        ("effect", effect),
                        ("principals", blocks(block.member("principals"), fields: ["type", "identifiers"])),
                        (
                            "not_principals",
                            blocks(block.member("not_principals"), fields: ["type", "identifiers"])
                        ),
                        ("actions", orEmpty(block.member("actions"))),
                        ("not_actions", orEmpty(block.member("not_actions"))),
                        ("resources", orEmpty(block.member("resources"))),
                        (
                            "conditions",
                            blocks(block.member("condition"), fields: ["test", "variable", "values"])
                        ),
                    ])))
        }
        return .list(statements)
    }

    static func orEmpty(_ view: AttributeView) -> Value {
        let value = AttributeHostValue.value(view)
        if case .null = value { return .list([]) }
        return value
    }

    static func blocks(_ view: AttributeView, fields: [String]) -> Value {
        switch view.state {
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

    /// True when a statement's principal is anyone: `"*"` or `{"AWS": "*"}`; unknown when a
    /// principal it cannot rule out is not known before apply.
    static func principalIsPublic(_ statement: Value) -> Value {
        let principals: Value
        switch statement {
        case .map(let map): principals = map["principals"] ?? .list([])
        case .unknown: return statement
        default: return .error("principal_is_public expects a statement from policy_statements")
        }
        if principals.isUnknown { return principals }
        var undecided: Value?
        for principal in elements(principals) {
            guard case .map(let entry) = principal else { continue }
            let type = entry["type"] ?? .null
            let identifiers = entry["identifiers"] ?? .list([])
            guard case .string(let typeName) = type else {
                if type.isUnknown { undecided = type }
                continue
            }
            if typeName == "*" { return .bool(true) }
            guard typeName == "AWS" else { continue }
            if identifiers.isUnknown {
                undecided = identifiers
                continue
            }
            for identifier in elements(identifiers) {
                if identifier.stringValue == "*" { return .bool(true) }
                if identifier.isUnknown { undecided = identifier }
            }
        }
        return undecided ?? .bool(false)
    }

    /// The elements of a literal or host list; empty for anything else.
    static func elements(_ value: Value) -> [Value] {
        switch value {
        case .list(let list): return list
        case .host(let host) where host.kind == .list: return (0..<host.count).map { host.element(at: $0) }
        default: return []
        }
    }
}
