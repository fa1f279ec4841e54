import JSON

/// An expression recorded in configuration: a constant, references, or neither.
public struct ConfigurationExpression: Sendable {
    /// The literal value, when the expression is a constant.
    ///
    /// It may hold credentials: never print it.
    public let constantValue: JSONValue?
    /// The references as written (module-relative, such as `var.region`).
    public let references: [String]

    init(_ json: JSONValue) {
        constantValue = json["constant_value"]
        references = json["references"]?.elements.compactMap(\.string) ?? []
    }
}

/// A provider block from `configuration.provider_config`.
public struct ProviderConfiguration: Sendable {
    /// The key resources use in `provider_config_key`: `aws`, `aws.west`, `module.m:aws`.
    public let key: String
    /// The provider's local name, such as `aws`.
    public let name: String
    /// The provider's source address, when the plan records it.
    public let fullName: String?
    /// The alias, for an aliased configuration.
    public let alias: String?
    /// The module that declares the block; "" for the root module.
    public let moduleAddress: String
    /// The version constraint, the only provider version hint a plan carries.
    public let versionConstraint: String?
    /// Argument expressions (`region`, `access_key`, ...); nested blocks are in ``expressionsJSON``.
    public let expressions: [String: ConfigurationExpression]
    /// The raw `expressions` object, for nested blocks such as `assume_role`.
    public let expressionsJSON: JSONValue?

    init(key: String, json: JSONValue) {
        self.key = key
        name = json["name"]?.string ?? key
        fullName = json["full_name"]?.string
        alias = json["alias"]?.string
        moduleAddress = json["module_address"]?.string ?? ""
        versionConstraint = json["version_constraint"]?.string
        expressionsJSON = json["expressions"]
        var expressions: [String: ConfigurationExpression] = [:]
        json["expressions"]?.forEachMember { argument, expression in
            if expression.kind == .object { expressions[argument] = ConfigurationExpression(expression) }
        }
        self.expressions = expressions
    }
}

/// A root module input variable, whose value is never exposed in printable form.
public struct RootVariable: Sendable, CustomStringConvertible {
    /// The variable's name.
    public let name: String
    /// True when the configuration declares it `sensitive = true`.
    public let isMarkedSensitive: Bool
    private let value: JSONValue?

    init(name: String, isMarkedSensitive: Bool, value: JSONValue?) {
        self.name = name
        self.isMarkedSensitive = isMarkedSensitive
        self.value = value
    }

    /// True when the plan records a value for the variable.
    public var hasValue: Bool { value != nil }

    /// The value as the plan records it, in clear text even when sensitive: for evaluation only.
    public var unredactedValueForEvaluation: JSONValue? { value }

    /// `var.NAME` (the value is never printed).
    public var description: String { "var.\(name)" }
}
