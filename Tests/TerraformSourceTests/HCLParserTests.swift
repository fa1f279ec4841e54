import Testing

@testable import TerraformSource

@Suite("HCL structure")
struct HCLParserTests {
    private func parse(_ text: String) throws -> HCLFile {
        try HCLParser.parse(Array(text.utf8), path: "main.tf")
    }

    private func parseError(_ text: String) -> HCLSyntaxError? {
        do {
            _ = try HCLParser.parse(Array(text.utf8), path: "main.tf")
            return nil
        } catch {
            return error
        }
    }

    @Test("Blocks, labels, attributes and nested blocks with their lines")
    func structure() throws {
        let file = try parse(
            """
            resource "aws_security_group" "web" {
              name = "web"

              ingress {
                from_port   = 22
                cidr_blocks = ["0.0.0.0/0"]
              }
              ingress {
                cidr_blocks = [
                  "10.0.0.0/8",
                ]
              }
            }
            """)
        let resource = try #require(file.body.blocks.first)
        #expect(resource.type == "resource")
        #expect(resource.labels == ["aws_security_group", "web"])
        #expect(resource.line == 1 && resource.endLine == 13)
        #expect(
            resource.body.attribute("name")
                == HCLAttribute(name: "name", line: 2, endLine: 2, literal: "web"))
        let ingress = resource.body.blocks(ofType: "ingress")
        #expect(ingress.map(\.line) == [4, 8])
        #expect(ingress.map(\.endLine) == [7, 12])
        #expect(ingress[0].body.attribute("cidr_blocks")?.line == 6)
        #expect(
            ingress[1].body.attribute("cidr_blocks")
                == HCLAttribute(name: "cidr_blocks", line: 9, endLine: 11))
    }

    @Test("Braces, quotes and block-like text inside strings and templates do not count")
    func bracesInStrings() throws {
        let file = try parse(
            #"""
            resource "aws_s3_bucket" "a" {
              bucket = "x}{y"
              policy = "${jsonencode({ a = "}" , b = { c = "${var.x}}" } })}"
              tags   = { Name = "%{ if var.on }on}%{ else }off{%{ endif }" }
              escaped = "$${not_a_template"
              quoted = "a \"}\" b"
            }
            resource "aws_s3_bucket" "b" {
            }
            """#)
        #expect(file.body.blocks.map(\.labels) == [["aws_s3_bucket", "a"], ["aws_s3_bucket", "b"]])
        let first = file.body.blocks[0]
        #expect(first.body.attributes.map(\.name) == ["bucket", "policy", "tags", "escaped", "quoted"])
        #expect(first.body.attributes.map(\.line) == [2, 3, 4, 5, 6])
        #expect(first.endLine == 7)
        #expect(first.body.attribute("bucket")?.literal == "x}{y")
        #expect(first.body.attribute("policy")?.literal == nil)
        #expect(first.body.attribute("quoted")?.literal == #"a "}" b"#)
        #expect(file.body.blocks[1].line == 8)
    }

    @Test("Heredocs holding } and resource blocks are one value; <<- allows an indented marker")
    func heredocs() throws {
        let file = try parse(
            """
            resource "aws_iam_policy" "p" {
              policy = <<EOF
            }
            resource "x" "y" {
            EOF
              description = <<-TEXT
                still text }
                TEXT
              name = "after"
            }
            """)
        #expect(file.body.blocks.count == 1)
        let body = file.body.blocks[0].body
        #expect(body.attribute("policy") == HCLAttribute(name: "policy", line: 2, endLine: 5))
        #expect(body.attribute("description") == HCLAttribute(name: "description", line: 6, endLine: 8))
        #expect(body.attribute("name")?.line == 9)
        #expect(file.body.blocks[0].endLine == 10)
    }

    @Test("Comments in all three forms hide blocks and are kept with their lines")
    func comments() throws {
        let file = try parse(
            """
            # resource "a" "b" {
            // resource "c" "d" {
            /* resource "e" "f" {
            } */
            resource "g" "h" { # trailing {
              a = 1 // }
              /* } */ b = 2
            }
            """)
        #expect(file.body.blocks.map(\.labels) == [["g", "h"]])
        #expect(file.body.blocks[0].body.attributes.map(\.line) == [6, 7])
        #expect(file.comments.map(\.line) == [1, 2, 3, 5, 6, 7])
        #expect(file.comments[0].text == #" resource "a" "b" {"#)
    }

    @Test("CRLF line breaks count once")
    func crlf() throws {
        let file = try parse("resource \"a\" \"b\" {\r\n  x = <<EOF\r\n}\r\nEOF\r\n  y = 1\r\n}\r\n")
        let body = try #require(file.body.blocks.first).body
        #expect(body.attribute("x") == HCLAttribute(name: "x", line: 2, endLine: 4))
        #expect(body.attribute("y")?.line == 5)
        #expect(file.body.blocks[0].endLine == 6)
    }

    @Test("One-line blocks and object values")
    func oneLineBlocks() throws {
        let file = try parse(
            """
            locals { a = { b = 1 } }
            resource "a" "b" { lifecycle { prevent_destroy = true } }
            """)
        #expect(file.body.blocks.map(\.type) == ["locals", "resource"])
        #expect(file.body.blocks[0].body.attribute("a")?.line == 1)
        #expect(file.body.blocks[1].body.blocks.first?.body.attribute("prevent_destroy")?.line == 2)
    }

    @Test(
        "Malformed HCL is an error with the file and line, never a crash",
        arguments: [
            ("resource \"a\" \"b\" {\n  x = 1\n", 1, "unclosed block"),
            ("resource \"a\" \"b\" {\n  x = \"abc\n}\n", 2, "unterminated string"),
            ("resource \"a\" \"b\" {\n  x = <<EOF\nno end\n}\n", 2, "unterminated heredoc"),
            ("/* open\n\nresource {}", 1, "unterminated /* comment"),
            ("resource \"a\" \"b\" {\n  x = \"${var.a\"\n}\n", 2, "unterminated"),
            ("}\n", 1, "unexpected }"),
            ("resource \"a\" \"b\" {\n  x = [1, 2}\n}\n", 2, "does not close"),
            ("resource \"a\" \"b\" {\n  x =\n}\n", 2, "expected an expression"),
            ("resource \"a\" \"b\"\n{\n}\n", 1, "expected = or {"),
            ("resource \"a\" \"b\" {\n  = 1\n}\n", 2, "expected an attribute name"),
            ("x = <<\n", 1, "marker"),
            ("x = (1\n", 1, "unclosed ("),
        ])
    func malformed(_ text: String, line: Int, fragment: String) throws {
        let error = try #require(parseError(text))
        #expect(error.file == "main.tf")
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(fragment), "\(error)")
    }

    @Test("Every prefix of a valid file either parses or fails with a position inside the file")
    func prefixesNeverCrash() {
        let text = #"""
            resource "aws_s3_bucket" "a" {
              policy = "${jsonencode({ a = "}" })}"
              rules = <<-EOF
                { "x": "}" }
                EOF
              /* c */ ingress { cidr_blocks = ["0.0.0.0/0"] } # x
            }
            """#
        let bytes = Array(text.utf8)
        let lineCount = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
        for length in 0...bytes.count {
            do {
                _ = try HCLParser.parse(Array(bytes[..<length]), path: "p.tf")
            } catch {
                #expect((1...lineCount).contains(error.line), "\(length): \(error)")
            }
        }
    }
}
