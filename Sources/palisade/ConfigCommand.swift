import ArgumentParser
import PalisadeCore
import Reporters

/// `palisade config`: prints the configuration a scan would use.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration (defaults, then .palisade.yaml, then flags) as YAML."
    )

    @Option(
        name: .customLong("fail-on"),
        help: "Lowest severity that fails: critical, high, medium, low, info, never.")
    var failOn: String?

    @Option(help: "What unknown results do: pass, warn or fail.")
    var unknown: String?

    @Option(help: "The Dockerfile stage treated as final (name or index).")
    var target: String?

    @OptionGroup var pack: PackOptions

    func validate() throws {
        if let failOn, FailThreshold(failOn) == nil {
            throw ValidationError("--fail-on must be one of: critical, high, medium, low, info, never")
        }
        if let unknown, UnknownPolicy(rawValue: unknown) == nil {
            throw ValidationError("--unknown must be one of: pass, warn, fail")
        }
    }

    func run() throws {
        let configuration = try pack.configuration(
            failOn: failOn.flatMap(FailThreshold.init),
            unknown: unknown.flatMap(UnknownPolicy.init(rawValue:)), target: target)
        FileOutput.writeStandardOutput(ConfigurationPrinter.render(configuration))
    }
}
