import Synchronization

/// One part of a string the configuration's files build: literal text, or a reference as a
/// plan's `configuration` writes it (`aws_s3_bucket.this[0].arn`).
public enum SourceTemplatePart: Sendable, Equatable {
    /// Text written in the configuration.
    case text(String)
    /// A traversal of a resource or data source attribute.
    case reference(String)
}

/// A value the configuration's files write as `jsonencode(...)` of literals, templates and
/// resource attribute references.
public indirect enum SourceLiteral: Sendable, Equatable {
    /// A string of text and references.
    case string([SourceTemplatePart])
    /// A number, as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// A tuple.
    case tuple([SourceLiteral])
    /// An object, members in the order written.
    case object([(key: String, value: SourceLiteral)])

    /// Literals are equal when written alike.
    public static func == (left: SourceLiteral, right: SourceLiteral) -> Bool {
        switch (left, right) {
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.tuple(let a), .tuple(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
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
    private let literals = Mutex<[Key: SourceLiteral]>([:])
    private let strings = Mutex<[Key: [SourceTemplatePart]]>([:])

    /// Replaces the element templates; module keys are call names joined with `.`
    /// ("vpc.subnets").
    func set(_ byModule: [String: [String: [String: [[SourceTemplatePart]?]]]]) {
        let flat = Self.flattened(byModule)
        table.withLock { $0 = flat }
    }

    /// Replaces the `jsonencode` arguments, keyed as ``set(_:)`` keys templates.
    func set(literals byModule: [String: [String: [String: SourceLiteral]]]) {
        let flat = Self.flattened(byModule)
        literals.withLock { $0 = flat }
    }

    /// Replaces the string templates, keyed as ``set(_:)`` keys list templates.
    func set(strings byModule: [String: [String: [String: [SourceTemplatePart]]]]) {
        let flat = Self.flattened(byModule)
        strings.withLock { $0 = flat }
    }

    private static func flattened<Value>(_ byModule: [String: [String: [String: Value]]]) -> [Key: Value] {
        var flat: [Key: Value] = [:]
        for (module, blocks) in byModule {
            let path =
                module.isEmpty
                ? "" : module.split(separator: ".").map { "module." + $0 }.joined(separator: ".")
            for (block, attributes) in blocks {
                for (attribute, value) in attributes {
                    flat[Key(configurationPath: path, block: block, attribute: attribute)] = value
                }
            }
        }
        return flat
    }

    /// The element templates of `attribute` of `block` in the module at `configurationPath`.
    func templates(configurationPath: String, block: String, attribute: String) -> [[SourceTemplatePart]?]? {
        table.withLock { $0[Key(configurationPath: configurationPath, block: block, attribute: attribute)] }
    }

    /// The string template of `attribute` of `block` in the module at `configurationPath`.
    func string(configurationPath: String, block: String, attribute: String) -> [SourceTemplatePart]? {
        strings.withLock { $0[Key(configurationPath: configurationPath, block: block, attribute: attribute)] }
    }

    /// The `jsonencode` argument of `attribute` of `block` in the module at `configurationPath`.
    func literal(configurationPath: String, block: String, attribute: String) -> SourceLiteral? {
        literals.withLock {
            $0[Key(configurationPath: configurationPath, block: block, attribute: attribute)]
        }
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
        guard let (context, key) = sourceKey,
            let templates = context.sourceTemplates.templates(
                configurationPath: key.configurationPath, block: key.block, attribute: path)
        else { return nil }
        return templates.map { template in
            template.flatMap { parts in
                var resolved: [ResolvedTemplatePart] = []
                for part in parts {
                    switch part {
                    case .text(let text): resolved.append(.text(text))
                    case .reference(let text):
                        guard let reference = resolveSourceReference(text) else { return nil }
                        resolved.append(.reference(reference))
                    }
                }
                return resolved
            }
        }
    }

    /// The argument of the `jsonencode(...)` the configuration's files write for this
    /// attribute, when it is made of literals, templates and resource attribute references;
    /// its references are as written (``resolveSourceReference(_:)`` resolves them).
    public var sourceEncodedLiteral: SourceLiteral? {
        guard let (context, key) = sourceKey else { return nil }
        return context.sourceTemplates.literal(
            configurationPath: key.configurationPath, block: key.block, attribute: path)
    }

    /// The parts of the quoted template or heredoc the configuration's files write for this
    /// attribute, when it refers to resource attributes; its references are as written
    /// (``resolveSourceReference(_:)`` resolves them).
    public var sourceStringTemplate: [SourceTemplatePart]? {
        guard let (context, key) = sourceKey else { return nil }
        return context.sourceTemplates.string(
            configurationPath: key.configurationPath, block: key.block, attribute: path)
    }

    /// A reference of a source template (`aws_s3_bucket.this[0].arn`) resolved in the
    /// resource's module instance; nil unless it names one attribute of one instance.
    public func resolveSourceReference(_ text: String) -> PlanReference? {
        guard let context = scope.context else { return nil }
        let references = context.resolve(ParsedReferences(texts: [text]), in: scope).filter {
            $0.attribute != nil
        }
        return references.count == 1 ? references[0] : nil
    }

    /// The context and where the resource's block is in the configuration.
    private var sourceKey: (PlanContext, (configurationPath: String, block: String))? {
        guard let context = scope.context, let block = scope.block,
            let type = block["type"]?.string, let name = block["name"]?.string
        else { return nil }
        let blockKey = (block["mode"]?.string == "data" ? "data." : "") + type + "." + name
        return (context, (AddressSyntax.configurationPath(scope.moduleSteps), blockKey))
    }
}
