import JSON
import TerraformPlan
import TerraformSource

/// What an expression of the `.tf` (``HCLExpression``) will be after apply, evaluated against a
/// plan: module variables and attributes as the plan records them, local values as the `.tf`
/// writes them, and an attribute known only after apply kept as a part of its text.
///
/// terraform-aws-modules/s3-bucket v5 writes its bucket policy as `local.policy`, which replaces
/// placeholders in a policy document known while planning with the bucket's ARN: the plan holds
/// one unknown string, and the evaluation the document with the bucket's ARN in its `Resource`.
///
/// The evaluation follows Terraform where it reads: only the branch a conditional takes; `try`
/// takes its first argument that does not fail, and one fails where Terraform's would (an
/// instance the plan does not have, a missing object key); `&&`, `||`, `!` and a condition take
/// `"true"` and `"false"` as bools, `==` compares without converting. Anything else it cannot
/// tell is ``Outcome/unreadable``, never a guess.
enum SourceExpressions {
    /// One part of a string: text, or an attribute whose value is known only after apply.
    enum TextPart: Equatable {
        case text(String)
        case attribute(PlanReference)
    }

    /// A value an expression evaluates to.
    enum Value {
        case null
        case bool(Bool)
        case number(String)
        case text([TextPart])
        /// An object literal's members, evaluated when read (a plan exists, so Terraform
        /// evaluated every local value without an error outside `try`).
        case object([String: HCLExpression])
    }

    /// What an evaluation gives.
    enum Outcome {
        case value(Value)
        /// Terraform fails here: `try` takes its next argument.
        case fails
        /// Not something this evaluation reads, or a value the plan does not record.
        case unreadable
    }

    /// The value of `expression`, written for attribute `view` (whose module's variables and
    /// locals it reads).
    static func evaluate(_ expression: HCLExpression, for view: AttributeView, in plan: Plan) -> Outcome {
        Evaluation(view: view, plan: plan).evaluate(expression, depth: 0)
    }

    /// How many expressions one evaluation may evaluate, and how long a text it may make:
    /// locals that read each other several times over (`replace(local.a, local.a, local.a)`)
    /// would otherwise take time and memory exponential in their depth.
    static let maximumSteps = 10_000
    static let maximumTextLength = 1 << 20

    private final class Evaluation {
        let view: AttributeView
        let plan: Plan
        private var steps = 0

        init(view: AttributeView, plan: Plan) {
            self.view = view
            self.plan = plan
        }

        func evaluate(_ expression: HCLExpression, depth: Int) -> Outcome {
            steps += 1
            guard depth < HCLExpression.maximumDepth, steps <= SourceExpressions.maximumSteps else {
                return .unreadable
            }
            switch expression {
            case .null: return .value(.null)
            case .bool(let flag): return .value(.bool(flag))
            case .number(let text): return .value(.number(text))
            case .template(let parts): return template(parts)
            case .variable(let name): return variable(name)
            case .local(let name):
                guard case .expression(let definition)? = view.localBuiltValue(name) else {
                    return .unreadable
                }
                return evaluate(definition, depth: depth + 1)
            case .attribute(let written):
                guard let reference = view.resolveSourceReference(written) else { return .unreadable }
                return attribute(reference)
            case .member(let operand, let key):
                switch evaluate(operand, depth: depth + 1) {
                case .value(.object(let members)):
                    // A key the object does not have is an error in Terraform.
                    guard let member = members[key] else { return .fails }
                    return evaluate(member, depth: depth + 1)
                case .fails: return .fails
                default: return .unreadable
                }
            case .object(let members):
                var table: [String: HCLExpression] = [:]
                for member in members where table[member.key] == nil { table[member.key] = member.value }
                return .value(.object(table))
            case .not(let operand):
                return logical([operand], depth: depth) { !$0[0] }
            case .and(let left, let right):
                // Both sides are evaluated, as Terraform does.
                return logical([left, right], depth: depth) { $0[0] && $0[1] }
            case .or(let left, let right):
                return logical([left, right], depth: depth) { $0[0] || $0[1] }
            case .equals(let left, let right, let negated):
                return equality(left, right, negated: negated, depth: depth)
            case .conditional(let condition, let whenTrue, let whenFalse):
                switch evaluate(condition, depth: depth + 1) {
                case .value(let value):
                    guard let holds = SourceExpressions.flag(value) else { return .unreadable }
                    return evaluate(holds ? whenTrue : whenFalse, depth: depth + 1)
                case let other: return other
                }
            case .replace(let string, let substring, let replacement):
                return replace(string, substring, replacement, depth: depth)
            case .attempt(let arguments):
                for argument in arguments {
                    switch evaluate(argument, depth: depth + 1) {
                    case .fails: continue
                    case let other: return other
                    }
                }
                return .fails
            }
        }

        private func template(_ parts: [HCLTemplatePart]) -> Outcome {
            var text: [TextPart] = []
            for part in parts {
                switch part {
                case .text(let literal): text.append(.text(literal))
                case .reference(let written):
                    guard let reference = view.resolveSourceReference(written),
                        case .value(.text(let inner)) = attribute(reference)
                    else { return .unreadable }
                    text += inner
                }
            }
            return .value(.text(SourceExpressions.joined(text)))
        }

        private func variable(_ name: String) -> Outcome {
            switch view.variableValue(name) {
            case nil: return .unreadable
            case .attribute(let reference): return attribute(reference)
            case .value(let value): return Self.scalar(value)
            }
        }

        /// The value of an attribute of a resource or data source in the plan: its text when the
        /// plan knows it (or it follows from the resource's known arguments, as a bucket's ARN
        /// from its name), else a part of text known only after apply.
        private func attribute(_ reference: PlanReference) -> Outcome {
            guard let path = reference.attribute else { return .unreadable }
            guard let resource = plan.index.resource(address: reference.address) else {
                // An instance of `count` or `for_each` the plan does not have: Terraform fails on
                // the index (so `try` goes on).
                return reference.address.hasSuffix("]") ? .fails : .unreadable
            }
            if let text = SourceDerivedValues.attributeText(reference, in: plan) {
                return .value(.text([.text(text)]))
            }
            guard let view = resource.values.attribute(atPath: path) else { return .unreadable }
            switch view.state(resolvingReferences: false) {
            case .null: return .value(.null)
            case .computed, .unknownFromReference: return .value(.text([.attribute(reference)]))
            case .known(let value):
                guard !value.containsSensitive else { return .unreadable }
                return Self.scalar(value.unredactedJSONForEvaluation)
            }
        }

        private func logical(
            _ operands: [HCLExpression], depth: Int, combine: ([Bool]) -> Bool
        ) -> Outcome {
            var flags: [Bool] = []
            var failed = false
            for operand in operands {
                switch evaluate(operand, depth: depth + 1) {
                case .value(let value):
                    guard let flag = SourceExpressions.flag(value) else { return .unreadable }
                    flags.append(flag)
                case .fails: failed = true
                case .unreadable: return .unreadable
                }
            }
            return failed ? .fails : .value(.bool(combine(flags)))
        }

        private func equality(
            _ left: HCLExpression, _ right: HCLExpression, negated: Bool, depth: Int
        ) -> Outcome {
            let sides = [evaluate(left, depth: depth + 1), evaluate(right, depth: depth + 1)]
            var values: [Value] = []
            for side in sides {
                switch side {
                case .value(let value): values.append(value)
                case .fails: return .fails
                case .unreadable: return .unreadable
                }
            }
            let equal: Bool
            switch (values[0], values[1]) {
            case (.null, .null): equal = true
            case (.null, .bool), (.bool, .null), (.null, .number), (.number, .null): equal = false
            case (.null, .text(let parts)), (.text(let parts), .null):
                // Text is never null; one attribute known only after apply may be, unless it is a
                // policy document's JSON.
                if parts.count == 1, case .attribute(let reference) = parts[0],
                    PolicyStatements.policyDocument(reference, in: plan) == nil
                {
                    return .unreadable
                }
                equal = false
            case (.bool(let first), .bool(let second)): equal = first == second
            case (.bool(let flag), .text(let parts)), (.text(let parts), .bool(let flag)):
                // A bool variable's argument as written, `"true"` (see ``SourceExpressions/flag(_:)``).
                guard let other = SourceExpressions.flag(.text(parts)) else { return .unreadable }
                equal = flag == other
            case (.number(let first), .number(let second)):
                guard let first = Double(first), let second = Double(second) else { return .unreadable }
                equal = first == second
            case (.text(let first), .text(let second)):
                guard let first = SourceExpressions.plainText(first),
                    let second = SourceExpressions.plainText(second)
                else { return .unreadable }
                equal = first == second
            default:
                return .unreadable
            }
            return .value(.bool(equal != negated))
        }

        /// `replace(string, substring, replacement)` with a plain substring (one between slashes
        /// is a regular expression, not read).
        private func replace(
            _ string: HCLExpression, _ substring: HCLExpression, _ replacement: HCLExpression, depth: Int
        ) -> Outcome {
            var texts: [[TextPart]] = []
            for argument in [string, substring, replacement] {
                switch evaluate(argument, depth: depth + 1) {
                case .value(.text(let parts)): texts.append(parts)
                // Terraform rejects a null argument.
                case .value(.null), .fails: return .fails
                default: return .unreadable
                }
            }
            guard let needle = SourceExpressions.plainText(texts[1]), !needle.isEmpty,
                !(needle.count >= 2 && needle.hasPrefix("/") && needle.hasSuffix("/"))
            else { return .unreadable }
            let replacementLength = SourceExpressions.textLength(texts[2])
            var result: [TextPart] = []
            var length = 0
            for part in texts[0] {
                switch part {
                case .text(let text):
                    var first = true
                    for piece in text.split(separator: needle, omittingEmptySubsequences: false) {
                        if !first {
                            result += texts[2]
                            length += replacementLength
                        }
                        result.append(.text(String(piece)))
                        length += piece.utf8.count
                        first = false
                        guard length <= SourceExpressions.maximumTextLength else { return .unreadable }
                    }
                case .attribute(let reference):
                    // Its text, known only after apply, must not take part in a match.
                    guard !SourceExpressions.mayOverlap(needle, reference, in: plan) else {
                        return .unreadable
                    }
                    result.append(part)
                }
            }
            return .value(.text(SourceExpressions.joined(result)))
        }

        /// A JSON scalar as a value; nil for an array or object, which is not read.
        static func scalar(_ value: JSONValue) -> Outcome {
            switch value.kind {
            case .null: return .value(.null)
            case .bool: return value.bool.map { .value(.bool($0)) } ?? .unreadable
            case .string: return value.string.map { .value(.text([.text($0)])) } ?? .unreadable
            case .int: return value.int.map { .value(.number(String($0))) } ?? .unreadable
            case .double: return value.double.map { .value(.number(String($0))) } ?? .unreadable
            default: return .unreadable
            }
        }

    }

    /// A value as a condition takes it: a bool, or the strings Terraform converts to one (a
    /// module argument is recorded as written, `"true"` for a bool variable).
    static func flag(_ value: Value) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .text(let parts):
            switch plainText(parts) {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The text of parts that hold no attribute known only after apply.
    static func plainText(_ parts: [TextPart]) -> String? {
        var text = ""
        for part in parts {
            guard case .text(let literal) = part else { return nil }
            text += literal
        }
        return text
    }

    /// The length in bytes of the texts among `parts`, each attribute counting one: what a
    /// text's size is bounded by.
    static func textLength(_ parts: [TextPart]) -> Int {
        parts.reduce(0) { total, part in
            if case .text(let text) = part { total + text.utf8.count } else { total + 1 }
        }
    }

    /// Adjacent texts joined into one, empty texts dropped.
    static func joined(_ parts: [TextPart]) -> [TextPart] {
        var result: [TextPart] = []
        for part in parts {
            if case .text(let text) = part {
                if text.isEmpty { continue }
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                    continue
                }
            }
            result.append(part)
        }
        return result
    }

    /// Whether a match of `needle` could take in part of the value of `reference`, which is
    /// known only after apply.
    ///
    /// Nothing can be said of most values, so they may. An S3 bucket's name and ARN are made of
    /// lower-case letters, digits, `.`, `-`, `:` and `/` (a directory bucket's ARN), and are at
    /// least three characters long: a needle that starts and ends with another character and
    /// holds no run of three of them (`_S3_BUCKET_ARN_`) can neither overlap such a value at
    /// its ends nor take it in whole.
    static func mayOverlap(_ needle: String, _ reference: PlanReference, in plan: Plan) -> Bool {
        guard let resource = plan.index.resource(address: reference.address),
            bucketTypes.contains(resource.type), let attribute = reference.attribute,
            ["id", "bucket", "arn"].contains(attribute)
        else { return true }
        func isBucketCharacter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "/")
        }
        let bytes = Array(needle.utf8)
        guard let first = bytes.first, let last = bytes.last, !isBucketCharacter(first),
            !isBucketCharacter(last)
        else { return true }
        var run = 0
        for byte in bytes {
            run = isBucketCharacter(byte) ? run + 1 : 0
            if run >= 3 { return true }
        }
        return false
    }

    private static let bucketTypes: Set<String> = ["aws_s3_bucket", "aws_s3_directory_bucket"]
}
