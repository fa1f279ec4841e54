import Testing

@testable import TerraformPlan

@Suite("Local values made of local values")
struct LocalValueReferencesTests {
    /// The addresses-and-attributes of the traversals stored for `name`, as text.
    private func stored(_ table: LocalValueReferences, _ name: String, module: String = "") -> [String]? {
        table.references(of: name, configurationPath: module)?.traversals.map { segments in
            String(
                segments.map { segment in
                    switch segment {
                    case .name(let name): "." + name
                    case .key(let key): key.description
                    case .splat: "[*]"
                    }
                }.joined().dropFirst())
        }
    }

    @Test("A local made of locals stores theirs, by module path")
    func flattened() {
        let table = LocalValueReferences()
        table.set([
            "vpc": [
                "vpc_id": ["aws_vpc.this[0].id", "aws_vpc.this[0]", "aws_vpc.this"],
                "name": ["local.vpc_id", "var.prefix"],
                "tags": ["local.name", "local.vpc_id"],
            ]
        ])
        #expect(
            stored(table, "tags", module: "module.vpc") == [
                "var.prefix", "aws_vpc.this[0].id", "aws_vpc.this[0]", "aws_vpc.this",
            ])
        #expect(stored(table, "vpc_id") == nil)
        #expect(stored(table, "missing", module: "module.vpc") == nil)
    }

    @Test("Locals defined in a cycle end, each with what the whole cycle names")
    func cycle() {
        let table = LocalValueReferences()
        table.set([
            "": [
                "a": ["local.b", "aws_vpc.a"], "b": ["local.a", "local.c"], "c": ["local.b", "aws_vpc.c"],
            ]
        ])
        #expect(stored(table, "a") == ["aws_vpc.a", "aws_vpc.c"])
        #expect(stored(table, "b") == ["aws_vpc.a", "aws_vpc.c"])
        #expect(stored(table, "c") == ["aws_vpc.c", "aws_vpc.a"])
    }
}
