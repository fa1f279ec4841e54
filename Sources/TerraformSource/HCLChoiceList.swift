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
    /// What picks the element, over module variables and constants (see
    /// ``HCLChoiceLists``); nil for an element that is not a conditional.
    public let condition: HCLExpression?
    /// The element when `condition` holds, or always.
    public let whenTrue: HCLChoiceOperand
    /// The element when `condition` does not hold.
    public let whenFalse: HCLChoiceOperand

    /// A choice of `whenTrue` or `whenFalse` by `condition`.
    public init(condition: HCLExpression?, whenTrue: HCLChoiceOperand, whenFalse: HCLChoiceOperand) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
    }

    /// The module variables the condition and both operands read.
    public var variables: [String] {
        var names = condition?.reads.variables ?? []
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
            guard let (condition, end) = HCLExpressions.readCondition(tokens, from: index),
                Self.isOverVariables(condition, depth: 0)
            else { return nil }
            index = end
            guard take(.symbol, "?"), let whenTrue = operand(), take(.symbol, ":"), let whenFalse = operand()
            else { return nil }
            return HCLChoice(condition: condition, whenTrue: whenTrue, whenFalse: whenFalse)
        }

        /// True for the conditions read here: `true`, `false`, `var.NAME`, `var.NAME ==` or `!=`
        /// a constant (null, a bool or a string), and `!`, `&&` and `||` over them.
        static func isOverVariables(_ condition: HCLExpression, depth: Int) -> Bool {
            guard depth < HCLExpression.maximumDepth else { return false }
            switch condition {
            case .bool, .variable: return true
            case .not(let operand): return isOverVariables(operand, depth: depth + 1)
            case .and(let left, let right), .or(let left, let right):
                return isOverVariables(left, depth: depth + 1) && isOverVariables(right, depth: depth + 1)
            case .equals(.variable, .null, _), .equals(.variable, .bool, _): return true
            case .equals(.variable, .template(let parts), _):
                return parts.allSatisfy { if case .text = $0 { true } else { false } }
            default: return false
            }
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

        /// `var.NAME`, the whole traversal.
        mutating func variable() -> String? {
            guard index + 2 < tokens.count, tokens[index].text == "var", tokens[index + 1].kind == .symbol,
                tokens[index + 1].text == ".", tokens[index + 2].kind == .identifier
            else { return nil }
            let name = tokens[index + 2].text
            index += 3
            return name
        }
    }
}
