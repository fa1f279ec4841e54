/// An expression of the `.tf` in the small part of HCL that palisade evaluates against a plan:
/// what `locals` make of module variables, resource attributes and other locals.
///
/// A plan records no local value, only that an attribute reads `local.NAME`.
/// terraform-aws-modules/s3-bucket v5 writes its bucket policy so: `policy = local.policy`, where
/// `local.policy` puts the bucket's ARN, name and account in place of placeholders
/// (`_S3_BUCKET_ARN_`) in a policy document known while planning, with three nested `replace()`
/// calls under a condition of module variables.
public indirect enum HCLExpression: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as written.
    case number(String)
    /// A quoted template or heredoc of text and attribute traversals (see ``HCLTemplates``).
    case template([HCLTemplatePart])
    /// `var.NAME`.
    case variable(String)
    /// `local.NAME`.
    case local(String)
    /// A resource or data source attribute, as a plan's `configuration` writes references
    /// (`aws_s3_bucket.this[0].arn`).
    case attribute(String)
    /// `operand["key"]` or `operand.key`.
    case member(HCLExpression, key: String)
    /// `{ key = value, ... }`, in the order written.
    case object([HCLExpressionMember])
    /// `!operand`.
    case not(HCLExpression)
    /// `left && right`.
    case and(HCLExpression, HCLExpression)
    /// `left || right`.
    case or(HCLExpression, HCLExpression)
    /// `left == right`, or `left != right` when `negated`.
    case equals(HCLExpression, HCLExpression, negated: Bool)
    /// `condition ? whenTrue : whenFalse`.
    case conditional(HCLExpression, HCLExpression, HCLExpression)
    /// `replace(string, substring, replacement)`.
    case replace(HCLExpression, HCLExpression, HCLExpression)
    /// `try(first, ...)`: the first argument that evaluates without an error.
    case attempt([HCLExpression])

    /// How deeply expressions nest when read (each operator of a chain counts), and when
    /// evaluated (each local value read counts too).
    public static let maximumDepth = 32

    /// The local values, module variables and attribute traversals the expression reads itself
    /// (not through the locals it reads), in the order written.
    public var reads: (locals: [String], variables: [String], attributes: [String]) {
        var found: (locals: [String], variables: [String], attributes: [String]) = ([], [], [])
        collectReads(into: &found)
        return found
    }

    private func collectReads(into found: inout (locals: [String], variables: [String], attributes: [String]))
    {
        switch self {
        case .null, .bool, .number: break
        case .template(let parts):
            for case .reference(let text) in parts { found.attributes.append(text) }
        case .variable(let name): found.variables.append(name)
        case .local(let name): found.locals.append(name)
        case .attribute(let text): found.attributes.append(text)
        case .member(let operand, _), .not(let operand): operand.collectReads(into: &found)
        case .object(let members): for member in members { member.value.collectReads(into: &found) }
        case .and(let left, let right), .or(let left, let right), .equals(let left, let right, _):
            left.collectReads(into: &found)
            right.collectReads(into: &found)
        case .conditional(let first, let second, let third), .replace(let first, let second, let third):
            for operand in [first, second, third] { operand.collectReads(into: &found) }
        case .attempt(let arguments): for argument in arguments { argument.collectReads(into: &found) }
        }
    }

    /// True when it reads a local value, calls `replace()` or chooses (a conditional, `try`):
    /// what a resource attribute's expression must do to be kept, since a plan records none of
    /// these (only one unknown value and every reference of every branch); it reads every other
    /// form itself, or another reader of ``HCLBuiltValue`` does.
    var isBeyondThePlan: Bool {
        switch self {
        case .local, .replace, .conditional, .attempt: true
        case .null, .bool, .number, .template, .variable, .attribute: false
        case .member(let operand, _), .not(let operand): operand.isBeyondThePlan
        case .object(let members): members.contains { $0.value.isBeyondThePlan }
        case .and(let left, let right), .or(let left, let right), .equals(let left, let right, _):
            left.isBeyondThePlan || right.isBeyondThePlan
        }
    }
}

/// One `key = value` of an object expression.
public struct HCLExpressionMember: Sendable, Equatable {
    /// The key: a name or a quoted string without interpolation.
    public let key: String
    /// Its value.
    public let value: HCLExpression

    /// A member from its parts.
    public init(key: String, value: HCLExpression) {
        self.key = key
        self.value = value
    }
}

/// Reads an ``HCLExpression`` from an attribute's tokens; nil for anything outside it: any other
/// function, operator, `for`, splat, template directive or computed index.
enum HCLExpressions {
    /// The expression `tokens` (line breaks included) make, when all of them are read.
    static func read(_ tokens: [HCLToken]) -> HCLExpression? {
        var reader = Reader(tokens: tokens.filter { $0.kind != .newline })
        guard let expression = reader.expression(depth: 0), reader.isAtEnd else { return nil }
        return expression
    }

    /// A condition written from `start` of `tokens` (line breaks removed): `||`, `&&`, `==`,
    /// `!=`, `!` and parentheses over operands, without a conditional; nil when none is, and
    /// with the index after it.
    static func readCondition(_ tokens: [HCLToken], from start: Int) -> (HCLExpression, end: Int)? {
        var reader = Reader(tokens: tokens, index: start)
        return reader.disjunction(depth: 0).map { ($0, reader.index) }
    }

    private struct Reader: HCLTokenCursor {
        let tokens: [HCLToken]
        var index = 0

        /// `or ? expression : expression`, or `or`; a conditional's branches may be conditionals.
        mutating func expression(depth: Int) -> HCLExpression? {
            guard depth < HCLExpression.maximumDepth, let condition = disjunction(depth: depth + 1) else {
                return nil
            }
            guard take(.symbol, "?") else { return condition }
            guard let whenTrue = expression(depth: depth + 1), take(.symbol, ":"),
                let whenFalse = expression(depth: depth + 1)
            else { return nil }
            return .conditional(condition, whenTrue, whenFalse)
        }

        mutating func disjunction(depth: Int) -> HCLExpression? {
            chain(
                "|", depth: depth, maximumDepth: HCLExpression.maximumDepth,
                operand: { $0.conjunction(depth: $1) },
                combine: HCLExpression.or)
        }

        mutating func conjunction(depth: Int) -> HCLExpression? {
            chain(
                "&", depth: depth, maximumDepth: HCLExpression.maximumDepth,
                operand: { $0.equality(depth: $1) },
                combine: HCLExpression.and)
        }

        mutating func equality(depth: Int) -> HCLExpression? {
            guard let left = unary(depth: depth) else { return nil }
            for (symbol, negated) in [("==", false), ("!=", true)] where take(.symbol, symbol) {
                guard let right = unary(depth: depth + 1) else { return nil }
                return .equals(left, right, negated: negated)
            }
            return left
        }

        mutating func unary(depth: Int) -> HCLExpression? {
            guard depth < HCLExpression.maximumDepth else { return nil }
            if take(.symbol, "!") { return unary(depth: depth + 1).map(HCLExpression.not) }
            guard var operand = primary(depth: depth + 1) else { return nil }
            // Members of locals, variables, objects and parenthesised expressions (an attribute
            // traversal has taken its own steps). Each step nests the tree one level deeper.
            var depth = depth
            while true {
                let key: String
                if take(.symbol, ".") {
                    guard let name = current, name.kind == .identifier else { return nil }
                    key = name.text
                    index += 1
                } else if take(.open, "[") {
                    guard let token = current, let text = Self.plainString(token) else { return nil }
                    index += 1
                    guard take(.close, "]") else { return nil }
                    key = text
                } else {
                    return operand
                }
                depth += 1
                guard depth < HCLExpression.maximumDepth else { return nil }
                operand = .member(operand, key: key)
            }
        }

        mutating func primary(depth: Int) -> HCLExpression? {
            guard let token = current else { return nil }
            switch token.kind {
            case .number:
                index += 1
                return .number(token.text)
            case .quotedString, .heredoc:
                guard let parts = HCLTemplates.stringTemplate(token) else { return nil }
                index += 1
                return .template(parts)
            case .open where token.text == "(":
                index += 1
                guard let inner = expression(depth: depth + 1), take(.close, ")") else { return nil }
                return inner
            case .open where token.text == "{":
                index += 1
                return object(depth: depth + 1)
            case .identifier:
                return named(token, depth: depth)
            default:
                return nil
            }
        }

        mutating func named(_ token: HCLToken, depth: Int) -> HCLExpression? {
            switch token.text {
            case "null":
                index += 1
                return .null
            case "true", "false":
                index += 1
                return .bool(token.text == "true")
            case "var", "local":
                guard index + 2 < tokens.count, tokens[index + 1].kind == .symbol,
                    tokens[index + 1].text == ".",
                    tokens[index + 2].kind == .identifier
                else { return nil }
                let name = tokens[index + 2].text
                index += 3
                return token.text == "var" ? .variable(name) : .local(name)
            case "replace", "try":
                guard index + 1 < tokens.count, tokens[index + 1].kind == .open, tokens[index + 1].text == "("
                else { return nil }
                index += 2
                guard let arguments = arguments(depth: depth + 1) else { return nil }
                if token.text == "try" { return arguments.isEmpty ? nil : .attempt(arguments) }
                guard arguments.count == 3 else { return nil }
                return .replace(arguments[0], arguments[1], arguments[2])
            default:
                // Any other call is not read; a name followed by `(` is one.
                if index + 1 < tokens.count, tokens[index + 1].kind == .open, tokens[index + 1].text == "(" {
                    return nil
                }
                return takeAttributeTraversal().map(HCLExpression.attribute)
            }
        }

        /// The arguments of a call after its `(`, through its `)`.
        mutating func arguments(depth: Int) -> [HCLExpression]? {
            var arguments: [HCLExpression] = []
            while !take(.close, ")") {
                guard let argument = expression(depth: depth) else { return nil }
                arguments.append(argument)
                if !take(.symbol, ",") {
                    guard take(.close, ")") else { return nil }
                    break
                }
            }
            return arguments
        }

        /// The members of an object after its `{`, through its `}`: separated by commas or line
        /// breaks (which the reader has dropped, so a member simply follows the last).
        mutating func object(depth: Int) -> HCLExpression? {
            var members: [HCLExpressionMember] = []
            while !take(.close, "}") {
                guard let keyToken = current else { return nil }
                let key: String
                switch keyToken.kind {
                case .identifier: key = keyToken.text
                case .quotedString:
                    guard let text = Self.plainString(keyToken) else { return nil }
                    key = text
                default: return nil
                }
                index += 1
                guard take(.equals, "=") || take(.symbol, ":"), let value = expression(depth: depth) else {
                    return nil
                }
                members.append(HCLExpressionMember(key: key, value: value))
                _ = take(.symbol, ",")
            }
            return .object(members)
        }

        /// The text of a quoted string without interpolation, escapes decoded; nil otherwise.
        static func plainString(_ token: HCLToken) -> String? {
            guard token.kind == .quotedString, let parts = HCLTemplates.quotedTemplate(token.text) else {
                return nil
            }
            var text = ""
            for part in parts {
                guard case .text(let literal) = part else { return nil }
                text += literal
            }
            return text
        }
    }
}
