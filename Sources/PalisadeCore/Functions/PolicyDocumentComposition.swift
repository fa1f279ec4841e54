import JSON
import Policy
import TerraformPlan

/// The statements of a `data.aws_iam_policy_document` whose `json` is known only after apply,
/// merged from its parts as the AWS provider merges them.
///
/// The provider starts from `source_json`, merges each of `source_policy_documents` in order,
/// then the document's own `statement` blocks, then each of `override_policy_documents` in
/// order and `override_json`. Merging a statement with a non-empty `Sid` replaces, in place, the
/// first statement already merged with the same `Sid`; any other statement is appended.
///
/// A part read from the plan is a known JSON string, or the `json` of another policy document in
/// the plan (followed the same way). A part that cannot be read stands as an unknown statement,
/// with the reason, and every statement it may replace (one with a `Sid`) becomes unknown too:
/// a composed policy is never taken for fewer statements than it has.
extension PolicyStatements {
    /// How many documents deep parts are followed: Terraform refuses a cycle, and the bound
    /// keeps a plan written by hand finite.
    static let maximumDocumentNesting = 16

    /// The `Sid` of a statement as merging reads it.
    enum StatementID {
        /// Absent or empty: the statement is appended.
        case none
        /// A known `Sid`.
        case known(String)
        /// Known only after apply (`cause` says why): it may replace any statement with a `Sid`.
        case unknown(cause: Value)
    }

    /// Statements merged so far, each with its `Sid`.
    struct MergedStatements {
        private(set) var entries: [(id: StatementID, statement: Value)] = []

        /// The statements in merged order.
        var statements: [Value] { entries.map(\.statement) }

        /// Merges one statement: in place of the first with the same known `Sid`, else at the end.
        ///
        /// A statement whose `Sid` is unknown may replace any statement with a `Sid`, and one
        /// with a known `Sid` may replace an earlier statement whose `Sid` is unknown: what may
        /// be replaced becomes unknown.
        mutating func merge(_ statement: Value, id: StatementID) {
            switch id {
            case .none:
                entries.append((id, statement))
            case .known(let sid):
                for index in entries.indices {
                    if case .unknown(let cause) = entries[index].id, !entries[index].statement.isUnknown {
                        entries[index].statement = cause
                    }
                }
                let existing = entries.firstIndex { entry in
                    if case .known(let other) = entry.id { return other == sid }
                    return false
                }
                if let existing {
                    entries[existing].statement = statement
                } else {
                    entries.append((id, statement))
                }
            case .unknown(let cause):
                for index in entries.indices {
                    if case .none = entries[index].id { continue }
                    if !entries[index].statement.isUnknown { entries[index].statement = cause }
                }
                entries.append((id, statement))
            }
        }

        /// Merges a document that cannot be read: an unknown statement that may replace any
        /// statement with a `Sid`.
        mutating func mergeUnreadable(_ cause: Value) {
            merge(cause, id: .unknown(cause: cause))
        }

        /// Merges every statement of another merged document, in its order.
        mutating func merge(_ other: MergedStatements) {
            for entry in other.entries { merge(entry.statement, id: entry.id) }
        }
    }

    /// A value that ends the reading of a document: an error, such as a part that is not JSON.
    struct ReadFailure: Error {
        let value: Value
    }

    /// The statements of `document` merged from its parts, or the error of a part that is not a
    /// policy.
    static func composedStatements(
        of document: PlanResource, in plan: Plan, depth: Int
    ) -> Result<MergedStatements, ReadFailure> {
        let values = document.values
        var merged = MergedStatements()
        do throws(ReadFailure) {
            try mergeParts(
                values.member("source_json"), isList: false, into: &merged, plan: plan, depth: depth)
            try mergeParts(
                values.member("source_policy_documents"), isList: true, into: &merged, plan: plan,
                depth: depth)
            let statementView = values.member("statement")
            switch statementView.state(resolvingReferences: false) {
            case .null: break
            case .computed, .unknownFromReference:
                merged.mergeUnreadable(AttributeHostValue.value(statementView))
            case .known:
                for index in 0..<statementView.count {
                    let block = statementView.element(index)
                    merged.merge(statement(block: block, in: plan), id: statementID(block.member("sid")))
                }
            }
            try mergeParts(
                values.member("override_policy_documents"), isList: true, into: &merged, plan: plan,
                depth: depth)
            try mergeParts(
                values.member("override_json"), isList: false, into: &merged, plan: plan, depth: depth)
        } catch {
            return .failure(error)
        }
        return .success(merged)
    }

    /// The `Sid` of a statement block.
    static func statementID(_ view: AttributeView) -> StatementID {
        switch view.state(resolvingReferences: false) {
        case .null: return .none
        case .computed, .unknownFromReference: return .unknown(cause: AttributeHostValue.value(view))
        case .known(let value):
            guard let sid = value.unredactedJSONForEvaluation.string, !sid.isEmpty else { return .none }
            return .known(sid)
        }
    }

    /// Merges the policy documents of one part: a list of JSON strings
    /// (`source_policy_documents`, `override_policy_documents`) or one (`source_json`,
    /// `override_json`).
    ///
    /// A string known only after apply is read from the policy document it comes from when the
    /// part's expression refers to nothing but the `json` of policy documents, exactly as many
    /// of them (not read during plan) as there are such strings; they are taken in the order
    /// the expression names them. Otherwise it is unreadable.
    static func mergeParts(
        _ view: AttributeView, isList: Bool, into merged: inout MergedStatements, plan: Plan, depth: Int
    ) throws(ReadFailure) {
        let parts: [AttributeView]
        switch view.state(resolvingReferences: false) {
        case .null: return
        case .computed, .unknownFromReference:
            // A whole list known only after apply: neither its length nor its order is known,
            // unless the configuration's files tell which documents it is made of.
            guard !isList else {
                guard depth < maximumDocumentNesting,
                    let elements = SourceDerivedValues.compactedElements(of: view, in: plan)
                else {
                    merged.mergeUnreadable(AttributeHostValue.value(view))
                    return
                }
                for element in elements {
                    try mergeCompacted(element, of: view, into: &merged, plan: plan, depth: depth)
                }
                return
            }
            parts = [view]
        case .known:
            parts = isList ? (0..<view.count).map(view.element) : [view]
        }
        let unknownCount = parts.count { $0.state(resolvingReferences: false).isUnknown }
        var documents =
            unknownCount == 0 || depth >= maximumDocumentNesting
            ? nil : referencedDocuments(view, count: unknownCount, in: plan)
        for part in parts {
            switch part.state(resolvingReferences: false) {
            case .null: continue  // the provider skips a null document
            case .known(let value):
                merged.merge(try documentStatements(value.unredactedJSONForEvaluation))
            case .computed, .unknownFromReference:
                guard let document = documents?.first else {
                    merged.mergeUnreadable(AttributeHostValue.value(part))
                    continue
                }
                documents?.removeFirst()
                switch composedStatements(of: document, in: plan, depth: depth + 1) {
                case .success(let statements): merged.merge(statements)
                case .failure(let failure): throw failure
                }
            }
        }
    }

    /// Merges one document a `compact([...])` list keeps: a string the plan knows, or the `json`
    /// of a policy document, followed as ``mergeParts(_:isList:into:plan:depth:)`` follows it.
    private static func mergeCompacted(
        _ element: SourceDerivedValues.CompactedElement, of view: AttributeView,
        into merged: inout MergedStatements, plan: Plan, depth: Int
    ) throws(ReadFailure) {
        switch element {
        case .text(let json):
            merged.merge(try documentStatements(json))
        case .attribute(let reference):
            guard let document = policyDocument(reference, in: plan) else {
                merged.mergeUnreadable(AttributeHostValue.value(view))
                return
            }
            if case .known(let value) = document.values.member("json").state(resolvingReferences: false) {
                merged.merge(try documentStatements(value.unredactedJSONForEvaluation))
                return
            }
            switch composedStatements(of: document, in: plan, depth: depth + 1) {
            case .success(let statements): merged.merge(statements)
            case .failure(let failure): throw failure
            }
        }
    }

    /// The attributes of a policy document that hold its JSON text.
    static let documentAttributes: Set<String> = ["json", "minified_json"]

    /// True for a `data.aws_iam_policy_document`.
    static func isPolicyDocument(_ resource: PlanResource) -> Bool {
        resource.mode == .data && resource.type == "aws_iam_policy_document"
    }

    /// The one policy document whose JSON `reference` names (its `json` or `minified_json`); nil
    /// for any other reference.
    static func policyDocument(_ reference: PlanReference, in plan: Plan) -> PlanResource? {
        guard let attribute = reference.attribute, documentAttributes.contains(attribute) else { return nil }
        let targets = plan.index.resources(matching: reference.address)
        return targets.count == 1 && isPolicyDocument(targets[0]) ? targets[0] : nil
    }

    /// The policy documents a policy known only after apply is, when its configuration names
    /// nothing else: every document each reference names (its JSON, or the object Terraform
    /// lists beside such a reference), in order; nil when a reference goes through a local value
    /// (whose expression the plan does not record), names another resource, or when two
    /// documents are named by their JSON (`var.strict ? a.json : b.json` is one or the other,
    /// which the plan does not say).
    static func soleDocuments(of view: AttributeView, in plan: Plan) -> [PlanResource]? {
        guard !view.refersToLocalValues else { return nil }
        var documents: [PlanResource] = []
        var listed = Set<ObjectIdentifier>()
        var named: ObjectIdentifier?
        for reference in view.configurationReferences {
            let targets = plan.index.resources(matching: reference.address)
            guard !targets.isEmpty, targets.allSatisfy(isPolicyDocument),
                reference.attribute.map(documentAttributes.contains) ?? true
            else { return nil }
            if reference.attribute != nil, targets.count == 1 {
                let document = ObjectIdentifier(targets[0])
                guard named == nil || named == document else { return nil }
                named = document
            }
            for target in targets where listed.insert(ObjectIdentifier(target)).inserted {
                documents.append(target)
            }
        }
        return documents
    }

    /// The policy documents whose `json` the part at `view` is made of, in the order its
    /// expression names them; nil unless that is certain.
    ///
    /// It is certain when every reference is to a `data.aws_iam_policy_document` (its `json` or
    /// `minified_json`, or the object Terraform lists beside such a reference) and the documents
    /// whose JSON is known only after apply are exactly `count`.
    static func referencedDocuments(_ view: AttributeView, count: Int, in plan: Plan) -> [PlanResource]? {
        var documents: [PlanResource] = []
        var named = Set<ObjectIdentifier>()
        var objects: [PlanResource] = []
        for reference in view.configurationReferences {
            let targets = plan.index.resources(matching: reference.address)
            guard !targets.isEmpty, targets.allSatisfy(isPolicyDocument) else { return nil }
            switch reference.attribute {
            case let attribute? where documentAttributes.contains(attribute):
                for target in targets where named.insert(ObjectIdentifier(target)).inserted {
                    documents.append(target)
                }
            case nil:
                objects += targets
            default:
                return nil
            }
        }
        guard objects.allSatisfy({ named.contains(ObjectIdentifier($0)) }) else { return nil }
        let pending = documents.filter {
            $0.values.member("json").state(resolvingReferences: false).isUnknown
        }
        return pending.count == count ? pending : nil
    }

    /// The statements of a policy document's JSON text, each with its `Sid`; an error when it is
    /// not JSON.
    static func documentStatements(_ json: JSONValue) throws(ReadFailure) -> MergedStatements {
        let document: JSONValue
        if json.kind == .object {
            document = json
        } else if let text = json.string {
            if text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
                return MergedStatements()
            }
            do throws(JSONParseError) {
                document = try JSONDocument.parse(text).root
            } catch {
                throw ReadFailure(value: .error("a policy document is not valid JSON: \(error.description)"))
            }
        } else {
            throw ReadFailure(value: .error("a policy document must be a JSON string"))
        }
        var merged = MergedStatements()
        for object in statementObjects(of: document) {
            let sid = object["Sid"]?.string ?? ""
            merged.merge(statement(object), id: sid.isEmpty ? .none : .known(sid))
        }
        return merged
    }
}
