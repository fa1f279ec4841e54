/// What a rule's expressions may refer to: variable names and the function library.
public struct Environment: Sendable {
    /// The nesting depth `Environment` allows unless told otherwise.
    public static let defaultMaximumNestingDepth = 200

    /// The variable names expressions may use, such as `resource` and `params`.
    public let variables: Set<String>
    /// The functions expressions may call.
    public let functions: FunctionLibrary
    /// The deepest expression tree the parser accepts.
    public let maximumNestingDepth: Int

    /// Creates an environment from variable names, a function library and a nesting limit.
    public init(
        variables: some Sequence<String>, functions: FunctionLibrary = .standard,
        maximumNestingDepth: Int = Environment.defaultMaximumNestingDepth
    ) {
        self.variables = Set(variables)
        self.functions = functions
        self.maximumNestingDepth = maximumNestingDepth
    }
}
