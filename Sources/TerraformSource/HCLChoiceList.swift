/// A condition over module variables that picks an element of a `compact([...])` list.
///
/// terraform-aws-modules/s3-bucket writes its bucket policy as
/// `compact([var.attach_x ? data.aws_iam_policy_document.x[0].json : "", ...])`: which documents
/// the policy is made of depends on the module's variables, which a plan records but cannot tie
/// to the list's elements.
public indirect enum HCLCondition: Sendable, Equatable {
    /// `true` or `false`.
    case literal(Bool)
    /// `var.NAME`.
    case variable(String)
    /// `var.NAME == constant`; `!=` is its negation.
    case equals(variable: String, constant: HCLConstant)
    /// `!condition`.
    case not(HCLCondition)
    /// `left && right`.
    case and(HCLCondition, HCLCondition)
    /// `left || right`.
    case or(HCLCondition, HCLCondition)

    /// How deeply conditions nest in parentheses, `!`, `&&` and `||` when read, and when judged.
    public static let maximumDepth = 32
}

/// A constant a condition compares a variable with.
public enum HCLConstant: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A quoted string without interpolation, escapes decoded.
    case string(String)
}

/// One side of a choice in a `compact([...])` list.
public enum HCLChoiceOperand: Sendable, Equatable {
    /// `""` or `null`, which `compact` drops.
    case empty
    /// A resource or data source attribute, as a plan's `configuration` writes references
    /// (`data.aws_iam_policy_document.x[0].json`).
    case reference(String)
    /// `var.NAME`.
    case variable(String)
    /// `try(REFERENCE, "")` or `try(REFERENCE, null)`: the reference when the instance it names
    /// exists, else nothing.
    case attempt(String)
}

/// One element of a `compact([...])` list: `condition ? whenTrue : whenFalse`, or an operand
/// taken always (`condition` nil).
public struct HCLChoice: Sendable, Equatable {
    /// What picks the element; nil for an element that is not a conditional.
    public let condition: HCLCondition?
    /// The element when `condition` holds, or always.
    public let whenTrue: HCLChoiceOperand
    /// The element when `condition` does not hold.
    public let whenFalse: HCLChoiceOperand

    /// A choice of `whenTrue` or `whenFalse` by `condition`.
    public init(condition: HCLCondition?, whenTrue: HCLChoiceOperand, whenFalse: HCLChoiceOperand) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
    }

    /// The module variables the condition and both operands read.
    public var variables: [String] {
        var names: [String] = []
        func collect(_ condition: HCLCondition) {
            switch condition {
            case .literal: break
            case .variable(let name), .equals(let name, _): names.append(name)
            case .not(let inner): collect(inner)
            case .and(let left, let right), .or(let left, let right):
                collect(left)
                collect(right)
            }
        }
        if let condition { collect(condition) }
        for case .variable(let name) in [whenTrue, whenFalse] { names.append(name) }
        return names
    }

    /// The attribute references of both operands, as written.
    public var references: [String] {
        [whenTrue, whenFalse].compactMap { operand in
            switch operand {
            case .reference(let text), .attempt(let text): text
            case .empty, .variable: nil
            }
        }
    }
}

/// Reads `compact([...])` whose elements are conditionals over module variables.
///
/// The only form of ``HCLChoice`` read: conditions of `true`, `false`, `var.NAME`,
/// `var.NAME == constant` and `!=` (null, a bool or a string), `!`, `&&`, `||` and parentheses;
/// operands `""`, `null`, `var.NAME`, attribute traversals and `try(traversal, "")`. Anything
/// else makes the whole list unread.
enum HCLChoiceLists {
    /// The elements of `compact([...])` when `tokens` are that call and every element is read.
    static func compactedElements(_ tokens: [HCLToken]) -> [HCLChoice]? {
        var reader = Reader(tokens: tokens.filter { $0.kind != .newline })
        guard reader.take(.identifier, "compact"), reader.take(.open, "("), reader.take(.open, "[")
        else { return nil }
        var choices: [HCLChoice] = []
        while !reader.take(.close, "]") {
            guard let choice = reader.choice() else { return nil }
            choices.append(choice)
            // A comma between elements, and after the last one if the author wrote it.
            if !reader.take(.symbol, ",") {
                guard reader.take(.close, "]") else { return nil }
                break
            }
        }
        guard reader.take(.close, ")"), reader.isAtEnd else { return nil }
        return choices
    }

    private struct Reader: HCLTokenCursor {
        let tokens: [HCLToken]
        var index = 0

        /// `condition ? operand : operand`, or one operand.
        mutating func choice() -> HCLChoice? {
            let start = index
            if let operand = operand(), current.map({ $0.text == "," || $0.text == "]" }) ?? false {
                return HCLChoice(condition: nil, whenTrue: operand, whenFalse: operand)
            }
            index = start
            guard let condition = disjunction(depth: 0), take(.symbol, "?"), let whenTrue = operand(),
                take(.symbol, ":"), let whenFalse = operand()
            else { return nil }
            return HCLChoice(condition: condition, whenTrue: whenTrue, whenFalse: whenFalse)
        }

        mutating func operand() -> HCLChoiceOperand? {
            guard let token = current else { return nil }
            switch token.kind {
            case .quotedString where token.text == "\"\"":
                index += 1
                return .empty
            case .identifier where token.text == "null":
                index += 1
                return .empty
            case .identifier where token.text == "var":
                return variable().map(HCLChoiceOperand.variable)
            case .identifier where token.text == "try":
                return attempt()
            case .identifier:
                return takeAttributeTraversal().map(HCLChoiceOperand.reference)
            default:
                return nil
            }
        }

        /// `try(REFERENCE, "")` or `try(REFERENCE, null)`.
        mutating func attempt() -> HCLChoiceOperand? {
            guard take(.identifier, "try"), take(.open, "("), case .reference(let reference)? = operand(),
                take(.symbol, ","), case .empty? = operand(), take(.close, ")")
            else { return nil }
            return .attempt(reference)
        }

        /// A constant a variable is compared with.
        mutating func constant() -> HCLConstant? {
            guard let token = current else { return nil }
            switch token.kind {
            case .identifier where token.text == "null":
                index += 1
                return .null
            case .identifier where token.text == "true" || token.text == "false":
                index += 1
                return .bool(token.text == "true")
            case .quotedString:
                guard let parts = HCLTemplates.quotedTemplate(token.text),
                    parts.allSatisfy({ if case .text = $0 { true } else { false } })
                else { return nil }
                index += 1
                return .string(
                    parts.map { part in if case .text(let text) = part { text } else { "" } }.joined())
            default:
                return nil
            }
        }

        /// `var.NAME`, the whole traversal.
        mutating func variable() -> String? {
            guard index + 2 < tokens.count, tokens[index].text == "var", tokens[index + 1].kind == .symbol,
                tokens[index + 1].text == ".", tokens[index + 2].kind == .identifier
            else { return nil }
            let name = tokens[index + 2].text
            index += 3
            return name
        }

        mutating func disjunction(depth: Int) -> HCLCondition? {
            chain(
                "|", depth: depth, maximumDepth: HCLCondition.maximumDepth,
                operand: { $0.conjunction(depth: $1) },
                combine: HCLCondition.or)
        }

        mutating func conjunction(depth: Int) -> HCLCondition? {
            chain(
                "&", depth: depth, maximumDepth: HCLCondition.maximumDepth, operand: { $0.unary(depth: $1) },
                combine: HCLCondition.and)
        }

        mutating func unary(depth: Int) -> HCLCondition? {
            guard depth < HCLCondition.maximumDepth, let token = current else { return nil }
            if take(.symbol, "!") { return unary(depth: depth + 1).map(HCLCondition.not) }
            if take(.open, "(") {
                guard let inner = disjunction(depth: depth + 1), take(.close, ")") else { return nil }
                return inner
            }
            guard token.kind == .identifier else { return nil }
            switch token.text {
            case "true", "false":
                index += 1
                return .literal(token.text == "true")
            case "var":
                guard let name = variable() else { return nil }
                for (symbol, negated) in [("==", false), ("!=", true)] where take(.symbol, symbol) {
                    guard let constant = constant() else { return nil }
                    let comparison = HCLCondition.equals(variable: name, constant: constant)
                    return negated ? .not(comparison) : comparison
                }
                return .variable(name)
            default:
                return nil
            }
        }
    }
}
