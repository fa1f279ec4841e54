import Synchronization

/// One part of a string the configuration's files build: literal text, or a reference as a
/// plan's `configuration` writes it (`aws_s3_bucket.this[0].arn`).
public enum SourceTemplatePart: Sendable, Equatable {
    /// Text written in the configuration.
    case text(String)
    /// A traversal of a resource or data source attribute.
    case reference(String)
}

/// A part of a source template with its reference resolved to a full address in the plan.
public enum ResolvedTemplatePart: Sendable, Equatable {
    /// Text written in the configuration.
    case text(String)
    /// The attribute of a resource or data source instance of this plan.
    case reference(PlanReference)
}

/// The list attributes whose elements the configuration's files build from resource
/// attributes, by module configuration path, block and attribute path (see
/// ``Plan/useSourceTemplates(_:)``).
///
/// Set once, before the plan is evaluated, and read while it is evaluated on any core.
final class SourceTemplates: Sendable {
    private struct Key: Hashable {
        let configurationPath: String
        let block: String
        let attribute: String
    }

    private let table = Mutex<[Key: [[SourceTemplatePart]?]]>([:])

    /// Replaces the table; module keys are call names joined with `.` ("vpc.subnets").
    func set(_ byModule: [String: [String: [String: [[SourceTemplatePart]?]]]]) {
        var flat: [Key: [[SourceTemplatePart]?]] = [:]
        for (module, blocks) in byModule {
            let path =
                module.isEmpty
                ? "" : module.split(separator: ".").map { "module." + $0 }.joined(separator: ".")
            for (block, attributes) in blocks {
                for (attribute, templates) in attributes {
                    flat[Key(configurationPath: path, block: block, attribute: attribute)] = templates
                }
            }
        }
        table.withLock { $0 = flat }
    }

    /// The element templates of `attribute` of `block` in the module at `configurationPath`.
    func templates(configurationPath: String, block: String, attribute: String) -> [[SourceTemplatePart]?]? {
        table.withLock { $0[Key(configurationPath: configurationPath, block: block, attribute: attribute)] }
    }
}

extension AttributeView {
    /// The elements of this list as the configuration's files build them, each with its
    /// references resolved in the resource's module instance; nil when the files were not read
    /// or do not write this attribute as a list of such elements.
    ///
    /// An element is nil when it is not made of text and resource attributes alone, or when one
    /// of its references does not resolve to one attribute of one instance. The elements are in
    /// the order written, which for a set is not the plan's order.
    public var sourceElementTemplates: [[ResolvedTemplatePart]?]? {
        guard let context = scope.context, let block = scope.block,
            let type = block["type"]?.string, let name = block["name"]?.string
        else { return nil }
        let blockKey = (block["mode"]?.string == "data" ? "data." : "") + type + "." + name
        guard
            let templates = context.sourceTemplates.templates(
                configurationPath: AddressSyntax.configurationPath(scope.moduleSteps), block: blockKey,
                attribute: path)
        else { return nil }
        return templates.map { template in
            template.flatMap { parts in
                var resolved: [ResolvedTemplatePart] = []
                for part in parts {
                    switch part {
                    case .text(let text): resolved.append(.text(text))
                    case .reference(let text):
                        let references = context.resolve(ParsedReferences(texts: [text]), in: scope).filter {
                            $0.attribute != nil
                        }
                        guard references.count == 1 else { return nil }
                        resolved.append(.reference(references[0]))
                    }
                }
                return resolved
            }
        }
    }
}
