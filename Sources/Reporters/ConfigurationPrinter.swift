import PalisadeCore

/// Prints a configuration in the `.palisade.yaml` format, deterministically, so
/// `palisade config` shows what a run would use and its output can be saved as a config file.
public enum ConfigurationPrinter {
    /// The configuration as YAML: every setting, lists in their order, params sorted by rule
    /// and name, with a comment naming the file the settings came from.
    public static func render(_ configuration: Configuration) -> String {
        var lines: [String] = []
        lines.append("# effective configuration; source: " + (configuration.source ?? "built-in defaults"))
        lines.append("fail_on: " + configuration.failOn.description)
        lines.append("unknown: " + configuration.unknown.rawValue)
        lines.append("enable: " + flowList(configuration.enabledRules))
        lines.append("disable: " + flowList(configuration.disabledRules))
        lines.append("policies: " + flowList(configuration.policyFolders))
        // An unset target is a comment: the loader would read `target: null` as a stage name.
        lines.append(
            configuration.target.map { "target: " + YAMLText.scalar($0) }
                ?? "# target: not set (the last stage is final)")
        lines.append("exclude: " + flowList(configuration.excludes))
        lines.append(
            configuration.sourceDirectory.map { "source: " + YAMLText.scalar($0) }
                ?? "# source: not set (a plan's own folder is read for its .tf files)")
        lines.append(
            "reports: {"
                + configuration.reports.map { YAMLText.scalar($0.format) + ": " + YAMLText.scalar($0.path) }
                .joined(separator: ", ") + "}")
        lines.append(
            configuration.ruleDocsURL.map { "rule_docs_url: " + YAMLText.scalar($0) }
                ?? "# rule_docs_url: not set (rule ids are not linked)")
        lines.append(
            configuration.maxWaiverDays.map { "max_waiver_days: \($0)" }
                ?? "# max_waiver_days: not set (waivers may run any length)")
        lines += limits(configuration)
        if configuration.waivers.isEmpty {
            lines.append("waivers: []")
        } else {
            lines.append("waivers:")
            for waiver in configuration.waivers {
                var fields = ["rule: " + YAMLText.scalar(waiver.rule)]
                if let resource = waiver.resource { fields.append("resource: " + YAMLText.scalar(resource)) }
                if let file = waiver.file { fields.append("file: " + YAMLText.scalar(file)) }
                fields += [
                    "reason: " + YAMLText.scalar(waiver.reason), "owner: " + YAMLText.scalar(waiver.owner),
                    "expires: " + YAMLText.scalar(waiver.expires.description),
                ]
                lines.append("  - {" + fields.joined(separator: ", ") + "}")
            }
        }
        if configuration.parameters.isEmpty {
            lines.append("params: {}")
        } else {
            lines.append("params:")
            for rule in configuration.parameters.keys.sorted() {
                let parameters = configuration.parameters[rule] ?? [:]
                lines.append("  " + YAMLText.scalar(rule) + ":" + (parameters.isEmpty ? " {}" : ""))
                for name in parameters.keys.sorted() {
                    lines.append("    " + YAMLText.scalar(name) + ": " + flow(parameters[name] ?? .null))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value in YAML flow style: `[a, b]`, `{k: v}`, scalars as `YAMLText` writes them.
    public static func flow(_ value: ConfigValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number):
            number.isFinite ? String(number) : (number.isNaN ? ".nan" : (number > 0 ? ".inf" : "-.inf"))
        case .string(let text): YAMLText.scalar(text)
        case .list(let values): "[" + values.map(flow).joined(separator: ", ") + "]"
        case .map(let entries):
            "{" + entries.map { YAMLText.scalar($0.0) + ": " + flow($0.1) }.joined(separator: ", ") + "}"
        }
    }

    /// The input limits a config changed; the defaults are left out, so reports that print
    /// the configuration (the evidence report) stay as they were for a config without them.
    private static func limits(_ configuration: Configuration) -> [String] {
        let defaults = Configuration()
        var lines: [String] = []
        if configuration.maximumInputBytes != defaults.maximumInputBytes {
            lines.append("max_input_size: \(configuration.maximumInputBytes)")
        }
        let dockerfile = configuration.dockerfileLimits
        if dockerfile.maximumInstructions != defaults.dockerfileLimits.maximumInstructions {
            lines.append("max_dockerfile_instructions: \(dockerfile.maximumInstructions)")
        }
        if dockerfile.maximumLineBytes != defaults.dockerfileLimits.maximumLineBytes {
            lines.append("max_dockerfile_line_length: \(dockerfile.maximumLineBytes)")
        }
        return lines
    }

    private static func flowList(_ items: [String]) -> String {
        "[" + items.map(YAMLText.scalar).joined(separator: ", ") + "]"
    }
}
