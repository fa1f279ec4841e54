import Synchronization

/// The references of each local value of a configuration, by module configuration path
/// (`module.a.module.b`, "" for the root) and name.
///
/// A plan's `configuration` records `local.NAME` where an expression uses a local value, but not
/// the local's own expression; these come from the `.tf` files, when they were read. Set once,
/// before the plan is evaluated, and read while references are resolved on any core.
final class LocalValueReferences: Sendable {
    private let table = Mutex<[String: [String: ParsedReferences]]>([:])

    /// Replaces the table; module keys are call names joined with `.` ("vpc.subnets").
    ///
    /// A local made of other locals is stored with theirs in their place, so resolving one never
    /// follows another: files that define locals in a cycle (which Terraform refuses, but the
    /// files read need not be the ones planned) cannot make resolution loop.
    func set(_ byModule: [String: [String: [String]]]) {
        var parsed: [String: [String: ParsedReferences]] = [:]
        for (module, locals) in byModule {
            let path =
                module.isEmpty
                ? "" : module.split(separator: ".").map { "module." + $0 }.joined(separator: ".")
            parsed[path] = Dictionary(
                uniqueKeysWithValues: locals.keys.map {
                    ($0, ParsedReferences(texts: Self.flatten($0, locals: locals)))
                })
        }
        table.withLock { $0 = parsed }
    }

    /// The references of local `name` and of every local it reaches through others, without
    /// the `local.` references themselves: a walk over the locals in the order they are named,
    /// each visited once, so a cycle ends and the result does not depend on the table's order.
    private static func flatten(_ name: String, locals: [String: [String]]) -> [String] {
        var queue = [name]
        var visited: Set<String> = [name]
        var result: [String] = []
        var seen = Set<String>()
        var next = 0
        while next < queue.count {
            let current = queue[next]
            next += 1
            for text in locals[current] ?? [] {
                guard text.hasPrefix("local.") else {
                    if seen.insert(text).inserted { result.append(text) }
                    continue
                }
                // `local.a.b` and its shorter form `local.a` both name local `a`.
                let other = String(text.dropFirst("local.".count).prefix { $0 != "." && $0 != "[" })
                if visited.insert(other).inserted { queue.append(other) }
            }
        }
        return result
    }

    /// The references of local value `name` in the module at `configurationPath`, nil when the
    /// configuration was not read or does not define it.
    func references(of name: String, configurationPath: String) -> ParsedReferences? {
        table.withLock { $0[configurationPath]?[name] }
    }
}
