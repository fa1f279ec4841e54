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
        #expect(stored(table, "c") == ["aws_vpc.a", "aws_vpc.c"])
    }

    @Test("A long chain of locals is flattened in linear time, and one past the limit is left out")
    func longChain() {
        // l0 = local.l1 + aws_vpc.v0, l1 = local.l2 + aws_vpc.v1, ...: flattening each local by
        // its own walk took time quadratic in the chain (20,000 locals: 2e8 steps).
        let count = 20_000
        var locals: [String: [String]] = [:]
        for index in 0..<count {
            locals["l\(index)"] = (index + 1 < count ? ["local.l\(index + 1)"] : []) + ["aws_vpc.v\(index)"]
        }
        let flattened = LocalValueFlattening.flatten(locals)
        let limit = LocalValueFlattening.maximumReferences
        #expect(flattened["l\(count - 1)"] == ["aws_vpc.v\(count - 1)"])
        #expect(flattened["l\(count - limit)"]?.count == limit)
        #expect(flattened["l\(count - limit - 1)"] == nil)
        #expect(flattened["l0"] == nil)
    }

    @Test("Components come after the components they reach, cycles as one")
    func components() {
        // 0 -> 1 -> 2 -> 1, 3 alone, 4 -> 0
        let components = LocalValueFlattening.stronglyConnectedComponents([[1], [2], [1], [], [0]])
        #expect(components == [[1, 2], [0], [3], [4]])
    }
}
