import TerraformPlan
import TerraformSource

/// Places a plan's findings on the lines of its Terraform configuration and applies the
/// `# palisade:ignore=ID reason` comments written there.
///
/// The configuration is the `--source` directory (or `source:` in config), else the plan
/// file's own directory; a plan read from standard input is located only with `--source`.
/// When the directory holds no `.tf` or `.tf.json` file, findings keep their address alone.
final class PlanSourceResolver {
    private let locator: SourceLocator
    private let plan: Plan

    private init(locator: SourceLocator, plan: Plan) {
        self.locator = locator
        self.plan = plan
    }

    /// The resolver for `document`, nil when there is no configuration to read.
    ///
    /// An explicitly named directory without configuration is an error: the user asked for
    /// locations that cannot be given.
    static func make(
        for document: PlanDocument, sourceDirectory: String?
    ) throws(InputError)
        -> PlanSourceResolver?
    {
        let root: String
        if let sourceDirectory {
            root = sourceDirectory
        } else if document.path != "-" {
            root = document.path.lastIndex(of: "/").map { String(document.path[..<$0]) } ?? "."
        } else {
            return nil
        }
        let rootPrefix = root.hasSuffix("/") ? root : root + "/"
        let modulesJSON = try? FileSystem.read(rootPrefix + ".terraform/modules/modules.json")
        let modules = ModuleDirectories(
            calls: ModuleCall.calls(inPlan: document.plan.document.root), modulesJSON: modulesJSON)
        let locator = SourceLocator(root: root, modules: modules, files: DiskConfigurationFiles())
        guard locator.hasConfiguration else {
            guard sourceDirectory == nil else {
                throw InputError(
                    file: root,
                    message: "no Terraform configuration (.tf or .tf.json files) in --source directory")
            }
            return nil
        }
        return PlanSourceResolver(locator: locator, plan: document.plan)
    }

    /// What the configuration's local values are made of (see ``Plan/useLocalValues(_:)``).
    func localValueReferences() -> [String: [String: [String]]] {
        locator.localValueReferences()
    }

    /// How attributes build their values from resource attributes (see
    /// ``Plan/useBuiltValues(_:)``).
    func builtValues() -> [String: [String: [String: HCLBuiltValue]]] {
        locator.builtValues()
    }

    /// Sets the evaluation's source line and applies inline suppressions written above the
    /// resource block or above the attribute the evaluation names.
    ///
    /// A resource of a module `terraform init` downloaded (a registry or git module) is placed
    /// on the `module` block of the configuration's own files that brings it in, which a
    /// repository holds and a pull request can annotate, with its line in the module beside;
    /// suppressions above that `module` block apply too.
    func resolve(_ evaluation: inout Evaluation) throws(InputError) {
        guard let resource = evaluation.location.resource else { return }
        let match: SourceMatch?
        let call: SourceMatch?
        do {
            match = try locator.locate(
                address: resource, attribute: evaluation.location.attribute,
                knownValues: { [plan] path in Self.knownScalars(of: resource, at: path, in: plan) })
            call = try locator.callSite(of: resource)
        } catch {
            throw InputError(file: error.file, line: error.line, column: error.column, message: error.message)
        }
        let placed: SourceMatch
        if let call {
            placed = call
            evaluation.location.source = SourceReference(
                file: call.span.file, line: call.span.line, endLine: call.span.endLine,
                inModule: match.map {
                    SourceLines(file: $0.span.file, line: $0.span.line, endLine: $0.span.endLine)
                })
        } else if let match {
            placed = match
            evaluation.location.source = SourceReference(
                file: match.span.file, line: match.span.line, endLine: match.span.endLine)
        } else {
            return
        }
        var commented = [placed]
        if call != nil, let match { commented.append(match) }
        for place in commented {
            let file = place.span.file
            for comment in place.comments {
                guard let entry = InlineSuppressions.parse(comment.text, line: comment.line),
                    entry.ruleIDs.contains(evaluation.ruleID)
                else { continue }
                if entry.reason.isEmpty {
                    evaluation.message +=
                        " (the palisade:ignore=\(evaluation.ruleID) on \(file) line \(comment.line) gives no"
                        + " reason, so it does not apply)"
                } else {
                    evaluation.suppressed = true
                    evaluation.suppression = SuppressionNote(
                        file: file, line: comment.line, reason: entry.reason)
                }
            }
        }
    }
}

extension PlanSourceResolver {
    /// The known scalar members of the element at `path` of a resource, as text.
    ///
    /// The locator compares them with the written blocks to tell apart blocks the provider
    /// reordered. Sensitive values are left out: they are never needed for that.
    static func knownScalars(of address: String, at path: String, in plan: Plan) -> [String: String] {
        guard let view = plan.index.resource(address: address)?.values.attribute(atPath: path) else {
            return [:]
        }
        var values: [String: String] = [:]
        for key in view.keys {
            guard case .known(let value) = view.member(key).state, let json = value.json else { continue }
            switch json.kind {
            case .string: values[key] = json.string
            case .int: values[key] = json.int.map { String($0) }
            case .bool: values[key] = json.bool.map { String($0) }
            default: break
            }
        }
        return values
    }
}

/// The locator's view of the disk.
private struct DiskConfigurationFiles: ConfigurationFiles {
    func entries(of directory: String) -> [String]? {
        guard FileSystem.kind(of: directory) == .directory else { return nil }
        return try? FileSystem.entries(of: directory)
    }

    func contents(of path: String) -> [UInt8]? {
        guard FileSystem.kind(of: path) == .file else { return nil }
        return try? FileSystem.read(path)
    }
}
