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
    /// A local made of other locals is stored with theirs in their place
    /// (``LocalValueFlattening``), so resolving one never follows another.
    func set(_ byModule: [String: [String: [String]]]) {
        var parsed: [String: [String: ParsedReferences]] = [:]
        for (module, locals) in byModule {
            parsed[AddressSyntax.configurationPath(callNames: module)] = LocalValueFlattening.flatten(locals)
                .mapValues { ParsedReferences(texts: $0) }
        }
        table.withLock { $0 = parsed }
    }

    /// The references of local value `name` in the module at `configurationPath`, nil when the
    /// configuration was not read or does not define it.
    func references(of name: String, configurationPath: String) -> ParsedReferences? {
        table.withLock { $0[configurationPath]?[name] }
    }
}
