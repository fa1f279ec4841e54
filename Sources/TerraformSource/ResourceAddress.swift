/// The parts of a plan resource address that name its configuration block.
///
/// `module.a["x"].module.b[0].data.aws_ami.ubuntu[2]` has the module calls `a` and `b`, mode
/// data, type `aws_ami` and name `ubuntu`; instance keys are dropped, because every instance
/// of a `count` or `for_each` resource or module comes from the same block.
public struct ResourceAddress: Sendable, Equatable {
    /// The module call names from the root, keys dropped.
    public var moduleCalls: [String]
    /// True for a `data` block.
    public var isData: Bool
    /// The resource type.
    public var type: String
    /// The resource name.
    public var name: String

    /// Creates an address from its parts.
    public init(moduleCalls: [String], isData: Bool, type: String, name: String) {
        self.moduleCalls = moduleCalls
        self.isData = isData
        self.type = type
        self.name = name
    }

    /// Parses a resource address; nil for anything else (a provider configuration, say).
    public init?(_ address: String) {
        guard let names = AddressPath.names(address) else { return nil }
        var index = 0
        var calls: [String] = []
        while index + 1 < names.count, names[index] == "module" {
            calls.append(names[index + 1])
            index += 2
        }
        var isData = false
        if names.count - index == 3, names[index] == "data" {
            isData = true
            index += 1
        }
        // `provider.aws` is a provider configuration; no resource type is called `provider`.
        guard names.count - index == 2, names[index] != "provider" else { return nil }
        self.init(moduleCalls: calls, isData: isData, type: names[index], name: names[index + 1])
    }
}

/// The parts of a provider configuration address: `module.a.provider.aws.west` is the
/// `provider "aws"` block with `alias = "west"` in module `a`.
public struct ProviderAddress: Sendable, Equatable {
    /// The module call names from the root, keys dropped.
    public var moduleCalls: [String]
    /// The provider's local name.
    public var name: String
    /// The alias, if any.
    public var alias: String?

    /// Parses `[module.X.]provider.NAME[.ALIAS]`; nil for anything else.
    public init?(_ address: String) {
        guard let names = AddressPath.names(address) else { return nil }
        var index = 0
        var calls: [String] = []
        while index + 1 < names.count, names[index] == "module" {
            calls.append(names[index + 1])
            index += 2
        }
        let rest = names[index...]
        guard rest.count == 2 || rest.count == 3, rest.first == "provider" else { return nil }
        moduleCalls = calls
        name = rest[index + 1]
        alias = rest.count == 3 ? rest[index + 2] : nil
    }
}

/// One step of an attribute path such as `ingress[1].cidr_blocks[0]`.
public enum AttributePathStep: Sendable, Equatable {
    /// An attribute or block type name.
    case name(String)
    /// A list index.
    case index(Int)
    /// A map key (`tags["Name"]`).
    case key(String)
}

/// Splits addresses and attribute paths at dots, honouring bracketed and quoted keys.
enum AddressPath {
    /// The dotted names of an address, bracketed parts dropped; nil when brackets do not close.
    static func names(_ text: String) -> [String]? {
        steps(text)?.compactMap { step in
            if case .name(let name) = step { return name }
            return nil
        }
    }

    /// The steps of a path; nil when a bracket or quote does not close.
    static func steps(_ text: String) -> [AttributePathStep]? {
        var steps: [AttributePathStep] = []
        var characters = Substring(text)
        while let first = characters.first {
            if first == "." {
                characters = characters.dropFirst()
            } else if first == "[" {
                characters = characters.dropFirst()
                if characters.first == "\"" {
                    var key = ""
                    var escaped = false
                    characters = characters.dropFirst()
                    var closed = false
                    while let character = characters.popFirst() {
                        if escaped {
                            key.append(character)
                            escaped = false
                        } else if character == "\\" {
                            escaped = true
                        } else if character == "\"" {
                            closed = true
                            break
                        } else {
                            key.append(character)
                        }
                    }
                    guard closed, characters.popFirst() == "]" else { return nil }
                    steps.append(.key(key))
                } else {
                    guard let close = characters.firstIndex(of: "]") else { return nil }
                    let content = characters[..<close]
                    steps.append(Int(content).map(AttributePathStep.index) ?? .key(String(content)))
                    characters = characters[characters.index(after: close)...]
                }
            } else {
                let name = characters.prefix { $0 != "." && $0 != "[" }
                steps.append(.name(String(name)))
                characters = characters.dropFirst(name.count)
            }
        }
        return steps
    }
}
