@testable import Dockerfile

/// The argv of every command of `source`, in source order.
func argvs(_ source: String) -> [[String]] {
    ShellScript.parse(source).commands.map(\.argv)
}

/// The first command of `source` whose name is `name`.
func command(named name: String, in source: String) -> SimpleCommand? {
    ShellScript.parse(source).commands.first { $0.name == name }
}
