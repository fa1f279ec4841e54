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
    /// Values of variables that are the same in every evaluation (a rule's `params`), by name.
    ///
    /// Such a variable is still bound and read like any other, but its reads are compiled as the
    /// value: a field of it is read once, when the expression compiles, and a comparison with it,
    /// a call with it or a list of it takes the forms made for literals.
    public let constants: [String: Value]
    /// How its expressions number variables and cached chains, shared by every copy.
    let numberings: SlotNumberings

    /// Creates an environment from variable names, a function library, a nesting limit and
    /// when to compile.
    ///
    /// `constants` gives the values of those variables that every evaluation binds to the same
    /// value (see ``constants``); each must be one of `variables`, and the bindings of an
    /// evaluation must give it that value.
    public init(
        variables: some Sequence<String>, functions: FunctionLibrary = .standard,
        definitions: [String: String] = [:], constants: [String: Value] = [:],
        maximumNestingDepth: Int = Environment.defaultMaximumNestingDepth,
        compilationTiming: CompilationTiming = .immediate
    ) {
        let names = Set(variables)
        precondition(constants.keys.allSatisfy(names.contains), "a constant must be a variable")
        self.init(
            variables: names, functions: functions, definitions: definitions, constants: constants,
            maximumNestingDepth: maximumNestingDepth, compilationTiming: compilationTiming,
            numberings: SlotNumberings(variables: names))
    }

    private init(
        variables: Set<String>, functions: FunctionLibrary, definitions: [String: String],
        constants: [String: Value], maximumNestingDepth: Int, compilationTiming: CompilationTiming,
        numberings: SlotNumberings
    ) {
        self.variables = variables
        self.functions = functions
        self.definitions = definitions
        self.constants = constants
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
            variables: variables, functions: functions, definitions: definitions, constants: constants,
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
