import JSON

/// A `module` call as the plan's `configuration` records it: its name, its `source` and the
/// calls inside the module.
public struct ModuleCall: Sendable, Equatable {
    /// The call's name (`module "NAME"`).
    public var name: String
    /// The `source` argument as written.
    public var source: String
    /// The module calls the called module makes.
    public var calls: [ModuleCall]

    /// Creates a module call.
    public init(name: String, source: String, calls: [ModuleCall] = []) {
        self.name = name
        self.source = source
        self.calls = calls
    }
}

/// Where the configuration of each module instance lives, relative to the root module.
///
/// `terraform init` writes `.terraform/modules/modules.json` with the directory of every
/// module it installed (registry and git modules copied under `.terraform/modules`, local
/// ones pointing at their path); that record wins when present. Without it, local `source`
/// paths (`./` or `../`) from the plan's module calls are followed; a registry or git module
/// with no record has no known directory, and nothing is guessed for it.
public struct ModuleDirectories: Sendable, Equatable {
    /// Directories relative to the root module, keyed by call names joined with `.` ("" is the
    /// root).
    public private(set) var directories: [String: String] = ["": "."]

    /// Builds the mapping from the plan's module calls and the text of `modules.json`, if any.
    public init(calls: [ModuleCall], modulesJSON: [UInt8]?) {
        add(calls, parentKey: "", parentDirectory: ".")
        if let modulesJSON, let document = try? JSONDocument.parse(modulesJSON) {
            for module in document.root["Modules"].map({ Array($0.elements) }) ?? [] {
                guard let key = module["Key"]?.string, let directory = module["Dir"]?.string else { continue }
                directories[key] = ConfigurationPath.join(".", directory)
            }
        }
    }

    private mutating func add(_ calls: [ModuleCall], parentKey: String, parentDirectory: String?) {
        for call in calls {
            let key = parentKey.isEmpty ? call.name : parentKey + "." + call.name
            var directory: String?
            if let parentDirectory, call.source.hasPrefix("./") || call.source.hasPrefix("../") {
                directory = ConfigurationPath.join(parentDirectory, call.source)
            }
            if let directory { directories[key] = directory }
            add(call.calls, parentKey: key, parentDirectory: directory)
        }
    }

    /// The directory of the module reached through `calls`, relative to the root module.
    public func directory(forCalls calls: [String]) -> String? {
        directories[calls.joined(separator: ".")]
    }
}

extension ModuleCall {
    /// The module calls a plan's `configuration.root_module` makes, nested calls included.
    public static func calls(inPlan root: JSONValue) -> [ModuleCall] {
        calls(in: root["configuration"]?["root_module"], depth: 0)
    }

    private static func calls(in module: JSONValue?, depth: Int) -> [ModuleCall] {
        guard depth < 64, let module, let calls = module["module_calls"] else { return [] }
        return calls.members.map { name, call in
            ModuleCall(
                name: name, source: call["source"]?.string ?? "",
                calls: Self.calls(in: call["module"], depth: depth + 1))
        }
    }
}
