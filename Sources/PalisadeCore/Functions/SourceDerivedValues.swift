import JSON
import Policy
import TerraformPlan
import TerraformSource

/// Values a plan knows only after apply, made from what the configuration's files say they are
/// built of (``HCLBuiltValue``): the elements of a list, the argument of `jsonencode(...)`, a
/// template or heredoc, and the elements `compact([...])` keeps by module variables.
///
/// `resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]` for a bucket created in the
/// same apply is two unknown strings in the plan, and one list of references for both in its
/// configuration. The `.tf` tells the elements apart (``AttributeView/builtValue``),
/// and a bucket's ARN follows from its name: `arn:aws:s3:::NAME`. So a bucket policy that
/// denies requests without TLS on the bucket's objects is read as such before the bucket exists.
enum SourceDerivedValues {
    /// What `json_decode` gives for `unknown`, when it is one attribute of a plan resource that
    /// the configuration's files write as `jsonencode(...)` (see ``decoded(_:in:)``) or as JSON
    /// text in a template whose attributes all have a text (``string(of:in:)``); nil otherwise.
    static func decoded(_ unknown: Unknown, payload: Any?) -> Value? {
        guard let plan = (payload as? PlanEvaluationContext)?.plan, unknown.causes.count == 1,
            let cause = unknown.causes.first, !cause.computed, !cause.path.isEmpty,
            let address = cause.resource, let resource = plan.index.resource(address: address),
            let view = resource.values.attribute(atPath: cause.path)
        else { return nil }
        if let decoded = decoded(view, in: plan) { return decoded }
        return string(of: view, in: plan).map(GeneralFunctions.decodeJSON)
    }

    /// The value `jsonencode(...)` encodes for attribute `view`, as `json_decode` would give it
    /// back: objects with their keys sorted, as `jsonencode` writes them, and a string that
    /// refers to an attribute without a text (``attributeText(_:in:)``) unknown, with that
    /// reference; nil when the configuration's files do not write the attribute so.
    ///
    /// A task definition's `container_definitions` that passes a queue's URL to one container is
    /// one unknown string in the plan; read so, every other field of every container is known.
    static func decoded(_ view: AttributeView, in plan: Plan) -> Value? {
        guard case .jsonEncoded(let literal)? = readableBuiltValue(of: view) else { return nil }
        return value(of: literal, view: view, in: plan)
    }

    /// The text of a string attribute the plan knows only after apply, when the configuration's
    /// files write it as one quoted template or heredoc of text and attributes that all have a
    /// text (``attributeText(_:in:)``); nil otherwise.
    ///
    /// A bucket policy in a heredoc around the bucket's ARN is read so.
    static func string(of view: AttributeView, in plan: Plan) -> String? {
        guard case .template(let parts)? = readableBuiltValue(of: view) else { return nil }
        let (text, unresolved) = text(of: parts, view: view, in: plan)
        return unresolved.isEmpty ? text : nil
    }

    /// The elements of list `view` as text, when some are unknown and every element is text and
    /// attributes with a text (``attributeText(_:in:)``); nil otherwise.
    ///
    /// All or nothing, and in the order written: a list of `resources` is a set, whose order in
    /// the plan is not the configuration's, so the elements are taken together or not at all.
    static func strings(of view: AttributeView, in plan: Plan) -> [String]? {
        guard view.knownContainerIsArray == true, view.containsUnknown,
            case .list(let templates)? = readableBuiltValue(of: view), templates.count == view.count
        else { return nil }
        var texts: [String] = []
        for template in templates {
            guard let parts = template else { return nil }
            let (text, unresolved) = text(of: parts, view: view, in: plan)
            guard unresolved.isEmpty else { return nil }
            texts.append(text)
        }
        return texts
    }

    /// One element `compact([...])` keeps (see ``compactedElements(of:in:)``).
    enum CompactedElement {
        /// A module variable's value, a string the plan knows.
        case text(JSONValue)
        /// An attribute of another resource or data source, known only after apply.
        case attribute(PlanReference)
    }

    /// The elements of list `view`, known only after apply, when the configuration's files write
    /// it as `compact([...])` of elements chosen by module variables (``HCLChoice``) and the plan
    /// records every variable a condition or an element reads; nil otherwise.
    ///
    /// terraform-aws-modules/s3-bucket builds its bucket policy so from the documents its
    /// `attach_*` variables turn on; `compact` drops `""` and null.
    static func compactedElements(of view: AttributeView, in plan: Plan) -> [CompactedElement]? {
        guard case .compacted(let choices)? = readableBuiltValue(of: view) else { return nil }
        var elements: [CompactedElement] = []
        for choice in choices {
            var operand = choice.whenTrue
            if let condition = choice.condition {
                guard case .value(let value) = SourceExpressions.evaluate(condition, for: view, in: plan),
                    let holds = SourceExpressions.flag(value)
                else { return nil }
                if !holds { operand = choice.whenFalse }
            }
            switch operand {
            case .empty: continue
            case .variable(let name):
                switch view.variableValue(name) {
                case nil: return nil
                case .attribute(let reference): elements.append(.attribute(reference))
                case .value(let value):
                    if value.isNull || value.string == "" { continue }
                    guard value.string != nil else { return nil }
                    elements.append(.text(value))
                }
            case .reference(let written):
                guard let reference = view.resolveSourceReference(written) else { return nil }
                elements.append(.attribute(reference))
            case .attempt(let written):
                // The reference fails, and `try` gives its fallback, when the instance it names
                // is not in the plan (`count = 0`).
                guard let reference = view.resolveSourceReference(written) else { return nil }
                if plan.index.resources(matching: reference.address).isEmpty { continue }
                elements.append(.attribute(reference))
            }
        }
        return elements
    }

    /// How the `.tf` builds `view`, when it may be read for it: not for a sensitive attribute
    /// (what the `.tf` writes for it would reach messages unmarked), and not when a resource
    /// the `.tf` refers to for it is not one the plan's configuration records (files edited
    /// since the plan was made).
    private static func readableBuiltValue(of view: AttributeView) -> HCLBuiltValue? {
        guard !view.isSensitive, let built = view.builtValue else { return nil }
        var written: [String] = []
        switch built {
        case .list(let templates): for parts in templates { referenceTexts(in: parts ?? [], into: &written) }
        case .jsonEncoded(let literal): referenceTexts(in: literal, into: &written)
        case .template(let parts): referenceTexts(in: parts, into: &written)
        case .compacted(let choices):
            written += choices.flatMap(\.references)
            // Every variable the .tf reads for it must be one the plan records for it.
            let texts = Set(view.configurationReferenceTexts)
            guard choices.flatMap(\.variables).allSatisfy({ texts.contains("var." + $0) }) else { return nil }
        // A module call's argument: read for the module's variables, not as a resource's value.
        case .traversal: return nil
        case .expression(let expression):
            // The plan records the locals and variables the expression names, not what a local
            // is: each named must be one the plan records for the attribute.
            let reads = expression.reads
            let texts = Set(view.configurationReferenceTexts)
            guard reads.locals.allSatisfy({ texts.contains("local." + $0) }),
                reads.variables.allSatisfy({ texts.contains("var." + $0) })
            else { return nil }
            written += reads.attributes
        }
        let recorded = Set(view.configurationReferences.map(\.address))
        let agrees = written.allSatisfy { text in
            view.resolveSourceReference(text).map { recorded.contains($0.address) } ?? true
        }
        return agrees ? built : nil
    }

    /// The text of attribute `view`, known only after apply, as the expression the `.tf` writes
    /// for it over local values and `replace()` makes it (see ``SourceExpressions``); nil when
    /// it writes none, or one that does not evaluate to a string.
    static func evaluatedText(of view: AttributeView, in plan: Plan) -> [SourceExpressions.TextPart]? {
        guard case .expression(let expression)? = readableBuiltValue(of: view),
            case .value(.text(let parts)) = SourceExpressions.evaluate(expression, for: view, in: plan)
        else { return nil }
        return parts
    }

    /// What `json_decode` gives for JSON text whose attributes known only after apply stand
    /// inside its strings: a string that holds one is unknown, as a `jsonencode(...)` string
    /// around one is; nil when the text is not JSON, or such an attribute stands outside a string.
    static func decodedJSON(_ parts: [SourceExpressions.TextPart], view: AttributeView) -> Value? {
        // Each attribute is marked in the text by its number between two private-use
        // characters, which the text itself must not hold.
        var text = ""
        var attributes: [PlanReference] = []
        for part in parts {
            switch part {
            case .text(let literal):
                guard !literal.unicodeScalars.contains(where: { $0 == markOpen || $0 == markClose }) else {
                    return nil
                }
                text += literal
            case .attribute(let reference):
                text += String(markOpen) + String(attributes.count) + String(markClose)
                attributes.append(reference)
            }
        }
        guard let root = try? JSONDocument.parse(text).root else { return nil }
        // A JSON escape (`\ue000`) could write a mark the text did not hold: every mark read must
        // be one of the attributes, each once.
        var marks = 0
        guard let decoded = value(of: root, marking: attributes, marks: &marks, view: view, depth: 0),
            marks == attributes.count
        else { return nil }
        return decoded
    }

    private static let markOpen: Unicode.Scalar = "\u{E000}"
    private static let markClose: Unicode.Scalar = "\u{E001}"

    /// Parsed JSON as a value, its marked strings unknown (see ``decodedJSON(_:view:)``).
    private static func value(
        of json: JSONValue, marking attributes: [PlanReference], marks: inout Int, view: AttributeView,
        depth: Int
    ) -> Value? {
        guard depth < maximumDecodedDepth else { return nil }
        switch json.kind {
        case .null: return .null
        case .bool: return json.bool.map(Value.bool)
        case .int: return json.int.map(Value.int)
        case .double: return json.double.map(Value.double)
        case .string:
            guard let text = json.string else { return nil }
            guard text.unicodeScalars.contains(markOpen) else { return .string(text) }
            var unresolved: [(address: String, isARN: Bool)] = []
            var number: Int?
            for scalar in text.unicodeScalars {
                if scalar == markOpen {
                    number = 0
                } else if scalar == markClose {
                    guard let found = number, attributes.indices.contains(found) else { return nil }
                    unresolved.append((attributes[found].address, attributes[found].attribute == "arn"))
                    marks += 1
                    number = nil
                } else if let digits = number {
                    guard let digit = scalar.properties.numericType == .decimal ? Int(String(scalar)) : nil,
                        digits < attributes.count
                    else { return nil }
                    number = digits * 10 + digit
                }
            }
            guard number == nil else { return nil }
            return unknownString(unresolved, view: view)
        case .array:
            var elements: [Value] = []
            for element in json.elements {
                guard
                    let value = value(
                        of: element, marking: attributes, marks: &marks, view: view, depth: depth + 1)
                else {
                    return nil
                }
                elements.append(value)
            }
            return .list(elements)
        case .object:
            var pairs: [(String, Value)] = []
            for (key, member) in json.members {
                guard !key.unicodeScalars.contains(markOpen),
                    let value = value(
                        of: member, marking: attributes, marks: &marks, view: view, depth: depth + 1)
                else { return nil }
                pairs.append((key, value))
            }
            return .map(ValueMap(pairs))
        }
    }

    /// Decoded JSON nests no deeper than this.
    private static let maximumDecodedDepth = 64

    /// A string of `view` that holds the values of attributes known only after apply: unknown,
    /// naming their resources, and made of ARNs when every one of them is an `arn`.
    private static func unknownString(
        _ unresolved: [(address: String, isARN: Bool)], view: AttributeView
    ) -> Value {
        var seen = Set<String>()
        return .unknown(
            UnknownCause(
                path: view.path, computed: false,
                references: unresolved.map(\.address).filter { seen.insert($0).inserted },
                resource: view.resourceAddress, isMadeOfARNs: unresolved.allSatisfy(\.isARN)))
    }

    /// The references of a template and of a literal's strings, as written.
    private static func referenceTexts(in parts: [HCLTemplatePart], into texts: inout [String]) {
        for case .reference(let text) in parts { texts.append(text) }
    }

    private static func referenceTexts(in literal: HCLLiteral, into texts: inout [String]) {
        switch literal {
        case .string(let parts): referenceTexts(in: parts, into: &texts)
        case .number, .bool, .null: break
        case .tuple(let elements):
            for element in elements { referenceTexts(in: element, into: &texts) }
        case .object(let members):
            for member in members { referenceTexts(in: member.value, into: &texts) }
        }
    }

    /// The text of `parts` with each reference's text, and the references without one: their
    /// addresses (as written when they do not resolve) and whether each names an `arn`.
    private static func text(
        of parts: [HCLTemplatePart], view: AttributeView, in plan: Plan
    ) -> (text: String, unresolved: [(address: String, isARN: Bool)]) {
        var text = ""
        var unresolved: [(address: String, isARN: Bool)] = []
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .reference(let written):
                let reference = view.resolveSourceReference(written)
                if let reference, let value = attributeText(reference, in: plan) {
                    text += value
                } else {
                    unresolved.append((reference?.address ?? written, reference?.attribute == "arn"))
                }
            }
        }
        return (text, unresolved)
    }

    private static func value(of literal: HCLLiteral, view: AttributeView, in plan: Plan) -> Value? {
        switch literal {
        case .string(let parts):
            let (text, unresolved) = text(of: parts, view: view, in: plan)
            guard unresolved.isEmpty else { return unknownString(unresolved, view: view) }
            return .string(text)
        case .number(let text):
            if let integer = Int64(text) { return .int(integer) }
            return Double(text).map(Value.double)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .tuple(let elements):
            var values: [Value] = []
            for element in elements {
                guard let value = value(of: element, view: view, in: plan) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .object(let members):
            var pairs: [(String, Value)] = []
            var keys = Set<String>()
            // jsonencode writes keys in lexical order, once each (Terraform rejects repeats).
            for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
            where keys.insert(member.key).inserted {
                guard let value = value(of: member.value, view: view, in: plan) else { return nil }
                pairs.append((member.key, value))
            }
            return .map(ValueMap(pairs))
        }
    }

    /// The text of a referenced attribute: its value when the plan knows it as a string, else
    /// what follows from the resource's known arguments.
    ///
    /// An S3 bucket's `id` and `bucket` are its name, and its `arn` is `arn:aws:s3:::NAME`: the
    /// provider computes them from the name. The partition is taken to be `aws`, as the rules'
    /// queries are written (`arn:aws:s3:::NAME/*`).
    static func attributeText(_ reference: PlanReference, in plan: Plan) -> String? {
        guard let attribute = reference.attribute,
            let resource = plan.index.resource(address: reference.address)
        else { return nil }
        if let view = resource.values.attribute(atPath: attribute), let text = knownString(view) {
            return text
        }
        guard resource.type == "aws_s3_bucket", let name = knownString(resource.values.member("bucket"))
        else {
            return nil
        }
        switch attribute {
        case "arn": return "arn:aws:s3:::" + name
        case "id", "bucket": return name
        default: return nil
        }
    }

    /// The view's value when the plan knows it, it is a string and it is not sensitive: a
    /// sensitive value copied into a derived string would lose its mark.
    private static func knownString(_ view: AttributeView) -> String? {
        guard case .known(let value) = view.state(resolvingReferences: false), !value.containsSensitive else {
            return nil
        }
        return value.unredactedJSONForEvaluation.string
    }
}
