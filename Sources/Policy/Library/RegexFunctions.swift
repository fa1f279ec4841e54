/// `matches`: RE2-style search with `LinearRegex`, linear in the text, never backtracking.
///
/// A literal pattern is compiled once when the rule loads, and a bad one rejects the rule; a
/// pattern computed at run time is compiled once per distinct text (``RegexCache``) and a bad one
/// is an error value.
enum RegexFunctions {
    static let overloads = [
        overload(style: .method, signature: "string.matches(pattern)"),
        overload(style: .global, signature: "matches(string, pattern)"),
    ]

    private static func overload(style: CallStyle, signature: String) -> FunctionOverload {
        FunctionOverload(
            "matches", style: style, arity: style == .method ? 1 : 2, signature: signature,
            specializer: { literals throws(ArgumentRejection) in
                guard literals.count == 2, case .string(let pattern)? = literals[1] else { return nil }
                let regex: LinearRegex
                do throws(RegexSyntaxError) {
                    regex = try LinearRegex(pattern)
                } catch {
                    throw ArgumentRejection(
                        argumentIndex: 1,
                        message:
                            "invalid regular expression at pattern offset \(error.offset): \(error.message)")
                }
                return { arguments, context in search(regex, in: arguments[0], context: context) }
            },
            implementation: { arguments, context in
                guard case .string(let pattern) = arguments[1] else {
                    return StringFunctions.mismatch("matches", arguments)
                }
                switch RegexCache.shared.regex(pattern) {
                case .success(let regex): return search(regex, in: arguments[0], context: context)
                case .failure(let error):
                    return .error(
                        "invalid regular expression at pattern offset \(error.offset): \(error.message)")
                }
            })
    }

    private static func search(_ regex: LinearRegex, in subject: Value, context: EvaluationContext) -> Value {
        guard case .string(let text) = subject else {
            return .error("matches() needs a string to search, got \(subject.typeName)")
        }
        let outcome = regex.evaluate(text)
        // The VM's work is linear but can be large for long texts: charge it to the budget.
        guard context.charge(outcome.steps / 64) else { return context.budgetError }
        return .bool(outcome.matched)
    }
}
