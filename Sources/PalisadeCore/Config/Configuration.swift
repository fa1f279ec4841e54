import Dockerfile
import Policy
import Yams

/// The effective settings of a run: defaults, overridden by `.palisade.yaml`, overridden by flags.
public struct Configuration: Sendable, Equatable {
    /// The lowest severity that fails the gate.
    public var failOn: FailThreshold = .atOrAbove(.high)
    /// What unknown outcomes do.
    public var unknown: UnknownPolicy = .warn
    /// Opt-in rules switched on.
    public var enabledRules: [String] = []
    /// Rules switched off.
    public var disabledRules: [String] = []
    /// Rule parameters by rule id and parameter name, as YAML-decoded plain values.
    public var parameters: [String: [String: ConfigValue]] = [:]
    /// Folders of custom policies (same format as the built-in pack).
    public var policyFolders: [String] = []
    /// The Dockerfile stage to treat as final (name or index); nil means the last stage.
    public var target: String?
    /// Globs of files and folders a directory walk skips (`exclude:`), besides the defaults.
    public var excludes: [String] = []
    /// Extra report files each run writes (`reports:`), in the order written.
    public var reports: [ReportRequest] = []
    /// A rule's documentation page with `{id}` for the rule id (`rule_docs_url:`), for links in
    /// reports.
    public var ruleDocsURL: String?
    /// The config file these settings came from, if any.
    public var source: String?
    /// The Terraform configuration directory plan findings are located in (`source:`), made
    /// absolute or relative to the working directory.
    public var sourceDirectory: String?
    /// Accepted risks, in config order.
    public var waivers: [Waiver] = []
    /// The longest a waiver may run from the day of the scan (`max_waiver_days`), if capped.
    public var maxWaiverDays: Int?
    /// The largest input file read (`max_input_size`); a bigger one is refused from its size,
    /// before it is read.
    public var maximumInputBytes = InputDiscovery.largestInput
    /// How many instructions and bytes per instruction a Dockerfile may have
    /// (`max_dockerfile_instructions`, `max_dockerfile_line_length`).
    public var dockerfileLimits = DockerfileLimits.defaults

    /// The built-in defaults.
    public init() {}
}

/// One report file a run writes besides standard output: `--report FORMAT=PATH`, or an entry
/// of `reports:` in `.palisade.yaml`.
public struct ReportRequest: Sendable, Equatable {
    /// The format's name, checked by the command line against the formats it has.
    public var format: String
    /// Where to write it; a config's relative paths are relative to the config's folder.
    public var path: String
    /// Where the request was written, for errors: the config file and position, or nil for a
    /// flag.
    public var origin: InputError?

    /// Creates a request.
    public init(format: String, path: String, origin: InputError? = nil) {
        self.format = format
        self.path = path
        self.origin = origin
    }

    /// Parses `FORMAT=PATH`; nil when there is no `=` or either side is empty.
    public init?(flag: String) {
        guard let equals = flag.firstIndex(of: "=") else { return nil }
        let format = String(flag[..<equals])
        let path = String(flag[flag.index(after: equals)...])
        guard !format.isEmpty, !path.isEmpty else { return nil }
        self.init(format: format, path: path)
    }
}

/// A plain value from YAML config: enough for rule parameters.
public indirect enum ConfigValue: Sendable, Equatable {
    /// `null` or `~`.
    case null
    /// A boolean.
    case bool(Bool)
    /// An integer.
    case int(Int64)
    /// A floating-point number.
    case double(Double)
    /// A string.
    case string(String)
    /// A sequence.
    case list([ConfigValue])
    /// A mapping with string keys, order kept.
    case map([(String, ConfigValue)])

    /// Compares values structurally.
    public static func == (lhs: ConfigValue, rhs: ConfigValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Converts a YAML node, resolving scalars by YAML 1.2 core-schema rules.
    public init(node: Node) {
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain {
                self = .string(scalar.string)
            } else if let value = Bool.construct(from: scalar) {
                self = .bool(value)
            } else if let value = Int64(scalar.string) {
                self = .int(value)
            } else if scalar.string == "~" || scalar.string == "null" || scalar.string.isEmpty {
                self = .null
            } else if let value = Double(scalar.string) {
                self = .double(value)
            } else {
                self = .string(scalar.string)
            }
        case .sequence(let sequence):
            self = .list(sequence.map(ConfigValue.init(node:)))
        case .mapping(let mapping):
            self = .map(mapping.map { ($0.key.string ?? "", ConfigValue(node: $0.value)) })
        case .alias:
            self = .null
        }
    }
}

/// Reads `.palisade.yaml`.
public enum ConfigurationLoader {
    /// The config file name looked for from the working directory upward.
    public static let fileName = ".palisade.yaml"

    /// Finds `.palisade.yaml` in `directory` or the nearest parent that has one.
    public static func find(from directory: String) -> String? {
        var current = directory
        for _ in 0..<64 {
            let candidate = (current.hasSuffix("/") ? current : current + "/") + fileName
            if FileSystem.kind(of: candidate) == .file { return candidate }
            guard let slash = current.lastIndex(of: "/"), current != "/" else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        return nil
    }

    /// The keys a config file may have.
    static let knownKeys = [
        "fail_on", "unknown", "enable", "disable", "params", "policies", "target", "exclude", "source",
        "waivers",
        "max_waiver_days", "reports", "rule_docs_url", "max_input_size", "max_dockerfile_instructions",
        "max_dockerfile_line_length",
    ]

    /// Loads a config file on top of `base`; errors name the file, line and column.
    public static func load(
        path: String, over base: Configuration = Configuration()
    ) throws(InputError) -> Configuration {
        let bytes = try FileSystem.read(path)
        return try parse(String(decoding: bytes, as: UTF8.self), path: path, over: base)
    }

    /// Parses config text on top of `base`.
    public static func parse(
        _ text: String, path: String, over base: Configuration = Configuration()
    ) throws(InputError)
        -> Configuration
    {
        var config = base
        config.source = path
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, path: path)
        } catch {
            throw InputError(file: path, message: "\(error)")
        }
        guard let root else { return config }
        guard case .mapping(let mapping) = root else {
            throw error(at: root, path: path, "the config must be a mapping of settings")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "fail_on":
                guard let text = value.string, let threshold = FailThreshold(text) else {
                    throw error(
                        at: value, path: path,
                        "fail_on must be one of critical, high, medium, low, info, never")
                }
                config.failOn = threshold
            case "unknown":
                guard let text = value.string, let policy = UnknownPolicy(rawValue: text) else {
                    throw error(at: value, path: path, "unknown must be one of pass, warn, fail")
                }
                config.unknown = policy
            case "enable":
                config.enabledRules = try stringList(value, key: key, path: path)
            case "disable":
                config.disabledRules = try stringList(value, key: key, path: path)
            case "policies":
                let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
                config.policyFolders = try stringList(value, key: key, path: path).map {
                    $0.hasPrefix("/") ? $0 : directory + "/" + $0
                }
            case "exclude":
                config.excludes = try stringList(value, key: key, path: path)
            case "source":
                guard let text = value.string, !text.isEmpty else {
                    throw error(
                        at: value, path: path, "source must be the directory of the Terraform configuration")
                }
                let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
                config.sourceDirectory = text.hasPrefix("/") ? text : directory + "/" + text
            case "waivers":
                config.waivers = try waivers(value, path: path)
            case "max_waiver_days":
                guard let text = value.scalar?.string, let days = Int(text), days >= 1 else {
                    throw error(
                        at: value, path: path, "max_waiver_days must be a whole number of days, at least 1")
                }
                config.maxWaiverDays = days
            case "max_input_size":
                guard let text = value.scalar?.string, let bytes = ByteSize.parse(text),
                    bytes <= InputDiscovery.largestInput
                else {
                    throw error(
                        at: value, path: path,
                        "max_input_size must be a size such as 512MiB, at most "
                            + "\(ByteSize.describe(InputDiscovery.largestInput)) (the most the JSON reader takes)"
                    )
                }
                config.maximumInputBytes = bytes
            case "max_dockerfile_instructions":
                guard let text = value.scalar?.string, let count = Int(text), count >= 1 else {
                    throw error(
                        at: value, path: path,
                        "max_dockerfile_instructions must be a whole number, at least 1")
                }
                config.dockerfileLimits.maximumInstructions = count
            case "max_dockerfile_line_length":
                guard let text = value.scalar?.string, let bytes = ByteSize.parse(text) else {
                    throw error(
                        at: value, path: path,
                        "max_dockerfile_line_length must be a size such as 1MiB or 65536")
                }
                config.dockerfileLimits.maximumLineBytes = bytes
            case "target":
                guard let text = value.string else {
                    throw error(at: value, path: path, "target must be a stage name or index")
                }
                config.target = text
            case "reports":
                let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
                guard case .mapping(let entries) = value else {
                    throw error(
                        at: value, path: path,
                        "reports must map formats to file paths, e.g. sarif: palisade.sarif")
                }
                config.reports = try entries.map { (formatNode, pathNode) throws(InputError) in
                    guard let format = formatNode.string, let target = pathNode.scalar?.string,
                        !target.isEmpty
                    else {
                        throw error(
                            at: pathNode, path: path,
                            "reports.\(formatNode.string ?? "?") must be a file path")
                    }
                    let origin = error(at: formatNode, path: path, "")
                    return ReportRequest(
                        format: format, path: target.hasPrefix("/") ? target : directory + "/" + target,
                        origin: origin)
                }
            case "rule_docs_url":
                guard let text = value.scalar?.string, !text.isEmpty else {
                    throw error(
                        at: value, path: path, "rule_docs_url must be a URL, with {id} for the rule id")
                }
                config.ruleDocsURL = text
            case "params":
                guard case .mapping(let rules) = value else {
                    throw error(at: value, path: path, "params must map rule ids to parameter mappings")
                }
                for (ruleNode, parameters) in rules {
                    guard case .mapping(let entries) = parameters, let rule = ruleNode.string else {
                        throw error(
                            at: parameters, path: path,
                            "params.\(ruleNode.string ?? "?") must be a mapping of parameter names to values")
                    }
                    var values: [String: ConfigValue] = [:]
                    for (name, parameter) in entries {
                        values[name.string ?? ""] = ConfigValue(node: parameter)
                    }
                    config.parameters[rule] = values
                }
            default:
                let suggestion = NameSuggestion.hint(for: key, among: knownKeys)
                throw error(at: keyNode, path: path, "unknown setting '\(key)'\(suggestion)")
            }
        }
        return config
    }

    /// The keys a waiver entry may have.
    static let waiverKeys = ["rule", "resource", "file", "reason", "owner", "expires"]

    private static func waivers(_ node: Node, path: String) throws(InputError) -> [Waiver] {
        guard case .sequence(let entries) = node else {
            throw error(at: node, path: path, "waivers must be a list of waiver entries")
        }
        var result: [Waiver] = []
        for entry in entries {
            guard case .mapping(let fields) = entry else {
                throw error(
                    at: entry, path: path, "a waiver must be a mapping with rule, reason, owner and expires")
            }
            var values: [String: String] = [:]
            for (keyNode, value) in fields {
                let key = keyNode.string ?? ""
                guard waiverKeys.contains(key) else {
                    let suggestion = NameSuggestion.hint(for: key, among: waiverKeys)
                    throw error(at: keyNode, path: path, "unknown waiver field '\(key)'\(suggestion)")
                }
                guard let text = value.scalar?.string, !text.trimmingSpaces().isEmpty else {
                    throw error(at: value, path: path, "waiver field \(key) must be a non-empty text")
                }
                values[key] = text.trimmingSpaces()
            }
            let line = entry.mark?.line ?? 0
            for required in ["rule", "reason", "owner", "expires"] where values[required] == nil {
                throw InputError(
                    file: path, line: line, column: entry.mark?.column,
                    message: "a waiver needs \(required) (rule, reason, owner and expires are required)")
            }
            guard values["resource"] != nil || values["file"] != nil else {
                throw InputError(
                    file: path, line: line, column: entry.mark?.column,
                    message: "a waiver needs resource (an address glob) or file (a path glob); "
                        + "to switch a rule off everywhere use disable")
            }
            guard let expires = CalendarDay(values["expires"] ?? "") else {
                throw InputError(
                    file: path, line: line, column: entry.mark?.column,
                    message:
                        "waiver expires must be a date written YYYY-MM-DD, got '\(values["expires"] ?? "")'")
            }
            result.append(
                Waiver(
                    rule: (values["rule"] ?? "").uppercased(), resource: values["resource"],
                    file: values["file"],
                    reason: values["reason"] ?? "", owner: values["owner"] ?? "", expires: expires,
                    configFile: path, configLine: line))
        }
        return result
    }

    private static func stringList(_ node: Node, key: String, path: String) throws(InputError) -> [String] {
        if let single = node.scalar?.string { return [single] }
        guard case .sequence(let sequence) = node else {
            throw error(at: node, path: path, "\(key) must be a list of strings")
        }
        var result: [String] = []
        for element in sequence {
            guard let text = element.scalar?.string else {
                throw error(at: element, path: path, "\(key) must be a list of strings")
            }
            result.append(text)
        }
        return result
    }

    private static func error(at node: Node, path: String, _ message: String) -> InputError {
        InputError(
            file: path, line: node.mark.map { $0.line }, column: node.mark.map { $0.column }, message: message
        )
    }

    static func yamlError(_ error: YamlError, path: String) -> InputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return InputError(
                file: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        case .composer(_, let problem, let mark, _):
            return InputError(
                file: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        default:
            return InputError(file: path, message: "invalid YAML: \(error)".replacingNewlines())
        }
    }
}
