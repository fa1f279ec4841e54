import Policy

/// A finding message with `{{ expression }}` holes, compiled once when the rule loads.
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case expression(CompiledExpression)
    }

    let parts: [Part]

    /// Splits `source` at `{{ … }}` and compiles each hole in `environment`.
    init(_ source: String, environment: Environment) throws(PolicyError) {
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                parts.append(.text(String(rest[open.lowerBound...])))
                rest = rest[rest.endIndex...]
                break
            }
            let expression = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces()
            parts.append(.expression(try Expression.compile(expression, environment: environment)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// Renders the message with every hole filled.
    ///
    /// A hole that cannot be evaluated shows as `undecided` (say `(known after apply)`) or
    /// `(error)`. Values print as text: lists as comma-separated elements, never as JSON arrays.
    func render(_ bindings: Bindings, undecided: String = "(known after apply)") -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .expression(let expression):
                let value = expression.evaluate(bindings)
                switch value {
                case .unknown: text += undecided
                case .error: text += "(error)"
                default: text += value.messageText
                }
            }
        }
        return text
    }

    /// The rendered text when every hole has a definite value, else nil.
    func renderIfDecided(_ bindings: Bindings) -> String? {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .expression(let expression):
                let value = expression.evaluate(bindings)
                switch value {
                case .unknown, .error: return nil
                default: text += value.messageText
                }
            }
        }
        return text
    }
}
