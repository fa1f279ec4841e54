/// A value an expression computes or reads: CEL's data model plus lazy host documents,
/// unknowns (not decidable before apply) and runtime errors.
///
/// `==` on `Value` (the `Equatable` conformance) is structural identity, meant for tests and
/// caching: `.int(1)` is not identical to `.double(1)`. The expression operator `==` follows
/// CEL instead (numeric kinds compare by value, unknowns propagate); see `Value.celEquals(_:)`.
public enum Value: Sendable {
    /// CEL's `null`, also what an absent or unset document member reads as.
    case null
    /// A boolean.
    case bool(Bool)
    /// A 64-bit signed integer.
    case int(Int64)
    /// A 64-bit floating-point number.
    case double(Double)
    /// A string of Unicode scalars.
    case string(String)
    // The large payloads (a map's three arrays, an error's text and position) are boxed: a value
    // is then two words and a tag, and the interpreter copies values on every step (7% fewer
    // instructions on a real plan's scan, counted with callgrind). A host value is an object, whose
    // reference and witness table are the two words: boxing it too cost an allocation per value
    // read from a document and a projection, a copy and a destruction of the box's existential on
    // every access.
    /// A list built by an expression or a binding.
    case list([Value])
    /// A map with string keys, in insertion order.
    indirect case map(ValueMap)
    /// A lazily read map or list owned by the engine.
    case host(any HostValue)
    /// A value that cannot be decided before apply.
    case unknown(Unknown)
    /// A runtime error, carried as a value so logical operators can absorb it.
    indirect case error(EvaluationError)

    /// Creates an error value with a message and an optional position.
    public static func error(_ message: String, at position: SourcePosition? = nil) -> Value {
        .error(EvaluationError(message, at: position))
    }

    /// Creates an unknown value with a single cause.
    public static func unknown(_ cause: UnknownCause) -> Value {
        .unknown(Unknown(cause))
    }

    /// True for `.unknown`.
    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    /// True for `.error`.
    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// The boolean payload, or nil for any other kind of value.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The string payload, or nil for any other kind of value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The CEL type name of the value, for messages (`int`, `list`, `map`, ...).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        case .host(let host): host.kind == .map ? "map" : "list"
        case .unknown: "unknown"
        case .error: "error"
        }
    }
}
