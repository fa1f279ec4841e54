/// What a rule's expressions may refer to: variable names and the function library.
public struct Environment: Sendable {
    /// The nesting depth `Environment` allows unless told otherwise.
    public static let defaultMaximumNestingDepth = 200

    /// The variable names expressions may use, such as `resource` and `params`.
    public let variables: Set<String>
    /// The functions expressions may call.
    public let functions: FunctionLibrary
    /// Named sub-expressions (a rule's `let:`), by name.
    ///
    /// An expression that names one reads its value, computed once per evaluation session (see
    /// ``EvaluationSession``) and shared by every expression of the session. A definition may
    /// name the variables and other definitions, not itself.
    public let definitions: [String: String]
    /// The deepest expression tree the parser accepts.
    public let maximumNestingDepth: Int
    /// When expressions compiled in this environment are parsed and checked.
    public let compilationTiming: CompilationTiming
    /// How its expressions number variables and cached chains, shared by every copy.
    let numberings: SlotNumberings

    /// Creates an environment from variable names, a function library, a nesting limit and
    /// when to compile.
    public init(
        variables: some Sequence<String>, functions: FunctionLibrary = .standard,
        definitions: [String: String] = [:],
        maximumNestingDepth: Int = Environment.defaultMaximumNestingDepth,
        compilationTiming: CompilationTiming = .immediate
    ) {
        let names = Set(variables)
        self.init(
            variables: names, functions: functions, definitions: definitions,
            maximumNestingDepth: maximumNestingDepth, compilationTiming: compilationTiming,
            numberings: SlotNumberings(variables: names))
    }

    private init(
        variables: Set<String>, functions: FunctionLibrary, definitions: [String: String],
        maximumNestingDepth: Int, compilationTiming: CompilationTiming, numberings: SlotNumberings
    ) {
        self.variables = variables
        self.functions = functions
        self.definitions = definitions
        self.maximumNestingDepth = maximumNestingDepth
        self.compilationTiming = compilationTiming
        self.numberings = numberings
    }

    /// Whether `name` is a macro of the language (`has`, `exists`, `all`, ...).
    public static func isMacro(_ name: String) -> Bool { Macro(rawValue: name) != nil }

    /// The same environment with another compilation timing; it numbers slots and chains as
    /// this one does.
    func withCompilationTiming(_ timing: CompilationTiming) -> Environment {
        Environment(
            variables: variables, functions: functions, definitions: definitions,
            maximumNestingDepth: maximumNestingDepth, compilationTiming: timing, numberings: numberings)
    }
}

/// When `Expression.compile` does its work.
public enum CompilationTiming: Sendable {
    /// At once: `Expression.compile` throws on any problem.
    case immediate
    /// On the first evaluation, so an expression never evaluated costs nothing.
    ///
    /// Only for sources already known to compile, such as the built-in rule pack, whose tests
    /// compile every expression immediately: a problem found on first use is not thrown but
    /// makes every evaluation an error.
    case onFirstUse
}
