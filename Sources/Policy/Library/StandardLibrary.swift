extension FunctionLibrary {
    /// The standard functions of the CEL subset: `size`, conversions, string methods (with
    /// `matches`) and the plan helpers `is_computed`, `is_unknown` and `refs`.
    ///
    /// The macros `has`, `all`, `exists`, `exists_one`, `filter` and `map` are not functions;
    /// the compiler expands them.
    public static let standard = FunctionLibrary(
        SizeFunctions.overloads + ConversionFunctions.overloads + StringFunctions.overloads
            + RegexFunctions.overloads + PlanHelperFunctions.overloads)
}

/// `size(x)` and `x.size()` for strings, lists and maps.
enum SizeFunctions {
    static let overloads = [
        FunctionOverload("size", style: .global, arity: 1, signature: "size(value)") { arguments, _ in
            size(arguments[0])
        },
        FunctionOverload("size", style: .method, arity: 0, signature: "value.size()") { arguments, _ in
            size(arguments[0])
        },
    ]

    static func size(_ value: Value) -> Value {
        switch value {
        case .string(let text): return .int(Int64(text.unicodeScalars.count))
        default:
            if let list = ListView(value) { return .int(Int64(list.count)) }
            if let map = MapView(value) { return .int(Int64(map.count)) }
            return .error("size() needs a string, list or map, got \(value.typeName)")
        }
    }
}

/// `int(x)`, `double(x)` and `string(x)`.
enum ConversionFunctions {
    static let overloads = [
        FunctionOverload("int", style: .global, arity: 1, signature: "int(value)") { arguments, _ in
            toInt(arguments[0])
        },
        FunctionOverload("double", style: .global, arity: 1, signature: "double(value)") { arguments, _ in
            toDouble(arguments[0])
        },
        FunctionOverload("string", style: .global, arity: 1, signature: "string(value)") { arguments, _ in
            toString(arguments[0])
        },
    ]

    static func toInt(_ value: Value) -> Value {
        switch value {
        case .int: return value
        case .double(let number):
            // Doubles at or beyond ±2^63 do not fit; the bounds are exact in binary.
            guard number.isFinite, number > -9_223_372_036_854_777_856.0, number < 9_223_372_036_854_775_808.0
            else { return .error("int() cannot convert \(number): out of range") }
            return .int(Int64(number.rounded(.towardZero)))
        case .string(let text):
            guard let number = Int64(text) else { return .error("int() cannot convert '\(text)'") }
            return .int(number)
        default: return .error("int() cannot convert \(value.typeName)")
        }
    }

    static func toDouble(_ value: Value) -> Value {
        switch value {
        case .double: return value
        case .int(let number): return .double(Double(number))
        case .string(let text):
            guard let number = Double(text) else { return .error("double() cannot convert '\(text)'") }
            return .double(number)
        default: return .error("double() cannot convert \(value.typeName)")
        }
    }

    static func toString(_ value: Value) -> Value {
        switch value {
        case .string: return value
        case .int(let number): return .string(String(number))
        case .double(let number): return .string(Value.formatDouble(number))
        case .bool(let flag): return .string(flag ? "true" : "false")
        default: return .error("string() cannot convert \(value.typeName)")
        }
    }
}

/// `is_computed(x)`, `is_unknown(x)` and `refs(x)`: they inspect unknowns instead of propagating.
enum PlanHelperFunctions {
    static let overloads = [
        FunctionOverload(
            "is_computed", style: .global, arity: 1, signature: "is_computed(value)", acceptsUnknowns: true
        ) {
            arguments, _ in
            switch arguments[0] {
            case .unknown(let unknown): .bool(unknown.isComputed)
            case .error: arguments[0]
            default: .bool(false)
            }
        },
        FunctionOverload(
            "is_unknown", style: .global, arity: 1, signature: "is_unknown(value)", acceptsUnknowns: true
        ) {
            arguments, _ in
            switch arguments[0] {
            case .unknown: .bool(true)
            case .error: arguments[0]
            default: .bool(false)
            }
        },
        FunctionOverload("refs", style: .global, arity: 1, signature: "refs(value)", acceptsUnknowns: true) {
            arguments, _ in
            switch arguments[0] {
            case .unknown(let unknown): .list(unknown.references.map(Value.string))
            case .error: arguments[0]
            default: .list([])
            }
        },
    ]
}
