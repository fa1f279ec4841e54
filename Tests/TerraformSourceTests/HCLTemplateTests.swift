import Testing

@testable import TerraformSource

@Suite("List elements read as templates of text and resource attributes")
struct HCLTemplateTests {
    /// The element templates of attribute `name` of the first block of `text`.
    private func templates(
        _ text: String, attribute name: String = "resources"
    ) throws -> [[HCLTemplatePart]?]? {
        let file = try HCLParser.parse(Array(text.utf8), path: "main.tf")
        let block = try #require(file.body.blocks.first)
        guard case .list(let elements)? = block.body.attribute(name)?.builtValue else { return nil }
        return elements
    }

    @Test("A traversal and a template around one are told apart, escapes decoded")
    func elements() throws {
        let read = try templates(
            #"""
            data "aws_iam_policy_document" "d" {
              resources = [
                aws_s3_bucket.b[0].arn,
                "${aws_s3_bucket.b[0].arn}/*",
                "arn:aws:s3:::${ aws_s3_bucket.c.id }/logs/\"x\"\t",
                "literal $${not.a.reference} %%{nor} this",
                data.aws_s3_bucket.d.arn,
              ]
            }
            """#)
        #expect(
            read == [
                [.reference("aws_s3_bucket.b[0].arn")],
                [.reference("aws_s3_bucket.b[0].arn"), .text("/*")],
                [.text("arn:aws:s3:::"), .reference("aws_s3_bucket.c.id"), .text("/logs/\"x\"\t")],
                [.text("literal ${not.a.reference} %{nor} this")],
                [.reference("data.aws_s3_bucket.d.arn")],
            ])
    }

    @Test(
        "What the text cannot tell is nil: calls, conditionals, variables, locals, directives, whole objects",
        arguments: [
            #"[upper(aws_s3_bucket.b.arn), aws_s3_bucket.b.arn]"#,
            #"[var.on ? aws_s3_bucket.b.arn : "x", aws_s3_bucket.b.arn]"#,
            #"[var.arn, aws_s3_bucket.b.arn]"#,
            #"[local.arn, aws_s3_bucket.b.arn]"#,
            #"["%{if true}x%{endif}", aws_s3_bucket.b.arn]"#,
            #"["${module.m.arn}/*", aws_s3_bucket.b.arn]"#,
            #"[aws_s3_bucket.b, aws_s3_bucket.b.arn]"#,
            #"["\u0041${aws_s3_bucket.b.arn}", aws_s3_bucket.b.arn]"#,
            #"[aws_s3_bucket.b[count.index].arn, aws_s3_bucket.b.arn]"#,
        ])
    func unreadable(_ list: String) throws {
        let read = try #require(try templates("resource \"x\" \"y\" {\n  resources = \(list)\n}\n"))
        #expect(read.count == 2)
        #expect(read[0] == nil)
        #expect(read[1] == [.reference("aws_s3_bucket.b.arn")])
    }

    @Test("Lists of literals, and expressions that are not list literals, keep nothing")
    func notKept() throws {
        #expect(try templates("resource \"x\" \"y\" {\n  resources = [\"a\", \"b/*\"]\n}\n") == nil)
        #expect(try templates("resource \"x\" \"y\" {\n  resources = aws_s3_bucket.b[*].arn\n}\n") == nil)
        #expect(
            try templates("resource \"x\" \"y\" {\n  resources = concat([aws_s3_bucket.b.arn], [])\n}\n")
                == nil)
        #expect(try templates("resource \"x\" \"y\" {\n  resources = [aws_s3_bucket.b.arn] \n}\n") != nil)
    }

    @Test("A .tf.json list of strings: every string is a template")
    func jsonLists() throws {
        let file = try TerraformJSONReader.parse(
            Array(
                #"""
                {"data": {"aws_iam_policy_document": {"d": {"statement": [
                  {"resources": ["${aws_s3_bucket.b.arn}", "${aws_s3_bucket.b.arn}/*", "plain"]}
                ]}}}}
                """#.utf8), path: "main.tf.json")
        let document = try #require(file.body.blocks.first)
        let statement = try #require(document.body.blocks(ofType: "statement").first)
        #expect(
            statement.body.attribute("resources")?.builtValue
                == .list([
                    [.reference("aws_s3_bucket.b.arn")], [.reference("aws_s3_bucket.b.arn"), .text("/*")],
                    [.text("plain")],
                ]))
    }

    @Test("The locator numbers nested blocks as the plan does and leaves out types with a dynamic block")
    func locatorTable() {
        let files = MemoryFiles(files: [
            "main.tf": """
            data "aws_iam_policy_document" "d" {
              statement {
                resources = ["a"]
              }
              statement {
                resources = ["${aws_s3_bucket.b.arn}/*"]
              }
            }
            resource "aws_iam_policy" "p" {
              dynamic "statement" {
                for_each = [1]
                content {}
              }
              statement {
                resources = [aws_s3_bucket.b.arn]
              }
            }
            """
        ])
        let locator = SourceLocator(
            root: ".", modules: ModuleDirectories(calls: [], modulesJSON: nil), files: files)
        #expect(
            locator.builtValues() == [
                "": [
                    "data.aws_iam_policy_document.d": [
                        "statement[1].resources": .list([[.reference("aws_s3_bucket.b.arn"), .text("/*")]])
                    ]
                ]
            ])
    }

    @Test("jsonencode() of literals and references is read whole, members by line or by comma")
    func encodedLiterals() throws {
        let file = try HCLParser.parse(
            Array(
                #"""
                resource "aws_s3_bucket_policy" "p" {
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      {
                        Effect   = "Deny", "Principal": { AWS = "*" }
                        Resource = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]
                        Condition = { Bool = { "aws:SecureTransport" = "false" }, Max = 2, On = true, No = null }
                      },
                    ]
                  })
                  plain = jsonencode({ a = "b" })
                  called = jsonencode({ a = aws_s3_bucket.b.arn, b = upper("x") })
                  variable = jsonencode({ a = aws_s3_bucket.b.arn, b = var.x })
                }
                """#.utf8), path: "main.tf")
        let body = try #require(file.body.blocks.first).body
        #expect(
            body.attribute("policy")?.builtValue
                == .jsonEncoded(
                    .object([
                        HCLLiteralMember(key: "Version", value: .string([.text("2012-10-17")])),
                        HCLLiteralMember(
                            key: "Statement",
                            value: .tuple([
                                .object([
                                    HCLLiteralMember(key: "Effect", value: .string([.text("Deny")])),
                                    HCLLiteralMember(
                                        key: "Principal",
                                        value: .object([
                                            HCLLiteralMember(key: "AWS", value: .string([.text("*")]))
                                        ])),
                                    HCLLiteralMember(
                                        key: "Resource",
                                        value: .tuple([
                                            .string([.reference("aws_s3_bucket.b.arn")]),
                                            .string([.reference("aws_s3_bucket.b.arn"), .text("/*")]),
                                        ])),
                                    HCLLiteralMember(
                                        key: "Condition",
                                        value: .object([
                                            HCLLiteralMember(
                                                key: "Bool",
                                                value: .object([
                                                    HCLLiteralMember(
                                                        key: "aws:SecureTransport",
                                                        value: .string([.text("false")]))
                                                ])),
                                            HCLLiteralMember(key: "Max", value: .number("2")),
                                            HCLLiteralMember(key: "On", value: .bool(true)),
                                            HCLLiteralMember(key: "No", value: .null),
                                        ])),
                                ])
                            ])),
                    ])))
        // Without a reference the plan knows the value; with a call or a variable it cannot be read.
        #expect(body.attribute("plain")?.builtValue == nil)
        #expect(body.attribute("called")?.builtValue == nil)
        #expect(body.attribute("variable")?.builtValue == nil)
    }

    @Test("Malformed or deeply nested jsonencode() arguments are not read, and never crash")
    func encodedHostile() throws {
        let deep =
            String(repeating: "[", count: 200) + "aws_s3_bucket.b.arn" + String(repeating: "]", count: 200)
        for argument in [
            deep, "{ a = aws_s3_bucket.b.arn b = 1 }", "{ a aws_s3_bucket.b.arn }", "[aws_s3_bucket.b.arn,,]",
        ] {
            // The file parses (the reader only matches brackets); its argument is not read.
            let file = try HCLParser.parse(
                Array("resource \"x\" \"y\" {\n  policy = jsonencode(\(argument))\n}\n".utf8), path: "main.tf"
            )
            let policy = try #require(file.body.blocks.first?.body.attribute("policy"))
            #expect(policy.builtValue == nil)
        }
    }

    @Test(
        "A quoted template or heredoc that refers to an attribute is kept whole; <<- strips the shared indent"
    )
    func stringTemplates() throws {
        let file = try HCLParser.parse(
            Array(
                #"""
                resource "aws_s3_bucket_policy" "p" {
                  policy = <<-POLICY
                    {
                      "Resource": "${aws_s3_bucket.b.arn}/*",
                      "Literal": "$${kept}"
                    }
                  POLICY
                  plain  = <<EOT
                x ${aws_s3_bucket.b.id}
                EOT
                  arn    = "${aws_s3_bucket.b.arn}/*"
                  none   = "no reference"
                  called = "${upper(aws_s3_bucket.b.arn)}"
                }
                """#.utf8), path: "main.tf")
        let body = try #require(file.body.blocks.first).body
        #expect(
            body.attribute("policy")?.builtValue
                == .template([
                    .text("{\n  \"Resource\": \""), .reference("aws_s3_bucket.b.arn"),
                    .text("/*\",\n  \"Literal\": \"${kept}\"\n}\n"),
                ]))
        #expect(
            body.attribute("plain")?.builtValue
                == .template([
                    .text("x "), .reference("aws_s3_bucket.b.id"), .text("\n"),
                ]))
        #expect(
            body.attribute("arn")?.builtValue == .template([.reference("aws_s3_bucket.b.arn"), .text("/*")]))
        #expect(body.attribute("none")?.builtValue == nil)
        #expect(body.attribute("called")?.builtValue == nil)
    }
}
