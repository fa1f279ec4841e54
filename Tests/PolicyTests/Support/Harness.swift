import Policy

/// Compiles and runs expressions in a fixed test environment.
enum Harness {
    /// Variables every test expression may use.
    static let variableNames = ["resource", "params", "item", "u", "u2", "err", "x", "doc", "n"]

    static let environment = Environment(variables: variableNames)

    /// Standard bindings: `u` and `u2` are distinct unknowns, `err` is an error value.
    static let unknownCause = UnknownCause(path: "arn", computed: true)
    static let otherUnknownCause = UnknownCause(
        path: "kms_key_id", computed: false, references: ["aws_kms_key.cmk"])

    static let standardBindings: ValueMap = [
        "u": .unknown(unknownCause),
        "u2": .unknown(otherUnknownCause),
        "err": .error("boom"),
        "n": .int(7),
    ]

    static func evaluate(
        _ source: String, _ bindings: ValueMap = [:], environment: Environment = Harness.environment,
        stepBudget: Int = Bindings.defaultStepBudget
    ) -> Value {
        do {
            let compiled = try Expression.compile(source, environment: environment)
            var merged = standardBindings
            for (name, value) in bindings { merged[name] = value }
            return compiled.evaluate(Bindings(merged, stepBudget: stepBudget))
        } catch {
            return .error("compile error: \(error)")
        }
    }

    static func compileError(_ source: String, environment: Environment = Harness.environment) -> PolicyError?
    {
        do {
            _ = try Expression.compile(source, environment: environment)
            return nil
        } catch {
            return error
        }
    }
}

/// What a table row expects an expression to produce.
enum Expected: Sendable, CustomStringConvertible {
    case value(Value)
    case unknown
    case error(containing: String)

    func matches(_ actual: Value) -> Bool {
        switch self {
        case .value(let expected): expected == actual
        case .unknown: actual.isUnknown
        case .error(let fragment):
            if case .error(let error) = actual { error.message.contains(fragment) } else { false }
        }
    }

    var description: String {
        switch self {
        case .value(let value): value.jsonText
        case .unknown: "unknown"
        case .error(let fragment): "error containing '\(fragment)'"
        }
    }
}

extension Expected {
    static let yes = Expected.value(.bool(true))
    static let no = Expected.value(.bool(false))
    static func int(_ number: Int64) -> Expected { .value(.int(number)) }
    static func double(_ number: Double) -> Expected { .value(.double(number)) }
    static func string(_ text: String) -> Expected { .value(.string(text)) }
}
