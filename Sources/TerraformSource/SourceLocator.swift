/// A place in a configuration file: the file and a line range.
public struct SourceSpan: Sendable, Equatable {
    /// The file's path: the source directory joined with the path inside it.
    public var file: String
    /// The first line (1-based).
    public var line: Int
    /// The last line (1-based).
    public var endLine: Int

    /// Creates a span.
    public init(file: String, line: Int, endLine: Int) {
        self.file = file
        self.line = line
        self.endLine = endLine
    }
}

/// Where a plan resource (and one of its attributes) is written.
public struct SourceMatch: Sendable, Equatable {
    /// The `resource` or `data` block.
    public var block: SourceSpan
    /// The attribute or nested block the attribute path names, as deep as the configuration
    /// writes it; nil when the path is not written in the block (a default or computed value).
    public var attribute: SourceSpan?
    /// The comment blocks directly above the resource block and above each attribute or nested
    /// block on the way to `attribute`, in that order (inline suppressions are read from these).
    public var comments: [HCLComment]

    /// The span a finding is placed on: the attribute's when it is written, else the block's.
    public var span: SourceSpan { attribute ?? block }
}

/// Finds the `.tf` (or `.tf.json`) lines of plan resources and their attributes.
///
/// Each module directory is read once, on first use; a file that cannot be parsed is an error
/// naming its line, reported once for its directory.
public final class SourceLocator {
    private let root: String
    private let modules: ModuleDirectories
    private let files: any ConfigurationFiles
    private var directories: [String: Result<ModuleSource, HCLSyntaxError>] = [:]

    /// A locator for the configuration rooted at `root` (the root module's directory).
    public init(root: String, modules: ModuleDirectories, files: any ConfigurationFiles) {
        self.root = root
        self.modules = modules
        self.files = files
    }

    /// Whether the root module's directory holds any configuration file.
    public var hasConfiguration: Bool {
        (files.entries(of: root) ?? []).contains { ModuleSource.isConfigurationFile($0) }
    }

    /// The references of every local value the configuration defines, by module (call names
    /// joined with `.`, "" for the root) and name: a plan records `local.NAME` in an expression
    /// but not what the local value is made of.
    ///
    /// Locals of `.tf` and `.tf.json` files alike. A module whose directory is unknown or whose
    /// files do not parse defines none here (a parse error is reported when a finding is located
    /// in it).
    public func localValueReferences() -> [String: [String: [String]]] {
        var table: [String: [String: [String]]] = [:]
        for (module, relative) in modules.directories {
            guard let source = try? moduleSource(relativeDirectory: relative) else { continue }
            var locals: [String: [String]] = [:]
            for file in source.files {
                for block in file.body.blocks(ofType: "locals") {
                    for attribute in block.body.attributes { locals[attribute.name] = attribute.references }
                }
            }
            if !locals.isEmpty { table[module] = locals }
        }
        return table
    }

    /// How the attributes of every resource and data source block, and the arguments of every
    /// module call, build their values from resource attributes (see ``HCLBuiltValue``): by
    /// module (call names joined with `.`, "" for the root), block
    /// (`data.aws_iam_policy_document.tls`, `aws_x.y`, `module.bucket`) and attribute path
    /// (`statement[0].resources`); the local values of `.tf` files under ``localsKey``, by name.
    ///
    /// A nested block is numbered among the blocks of its type as the plan numbers them, so a
    /// type that also has a `dynamic` block, whose blocks the plan puts anywhere among them, is
    /// left out.
    public func builtValues() -> [String: [String: [String: HCLBuiltValue]]] {
        var table: [String: [String: [String: HCLBuiltValue]]] = [:]
        for (module, relative) in modules.directories {
            guard let source = try? moduleSource(relativeDirectory: relative) else { continue }
            var blocks: [String: [String: HCLBuiltValue]] = [:]
            for file in source.files {
                for block in file.body.blocks
                where ((block.type == "resource" || block.type == "data") && block.labels.count == 2)
                    || (block.type == "module" && block.labels.count == 1)
                {
                    var attributes: [String: HCLBuiltValue] = [:]
                    // A module call's arguments only: its nested blocks are meta-arguments.
                    Self.collectBuiltValues(
                        of: block.body, path: "",
                        depth: block.type == "module" ? Self.maximumAttributeDepth : 0,
                        into: &attributes)
                    guard !attributes.isEmpty else { continue }
                    let key =
                        (block.type == "resource" ? "" : block.type + ".")
                        + block.labels.joined(separator: ".")
                    // The first block of an address stands, as in `locate`.
                    if blocks[key] == nil { blocks[key] = attributes }
                }
                // Local values under one key no block address can have.
                for block in file.body.blocks(ofType: "locals") {
                    for attribute in block.body.attributes {
                        guard let built = attribute.builtValue else { continue }
                        if blocks[Self.localsKey]?[attribute.name] == nil {
                            blocks[Self.localsKey, default: [:]][attribute.name] = built
                        }
                    }
                }
            }
            if !blocks.isEmpty { table[module] = blocks }
        }
        return table
    }

    /// The block key of the local values in ``builtValues()``.
    public static let localsKey = "locals"

    /// Nested blocks deeper than this are not read by ``builtValues()``.
    private static let maximumAttributeDepth = 16

    private static func collectBuiltValues(
        of body: HCLBody, path: String, depth: Int, into attributes: inout [String: HCLBuiltValue]
    ) {
        for attribute in body.attributes {
            if let built = attribute.builtValue { attributes[path + attribute.name] = built }
        }
        guard depth < maximumAttributeDepth else { return }
        let dynamicTypes = Set(body.blocks(ofType: "dynamic").compactMap(\.labels.first))
        var counts: [String: Int] = [:]
        for block in body.blocks where block.type != "dynamic" && !dynamicTypes.contains(block.type) {
            let index = counts[block.type, default: 0]
            counts[block.type] = index + 1
            collectBuiltValues(
                of: block.body, path: path + "\(block.type)[\(index)].", depth: depth + 1, into: &attributes)
        }
    }

    /// The parsed files of the module directory `relative` (to the root), read once.
    private func moduleSource(relativeDirectory relative: String) throws(HCLSyntaxError) -> ModuleSource {
        let directory = ConfigurationPath.join(root, relative)
        if let cached = directories[directory] { return try cached.get() }
        let loaded = Result { () throws(HCLSyntaxError) in
            try ModuleSource(directory: directory, files: files)
        }
        directories[directory] = loaded
        return try loaded.get()
    }

    /// Where the configuration's own files bring in the downloaded module that holds `address`:
    /// the `module` block, in the innermost module of the configuration itself, that calls it
    /// (or a module on the way to it); nil when `address` is not in a downloaded module, or
    /// that block is not found.
    ///
    /// `terraform init` downloads a registry or git module under `.terraform/`, which a
    /// repository does not hold: a finding placed only there cannot be annotated in a pull
    /// request, and the module call is where its arguments are set. Throws when a file of the
    /// calling module cannot be parsed.
    public func callSite(of address: String) throws(HCLSyntaxError) -> SourceMatch? {
        // A module whose directory is not known was not called by a relative path, and without
        // `.terraform/modules/modules.json` (no `terraform init` here) is downloaded too.
        guard let calls = ResourceAddress(address)?.moduleCalls ?? ProviderAddress(address)?.moduleCalls,
            !calls.isEmpty, isDownloaded(calls[...]) != false
        else { return nil }
        // The deepest module on the way that the configuration itself holds.
        var local = calls.count - 1
        while local > 0, isDownloaded(calls[..<local]) != false { local -= 1 }
        guard let directory = modules.directory(forCalls: Array(calls[..<local])) else { return nil }
        let source = try moduleSource(relativeDirectory: directory)
        for file in source.files {
            for block in file.body.blocks where block.type == "module" && block.labels == [calls[local]] {
                return SourceMatch(
                    block: SourceSpan(file: file.path, line: block.line, endLine: block.endLine),
                    attribute: nil,
                    comments: file.commentBlock(above: block.line))
            }
        }
        return nil
    }

    /// Whether the module reached through `calls` was downloaded by `terraform init` (its
    /// directory is under `.terraform/`); nil when its directory is not known.
    private func isDownloaded(_ calls: ArraySlice<String>) -> Bool? {
        guard let directory = modules.directory(forCalls: Array(calls)) else { return nil }
        let path = ConfigurationPath.join(".", directory)
        return path == ".terraform" || path.hasPrefix(".terraform/")
    }

    /// Locates `address` and, when given, `attribute` inside it.
    ///
    /// Nil when the configuration does not hold the block or its module's directory is
    /// unknown; throws when a file of the module cannot be parsed.
    ///
    /// Nested blocks are lists in the plan, so `ingress[1]` is taken as the second `ingress`
    /// block written; but a provider may reorder blocks it keeps as a set. `knownValues`, when
    /// given, answers a block path such as `ingress[1]` with that element's known scalar values
    /// in the plan (as text), and among several blocks the one whose literal attributes agree
    /// with them is chosen instead, when exactly one agrees best. Beside a `dynamic` block of
    /// the same name, an element no static block matches is placed on the `dynamic` block.
    public func locate(
        address: String, attribute: String?, knownValues: ((String) -> [String: String])? = nil
    ) throws(HCLSyntaxError) -> SourceMatch? {
        let resource = ResourceAddress(address)
        let provider = resource == nil ? ProviderAddress(address) : nil
        guard let calls = resource?.moduleCalls ?? provider?.moduleCalls,
            let relative = modules.directory(forCalls: calls)
        else { return nil }
        let source = try moduleSource(relativeDirectory: relative)
        let located = resource.map { source.block($0) } ?? provider.map { source.block($0) } ?? nil
        guard let (file, block) = located else { return nil }
        var comments = file.commentBlock(above: block.line)
        let blockSpan = SourceSpan(file: file.path, line: block.line, endLine: block.endLine)
        guard let attribute, let steps = AddressPath.steps(attribute) else {
            return SourceMatch(block: blockSpan, attribute: nil, comments: comments)
        }
        var body = block.body
        var found: SourceSpan?
        var index = 0
        var walked = ""
        while index < steps.count, case .name(let name) = steps[index] {
            index += 1
            // Nested blocks are lists in the plan: `ingress[1]` is the second ingress block.
            var position = 0
            if index < steps.count, case .index(let value) = steps[index] {
                position = value
                index += 1
            }
            let nested = body.blocks(ofType: name)
            // A `dynamic "ingress"` block writes every ingress block there is beyond the static ones.
            let dynamic = body.blocks(ofType: "dynamic").first { $0.labels == [name] }
            let elementPath = (walked.isEmpty ? "" : walked + ".") + name + "[\(position)]"
            walked = elementPath
            if !nested.isEmpty, position < nested.count || dynamic != nil {
                let values = nested.count > 1 || dynamic != nil ? knownValues?(elementPath) : nil
                let matched = values.flatMap { Self.bestMatch(nested, values: $0) }
                if matched == nil, values != nil, let dynamic {
                    found = SourceSpan(file: file.path, line: dynamic.line, endLine: dynamic.endLine)
                    comments += file.commentBlock(above: dynamic.line)
                    break
                }
                guard let inner = matched ?? (position < nested.count ? nested[position] : nil) else { break }
                found = SourceSpan(file: file.path, line: inner.line, endLine: inner.endLine)
                comments += file.commentBlock(above: inner.line)
                body = inner.body
                continue
            }
            if let written = body.attribute(name) {
                found = SourceSpan(file: file.path, line: written.line, endLine: written.endLine)
                comments += file.commentBlock(above: written.line)
            } else if let dynamic {
                found = SourceSpan(file: file.path, line: dynamic.line, endLine: dynamic.endLine)
                comments += file.commentBlock(above: dynamic.line)
            }
            break
        }
        return SourceMatch(block: blockSpan, attribute: found, comments: comments)
    }
}

extension SourceLocator {
    /// The one block whose literal attributes agree most with `values`, counting each literal
    /// that differs against it; nil on a tie or when none agrees more than it differs.
    ///
    /// A block's own literals outweigh a provider's rewriting of one of them (protocol `6`
    /// planned as `tcp`), and a block made by a `dynamic` block beside static ones differs from
    /// each static one in what sets them apart (its ports).
    static func bestMatch(_ blocks: [HCLBlock], values: [String: String]) -> HCLBlock? {
        let scores = blocks.map { block in
            block.body.attributes.reduce(0) { score, attribute in
                guard let literal = attribute.literal, let value = values[attribute.name] else {
                    return score
                }
                return score + (value == literal ? 1 : -1)
            }
        }
        guard let best = scores.max(), best > 0, scores.filter({ $0 == best }).count == 1,
            let index = scores.firstIndex(of: best)
        else { return nil }
        return blocks[index]
    }
}

/// The parsed configuration files of one module directory.
struct ModuleSource {
    let files: [HCLFile]
    private var blocks: [String: (HCLFile, HCLBlock)] = [:]

    static func isConfigurationFile(_ name: String) -> Bool {
        name.hasSuffix(".tf") || name.hasSuffix(".tf.json")
    }

    init(directory: String, files access: any ConfigurationFiles) throws(HCLSyntaxError) {
        var files: [HCLFile] = []
        for name in (access.entries(of: directory) ?? []).filter(Self.isConfigurationFile).sorted() {
            let path = directory == "." ? name : directory + "/" + name
            guard let bytes = access.contents(of: path) else { continue }
            files.append(
                name.hasSuffix(".tf.json")
                    ? try TerraformJSONReader.parse(bytes, path: path)
                    : try HCLParser.parse(bytes, path: path))
        }
        self.files = files
        for file in files {
            for block in file.body.blocks where block.type == "resource" || block.type == "data" {
                guard block.labels.count == 2 else { continue }
                let key = Self.key(isData: block.type == "data", type: block.labels[0], name: block.labels[1])
                // Terraform rejects duplicates; the first one stands if a file has them anyway.
                if blocks[key] == nil { blocks[key] = (file, block) }
            }
        }
    }

    private static func key(isData: Bool, type: String, name: String) -> String {
        (isData ? "data." : "") + type + "." + name
    }

    func block(_ address: ProviderAddress) -> (HCLFile, HCLBlock)? {
        for file in files {
            for block in file.body.blocks where block.type == "provider" && block.labels == [address.name] {
                if block.body.attribute("alias")?.literal == address.alias { return (file, block) }
            }
        }
        return nil
    }

    func block(_ address: ResourceAddress) -> (HCLFile, HCLBlock)? {
        blocks[Self.key(isData: address.isData, type: address.type, name: address.name)]
    }
}
