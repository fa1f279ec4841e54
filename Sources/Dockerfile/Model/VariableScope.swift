/// The variables visible at one point of a Dockerfile, with values as written (defaults).
///
/// ENV values win over ARG values of the same name, as in BuildKit. A build can override ARG
/// defaults with `--build-arg`, so results are "as written".
struct VariableScope {
    /// ARG names BuildKit sets itself; their values depend on the build machine and target.
    static let builderArguments: Set<String> = [
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS",
        "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE", "BUILDKIT_SYNTAX",
    ]

    private(set) var environment: [String: String] = [:]
    private var arguments: [String: VariableLookup] = [:]
    let undeclaredReason: (String) -> String
    /// Whether the builder's platform arguments are visible without an ARG: true for the global
    /// scope FROM reads, false inside stages, where an ARG must declare them.
    var predefinesPlatformArguments = false

    /// Whether `name` is an automatic platform argument (`TARGETOS`, `BUILDARCH`, ...) whose
    /// value the builder sets here: declared without a default, or predefined in this scope.
    func isBuilderPlatformArgument(_ name: String) -> Bool {
        guard PlatformStageReference.values[name] != nil, environment[name] == nil else { return false }
        switch arguments[name] {
        case .unset?: return true
        case .value?: return false
        case nil: return predefinesPlatformArguments
        }
    }

    init(environment: [String: String] = [:], undeclaredReason: @escaping (String) -> String) {
        self.environment = environment
        self.undeclaredReason = undeclaredReason
    }

    /// Whether an ARG of this scope declares `name`.
    func declaresArgument(_ name: String) -> Bool { arguments[name] != nil }

    /// The ARGs of this scope that have a value, by name.
    var argumentValues: [String: String] {
        arguments.compactMapValues { lookup in
            if case .value(let value) = lookup { value } else { nil }
        }
    }

    func lookup(_ name: String) -> VariableLookup {
        if let value = environment[name] { return .value(value) }
        if let argument = arguments[name] { return argument }
        return .unset(reason: undeclaredReason(name))
    }

    func expander(escape: UInt8) -> WordExpander {
        WordExpander(escape: escape, lookup: lookup, keepsUnsetReferences: false)
    }

    /// Declares an ARG; without a default it takes `inherited` (a global ARG's value) if any.
    mutating func declareArgument(
        _ declaration: ArgDeclaration, escape: UInt8, inherited: VariableLookup?
    ) {
        if let raw = declaration.rawDefault {
            let value = expander(escape: escape).expand(Array(raw.utf8)[...]).text
            arguments[declaration.name] = .value(value)
        } else if let inherited {
            arguments[declaration.name] = inherited
        } else if Self.builderArguments.contains(declaration.name) {
            arguments[declaration.name] = .unset(
                reason: "\(declaration.name) is set by the builder for the build platform")
        } else {
            arguments[declaration.name] = .unset(reason: "ARG \(declaration.name) has no default value")
        }
    }

    /// Sets an ENV value, expanded with the variables visible before it.
    mutating func setEnvironment(_ pair: KeyValue, escape: UInt8) {
        environment[pair.key] = expander(escape: escape).expand(Array(pair.rawValue.utf8)[...]).text
    }
}
