/// An immutable table of function overloads, looked up by name, call style and arity.
///
/// The engine builds its table explicitly, `FunctionLibrary.standard.adding([...])`; nothing
/// registers itself by side effect.
public struct FunctionLibrary: Sendable {
    private struct Key: Hashable, Sendable {
        let name: String
        let style: CallStyle
        let arity: Int
    }

    private var overloadsByKey: [Key: FunctionOverload] = [:]

    /// Creates a library holding the given overloads; a later overload replaces an earlier one
    /// with the same name, style and arity.
    public init(_ overloads: [FunctionOverload] = []) {
        for overload in overloads {
            overloadsByKey[Key(name: overload.name, style: overload.style, arity: overload.arity)] = overload
        }
    }

    /// This library plus `overloads`, which replace any with the same name, style and arity.
    public func adding(_ overloads: [FunctionOverload]) -> FunctionLibrary {
        var copy = self
        for overload in overloads {
            copy.overloadsByKey[Key(name: overload.name, style: overload.style, arity: overload.arity)] =
                overload
        }
        return copy
    }

    /// The overload for an exact name, style and arity, if there is one.
    public func overload(named name: String, style: CallStyle, arity: Int) -> FunctionOverload? {
        overloadsByKey[Key(name: name, style: style, arity: arity)]
    }

    /// Every overload with this name, in a stable order.
    public func overloads(named name: String) -> [FunctionOverload] {
        overloadsByKey.values.filter { $0.name == name }
            .sorted { ($0.style == .global ? 0 : 1, $0.arity) < ($1.style == .global ? 0 : 1, $1.arity) }
    }

    /// All function names in the library, sorted.
    public var names: [String] {
        Set(overloadsByKey.keys.map(\.name)).sorted()
    }
}
