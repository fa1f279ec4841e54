/// An error found while reading or checking a policy expression, before it ever runs.
public struct PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What class of mistake the policy author made.
    public enum Kind: String, Sendable, Hashable {
        /// A character or literal the lexer cannot read.
        case lexical
        /// Tokens that do not form an expression.
        case syntax
        /// An identifier the environment does not declare.
        case unknownIdentifier
        /// A function name that no overload in the library carries.
        case unknownFunction
        /// A known function called with the wrong number of arguments.
        case wrongArity
        /// A global function called as a method, or a method called as a global function.
        case wrongCallStyle
        /// A macro (`has`, `all`, `exists`, ...) used with the wrong shape of arguments.
        case macroMisuse
        /// A type mismatch visible without running the expression (`"a" - 1`).
        case typeMismatch
        /// An expression nested deeper than the environment allows.
        case nestingTooDeep
        /// A literal argument a function rejects when the rule loads (for example a bad regex).
        case invalidArgument
    }

    /// What class of mistake this is.
    public let kind: Kind
    /// A message written for the policy author.
    public let message: String
    /// Where in the expression source the offending token starts.
    public let position: SourcePosition

    /// Creates an error of the given kind at a position.
    public init(_ kind: Kind, _ message: String, at position: SourcePosition) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// The error as `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
