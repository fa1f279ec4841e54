/// Whether a function is called as `name(x)` or as `x.name()`.
public enum CallStyle: Sendable, Hashable {
    /// `name(arguments)`.
    case global
    /// `receiver.name(arguments)`; the receiver is passed as the first value.
    case method
}

/// A rejection of a literal argument when a rule loads, such as an invalid regular expression.
public struct ArgumentRejection: Error, Sendable {
    /// The index of the rejected value in the implementation's argument list (receiver first).
    public let argumentIndex: Int
    /// A message written for the policy author.
    public let message: String

    /// Creates a rejection of the argument at `argumentIndex`.
    public init(argumentIndex: Int, message: String) {
        self.argumentIndex = argumentIndex
        self.message = message
    }
}

/// One callable shape of a function: its name, call style, arity and implementation.
public struct FunctionOverload: Sendable {
    /// Computes the result from the argument values (receiver first for a method).
    ///
    /// Implementations must not throw or trap on any input: they return `.error` instead.
    public typealias Implementation = @Sendable ([Value], EvaluationContext) -> Value

    /// Prepares a call once, when the rule loads, from the arguments that are literals.
    ///
    /// It receives one entry per argument (receiver first), the literal value or nil, and
    /// returns a specialised implementation (for example with a compiled pattern), nil to keep
    /// the general one, or throws `ArgumentRejection` to reject the rule.
    public typealias Specializer = @Sendable ([Value?]) throws(ArgumentRejection) -> Implementation?

    /// The function name as written in expressions.
    public let name: String
    /// Global or method call.
    public let style: CallStyle
    /// The number of arguments between the parentheses (a method's receiver not counted).
    public let arity: Int
    /// When false (the default) an unknown or error argument is the result without calling.
    ///
    /// Set it for helpers such as `is_unknown(x)` that inspect unknowns instead of propagating.
    public let acceptsUnknowns: Bool
    /// True when the result depends only on the arguments and the engine payload.
    ///
    /// Then a call whose arguments are literals and variables is evaluated once per evaluation
    /// session and kept, like a field chain: rules repeat joins such as
    /// `same_provider(resource, "aws_ebs_encryption_by_default")` in their decisions and messages.
    public let isDeterministic: Bool
    /// How the call is written, for messages, such as `string.startsWith(prefix)`.
    public let signature: String
    /// The general implementation.
    public let implementation: Implementation
    /// The optional load-time preparation step.
    public let specializer: Specializer?

    /// Creates an overload.
    public init(
        _ name: String, style: CallStyle, arity: Int, signature: String, acceptsUnknowns: Bool = false,
        isDeterministic: Bool = false, specializer: Specializer? = nil,
        implementation: @escaping Implementation
    ) {
        self.name = name
        self.style = style
        self.arity = arity
        self.signature = signature
        self.acceptsUnknowns = acceptsUnknowns
        self.isDeterministic = isDeterministic
        self.specializer = specializer
        self.implementation = implementation
    }
}
