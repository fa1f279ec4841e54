import Yams

/// One control of a framework's catalogue: its id, a short title, and, for a control no rule
/// can check from a plan or a Dockerfile, why.
public struct CatalogControl: Sendable, Equatable {
    /// The control number within its framework, such as `4.3.2`.
    public var id: String
    /// A short title in our own words.
    public var title: String
    /// Why the control cannot be checked from a plan or a Dockerfile; nil when it can be.
    public var manual: String?

    /// Creates a control.
    public init(id: String, title: String, manual: String? = nil) {
        self.id = id
        self.title = title
        self.manual = manual
    }
}

/// One framework's controls, as a file under `controls/` lists them.
public struct FrameworkCatalog: Sendable, Equatable {
    /// The prefix rules cite it by, such as `CIS-AWS`.
    public var framework: String
    /// The framework's full name.
    public var name: String
    /// The edition whose numbering the catalogue follows.
    public var version: String
    /// Which parts of the framework the catalogue holds.
    public var scope: String
    /// The controls, in the file's order.
    public var controls: [CatalogControl]

    /// Creates a framework's catalogue.
    public init(framework: String, name: String, version: String, scope: String, controls: [CatalogControl]) {
        self.framework = framework
        self.name = name
        self.version = version
        self.scope = scope
        self.controls = controls
    }

    /// `FRAMEWORK:ID` of a control, as rules cite it.
    public func reference(of control: CatalogControl) -> String { framework + ":" + control.id }
}

/// The control catalogue: every framework whose controls the evidence report covers.
///
/// The catalogue is data in the repository (`controls/*.yaml`, one file per framework), embedded
/// in the binary by `palisade generate-controls` the way the rule pack is.
public struct ControlCatalog: Sendable, Equatable {
    /// The frameworks, in file-name order.
    public var frameworks: [FrameworkCatalog]

    /// Creates a catalogue.
    public init(frameworks: [FrameworkCatalog]) {
        self.frameworks = frameworks
    }

    /// The catalogue built into this binary.
    public static func builtIn() throws(InputError) -> ControlCatalog {
        try parse(EmbeddedControls.files)
    }

    /// Reads catalogue files given as (path, YAML text); errors name the file and position.
    public static func parse(_ files: [(path: String, contents: String)]) throws(InputError) -> ControlCatalog
    {
        var frameworks: [FrameworkCatalog] = []
        for file in files {
            frameworks.append(try parseFramework(file.contents, path: file.path))
        }
        var seen = Set<String>()
        for framework in frameworks where !seen.insert(framework.framework).inserted {
            throw InputError(file: "controls", message: "framework \(framework.framework) is listed twice")
        }
        return ControlCatalog(frameworks: frameworks)
    }

    /// The control a rule's `FRAMEWORK:ID` or `FRAMEWORK-VERSION:ID` reference names, if catalogued.
    ///
    /// A reference with a version resolves only when the catalogue follows that edition
    /// (`CIS-AWS-3.0:2.1.4` against a 3.0.0 catalogue).
    public func lookup(_ reference: String) -> (framework: FrameworkCatalog, control: CatalogControl)? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let prefix = String(reference[..<colon])
        let id = String(reference[reference.index(after: colon)...])
        for framework in frameworks {
            let versionMatches: Bool
            if prefix == framework.framework {
                versionMatches = true
            } else if prefix.hasPrefix(framework.framework + "-") {
                let version = prefix.dropFirst(framework.framework.count + 1)
                versionMatches = framework.version == version || framework.version.hasPrefix(version + ".")
            } else {
                continue
            }
            guard versionMatches, let control = framework.controls.first(where: { $0.id == id }) else {
                continue
            }
            return (framework, control)
        }
        return nil
    }

    private static func parseFramework(_ text: String, path: String) throws(InputError) -> FrameworkCatalog {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationLoader.yamlError(error, path: path)
        } catch {
            throw InputError(file: path, message: "\(error)")
        }
        guard let root, case .mapping(let mapping) = root else {
            throw InputError(file: path, message: "a control catalogue must be a mapping")
        }
        func field(_ key: String) throws(InputError) -> String {
            guard let value = mapping[key]?.string, !value.isEmpty else {
                throw InputError(file: path, message: "\(key) must be a non-empty string")
            }
            return value
        }
        var catalog = FrameworkCatalog(
            framework: try field("framework"), name: try field("name"), version: try field("version"),
            scope: try field("scope"), controls: [])
        guard let list = mapping["controls"], case .sequence(let entries) = list else {
            throw InputError(file: path, message: "controls must be a list")
        }
        var ids = Set<String>()
        for entry in entries {
            let line = entry.mark.map { $0.line }
            guard case .mapping(let fields) = entry else {
                throw InputError(file: path, line: line, message: "each control must be a mapping")
            }
            for key in fields.keys.compactMap(\.string) where !["id", "title", "manual"].contains(key) {
                throw InputError(
                    file: path, line: line, message: "unknown field '\(key)' (id, title, manual)")
            }
            guard let id = fields["id"]?.string, !id.isEmpty, let title = fields["title"]?.string,
                !title.isEmpty
            else {
                throw InputError(file: path, line: line, message: "a control needs a non-empty id and title")
            }
            guard ids.insert(id).inserted else {
                throw InputError(file: path, line: line, message: "control \(id) is listed twice")
            }
            let manual = fields["manual"]?.string
            if let manual, manual.isEmpty {
                throw InputError(file: path, line: line, message: "manual must say why, in one sentence")
            }
            catalog.controls.append(CatalogControl(id: id, title: title, manual: manual))
        }
        return catalog
    }
}
