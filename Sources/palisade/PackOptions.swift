import ArgumentParser
import PalisadeCore

/// The options that decide which rules exist: the config file and extra policy folders.
struct PackOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "Use this config file instead of the nearest .palisade.yaml.")
    var configPath: String?

    @Option(name: .customLong("policies"), help: "A folder of custom policies (repeatable).")
    var policyFolders: [String] = []

    /// The effective configuration with these options applied; exits 2 when it cannot be read.
    func configuration(
        failOn: FailThreshold? = nil, unknown: UnknownPolicy? = nil, target: String? = nil
    ) throws -> Configuration {
        do {
            return try Scan.configuration(
                for: ScanOptions(
                    paths: [], failOn: failOn, unknown: unknown, policyFolders: policyFolders, target: target,
                    configPath: configPath))
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// The built-in pack plus custom policies, compiled; exits 2 on any rule error.
    func rulePack() throws -> (RulePack, Configuration) {
        let configuration = try configuration()
        do {
            return (try RulePack.load(configuration: configuration), configuration)
        } catch {
            for problem in error.errors { printError(problem.description) }
            throw ExitCode(2)
        }
    }
}
