import Synchronization
import TerraformSource

/// How the configuration's files say attributes build their values from resource attributes,
/// by module configuration path, block and attribute path (see ``Plan/useBuiltValues(_:)``).
///
/// Set once, before the plan is evaluated, and read while it is evaluated on any core.
final class BuiltValues: Sendable {
    private struct Key: Hashable {
        let configurationPath: String
        let block: String
        let attribute: String
    }

    private let table = Mutex<[Key: HCLBuiltValue]>([:])

    /// Replaces the table; module keys are call names joined with `.` ("vpc.subnets").
    func set(_ byModule: [String: [String: [String: HCLBuiltValue]]]) {
        var flat: [Key: HCLBuiltValue] = [:]
        for (module, blocks) in byModule {
            let path = AddressSyntax.configurationPath(callNames: module)
            for (block, attributes) in blocks {
                for (attribute, built) in attributes {
                    flat[Key(configurationPath: path, block: block, attribute: attribute)] = built
                }
            }
        }
        table.withLock { $0 = flat }
    }

    /// True when no configuration file was read, or none builds a value palisade reads: asked
    /// before the keys of a lookup are built.
    var isEmpty: Bool { table.withLock { $0.isEmpty } }

    /// How `attribute` of `block` in the module at `configurationPath` builds its value.
    func value(configurationPath: String, block: String, attribute: String) -> HCLBuiltValue? {
        table.withLock { $0[Key(configurationPath: configurationPath, block: block, attribute: attribute)] }
    }
}

extension AttributeView {
    /// How the configuration's files say this attribute builds its value from resource
    /// attributes; nil when the files were not read or do not write it in such a form.
    ///
    /// Its references are as written (``resolveSourceReference(_:)`` resolves them), and the
    /// elements of a list are in the order written, which for a set is not the plan's order.
    public var builtValue: HCLBuiltValue? {
        guard let context = scope.context, !context.builtValues.isEmpty, let block = scope.block,
            let type = block["type"]?.string, let name = block["name"]?.string
        else { return nil }
        let blockKey = (block["mode"]?.string == "data" ? "data." : "") + type + "." + name
        return context.builtValues.value(
            configurationPath: AddressSyntax.configurationPath(scope.moduleSteps), block: blockKey,
            attribute: path)
    }

    /// How the `locals` of this attribute's module build local value `name`; nil when the
    /// configuration's files were not read or its expression is not one palisade reads.
    public func localBuiltValue(_ name: String) -> HCLBuiltValue? {
        guard let context = scope.context, !context.builtValues.isEmpty else { return nil }
        return context.builtValues.value(
            configurationPath: AddressSyntax.configurationPath(scope.moduleSteps),
            block: SourceLocator.localsKey,
            attribute: name)
    }

    /// A reference of a built value (`aws_s3_bucket.this[0].arn`) resolved in the resource's
    /// module instance; nil unless it names one attribute of one instance.
    public func resolveSourceReference(_ text: String) -> PlanReference? {
        guard let context = scope.context else { return nil }
        let references = context.resolve(ParsedReferences(texts: [text]), in: scope).filter {
            $0.attribute != nil
        }
        return references.count == 1 ? references[0] : nil
    }
}
