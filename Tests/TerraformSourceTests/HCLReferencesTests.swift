import Testing

@testable import TerraformSource

@Suite("References of local values")
struct HCLReferencesTests {
    /// The references of each local value of `text`, by name.
    private func locals(_ text: String) throws -> [String: [String]] {
        let file = try HCLParser.parse(Array(text.utf8), path: "main.tf")
        var table: [String: [String]] = [:]
        for block in file.body.blocks(ofType: "locals") {
            for attribute in block.body.attributes { table[attribute.name] = attribute.references }
        }
        return table
    }

    @Test("Traversals are listed as a plan lists them: whole, then shorter down to the object")
    func traversals() throws {
        let table = try locals(
            """
            locals {
              vpc_id   = try(aws_vpc_ipv4_cidr_block_association.this[0].vpc_id, aws_vpc.this[0].id, "")
              key      = data.aws_kms_alias.ebs.target_key_arn
              by_key   = aws_subnet.private["a"].id
              output   = module.network.vpc_id
              chained  = local.vpc_id
              variable = var.name
            }
            """)
        #expect(
            table["vpc_id"] == [
                "aws_vpc_ipv4_cidr_block_association.this[0].vpc_id",
                "aws_vpc_ipv4_cidr_block_association.this[0]",
                "aws_vpc_ipv4_cidr_block_association.this", "aws_vpc.this[0].id", "aws_vpc.this[0]",
                "aws_vpc.this",
            ])
        #expect(table["key"] == ["data.aws_kms_alias.ebs.target_key_arn", "data.aws_kms_alias.ebs"])
        #expect(
            table["by_key"] == [
                #"aws_subnet.private["a"].id"#, #"aws_subnet.private["a"]"#, "aws_subnet.private",
            ])
        #expect(table["output"] == ["module.network.vpc_id", "module.network"])
        #expect(table["chained"] == ["local.vpc_id"])
        #expect(table["variable"] == ["var.name"])
    }

    @Test("Templates are read, for variables, calls, splats, keys and literals are not references")
    func notReferences() throws {
        let table = try locals(
            """
            locals {
              name     = "${var.prefix}-${aws_vpc.main.id}-$${literal.text}"
              ids      = [for subnet in aws_subnet.private : subnet.id if subnet.tags != null]
              pairs    = { for key, value in var.map : key => value.id }
              splat    = aws_instance.web[*].id
              computed = aws_instance.web[var.index].id
              called   = lookup(var.settings, "name", null)
              object   = { vpc = aws_vpc.main.id, name = "x" }
              literal  = true
              number   = 1.5
              multi = merge(
                var.tags,
                { Name = aws_vpc.main.tags.Name }
              )
            }
            """)
        #expect(table["name"] == ["var.prefix", "aws_vpc.main.id", "aws_vpc.main"])
        #expect(table["ids"] == ["aws_subnet.private"])
        #expect(table["pairs"] == ["var.map"])
        // A splat or a computed index ends the traversal: the collection is what is referenced.
        #expect(table["splat"] == ["aws_instance.web"])
        #expect(table["computed"] == ["aws_instance.web", "var.index"])
        #expect(table["called"] == ["var.settings"])
        #expect(table["object"] == ["aws_vpc.main.id", "aws_vpc.main"])
        #expect(table["literal"] == [])
        #expect(table["number"] == [])
        #expect(
            table["multi"] == ["var.tags", "aws_vpc.main.tags.Name", "aws_vpc.main.tags", "aws_vpc.main"])
    }

    @Test("Only the attributes of a top-level locals block have their references read")
    func onlyLocals() throws {
        let file = try HCLParser.parse(
            Array(
                """
                resource "aws_flow_log" "this" {
                  vpc_id = aws_vpc.main.id
                }
                """.utf8), path: "main.tf")
        #expect(file.body.blocks.first?.body.attribute("vpc_id")?.references == [])
    }
}

@Suite("References of local values in JSON syntax")
struct TerraformJSONLocalsTests {
    @Test("A .tf.json locals object: every string is a template, read for its interpolations")
    func jsonLocals() throws {
        let file = try TerraformJSONReader.parse(
            Array(
                #"""
                {
                  "locals": {
                    "vpc_id": "${try(aws_vpc.this[0].id, \"\")}",
                    "tags": {"Name": "${var.name}-vpc", "${local.key}": "x"},
                    "plain": "no template",
                    "count": 3
                  },
                  "resource": {"aws_vpc": {"this": {"cidr_block": "10.0.0.0/16"}}}
                }
                """#.utf8), path: "main.tf.json")
        let locals = try #require(file.body.blocks(ofType: "locals").first)
        #expect(locals.labels == [])
        #expect(
            locals.body.attribute("vpc_id")?.references == [
                "aws_vpc.this[0].id", "aws_vpc.this[0]", "aws_vpc.this",
            ])
        #expect(locals.body.attribute("tags")?.references == ["var.name", "local.key"])
        #expect(locals.body.attribute("plain")?.references == [])
        #expect(locals.body.attribute("count")?.references == [])
        #expect(file.body.blocks(ofType: "resource").first?.labels == ["aws_vpc", "this"])
    }

    @Test("A // comment member between locals does not shift their references")
    func commentMember() throws {
        let file = try TerraformJSONReader.parse(
            Array(
                #"""
                {"locals": {"a": "${var.a}", "//": "${var.comment}", "b": "${var.b}"}}
                """#.utf8), path: "main.tf.json")
        let locals = try #require(file.body.blocks(ofType: "locals").first)
        #expect(locals.body.attributes.map(\.name) == ["a", "b"])
        #expect(locals.body.attribute("a")?.references == ["var.a"])
        #expect(locals.body.attribute("b")?.references == ["var.b"])
    }
}
