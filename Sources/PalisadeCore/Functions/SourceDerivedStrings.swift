import JSON
import Policy
import TerraformPlan

/// The strings of a list that a plan knows only after apply, made from what the
/// configuration's files say each element is built of.
///
/// `resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]` for a bucket created in the
/// same apply is two unknown strings in the plan, and one list of references for both in its
/// configuration. The `.tf` tells the elements apart (``AttributeView/sourceElementTemplates``),
/// and a bucket's ARN follows from its name: `arn:aws:s3:::NAME`. So a bucket policy that
/// denies requests without TLS on the bucket's objects is read as such before the bucket exists.
enum SourceDerivedStrings {
    /// The elements of list `view` as text, when some are unknown and every element is text and
    /// attributes whose values the plan knows or that follow from it (``attributeText(_:in:)``);
    /// nil otherwise.
    ///
    /// All or nothing, and in the order written: a list of `resources` is a set, whose order in
    /// the plan is not the configuration's, so the elements are taken together or not at all.
    static func strings(of view: AttributeView, in plan: Plan) -> [String]? {
        guard view.knownContainerIsArray == true, view.containsUnknown,
            let templates = view.sourceElementTemplates, templates.count == view.count
        else { return nil }
        var texts: [String] = []
        for template in templates {
            guard let parts = template else { return nil }
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .reference(let reference):
                    guard let value = attributeText(reference, in: plan) else { return nil }
                    text += value
                }
            }
            texts.append(text)
        }
        return texts
    }

    /// The JSON text of `jsonencode(...)` for an attribute the plan knows only after apply, when
    /// the configuration's files write its argument as literals, templates and resource
    /// attributes that all have a text (``attributeText(_:in:)``); nil otherwise.
    ///
    /// A bucket policy written inline around the bucket's ARN
    /// (`jsonencode({Statement = [{Resource = "${aws_s3_bucket.b.arn}/*", ...}]})`) is read so.
    static func jsonText(of view: AttributeView, in plan: Plan) -> String? {
        guard let literal = view.sourceEncodedLiteral else { return nil }
        var writer = JSONWriter(indent: 0)
        guard write(literal, of: view, in: plan, to: &writer) else { return nil }
        return writer.text
    }

    private static func write(
        _ literal: SourceLiteral, of view: AttributeView, in plan: Plan, to writer: inout JSONWriter
    ) -> Bool {
        switch literal {
        case .string(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .reference(let written):
                    guard let reference = view.resolveSourceReference(written),
                        let value = attributeText(reference, in: plan)
                    else { return false }
                    text += value
                }
            }
            writer.string(text)
        case .number(let text):
            guard let number = Double(text) else { return false }
            writer.double(number)
        case .bool(let flag): writer.bool(flag)
        case .null: writer.null()
        case .tuple(let elements):
            writer.beginArray()
            for element in elements {
                guard write(element, of: view, in: plan, to: &writer) else { return false }
            }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for member in members {
                writer.key(member.key)
                guard write(member.value, of: view, in: plan, to: &writer) else { return false }
            }
            writer.endObject()
        }
        return true
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

    /// The view's value when the plan knows it and it is a string.
    private static func knownString(_ view: AttributeView) -> String? {
        guard case .known(let value) = view.state(resolvingReferences: false) else { return nil }
        return value.unredactedJSONForEvaluation.string
    }
}
