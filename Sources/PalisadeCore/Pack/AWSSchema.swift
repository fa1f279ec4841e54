/// The resource and data-source types of the pinned hashicorp/aws provider, with the attribute
/// names and nested blocks of each, read once from ``AWSSchemaData`` (made by
/// `scripts/aws-schema` from `terraform providers schema -json`).
///
/// Custom rules are checked against it, so a misspelt type or attribute is a load error instead
/// of a rule that silently never matches.
public struct AWSSchema: Sendable {
    /// The attributes and nested blocks of a type or of one nested block.
    public struct Node: Sendable {
        /// Child name to its own children; a leaf has none.
        public let children: [String: Node]

        /// A leaf attribute (a scalar, a map, or a list of scalars).
        public var isLeaf: Bool { children.isEmpty }
    }

    /// The command that regenerates the data, named by its freshness test.
    public static let command = "scripts/aws-schema"
    /// The provider version the schema describes.
    public static let providerVersion = AWSSchemaData.providerVersion

    /// Resource types to their top-level attributes and blocks.
    public let resources: [String: Node]
    /// Data-source types to their top-level attributes and blocks.
    public let dataSources: [String: Node]

    /// The schema of the pinned provider, parsed on first use.
    public static let pinned = AWSSchema(text: AWSSchemaData.text)

    /// Parses the compact form: `r|d TYPE name,name{child,...},...` per line.
    init(text: String) {
        var resources: [String: Node] = [:]
        var dataSources: [String: Node] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2 else { continue }
            var body = parts.count == 3 ? Array(parts[2].utf8)[...] : []
            let node = Node(children: Self.children(&body))
            if parts[0] == "r" {
                resources[String(parts[1])] = node
            } else {
                dataSources[String(parts[1])] = node
            }
        }
        self.resources = resources
        self.dataSources = dataSources
    }

    /// Reads `name,name{...},...` up to a closing `}` or the end, consuming it.
    private static func children(_ bytes: inout ArraySlice<UInt8>) -> [String: Node] {
        var result: [String: Node] = [:]
        var name: [UInt8] = []
        func flush(_ node: Node) {
            if !name.isEmpty { result[String(decoding: name, as: UTF8.self)] = node }
            name = []
        }
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "{"):
                flush(Node(children: children(&bytes)))
                // The nested call consumed the matching `}`; a `,` may follow.
                if bytes.first == UInt8(ascii: ",") { bytes.removeFirst() }
            case UInt8(ascii: ","): flush(Node(children: [:]))
            case UInt8(ascii: "}"):
                flush(Node(children: [:]))
                return result
            default: name.append(byte)
            }
        }
        flush(Node(children: [:]))
        return result
    }
}
