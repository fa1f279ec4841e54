import Testing

@testable import TerraformSource

@Suite("Expressions over local values, variables and replace() read from the .tf")
struct HCLExpressionTests {
    /// The expression a `locals` entry is read as; nil when not read.
    private func local(_ expression: String) throws -> HCLExpression? {
        let file = try HCLParser.parse(Array("locals {\n  value = \(expression)\n}\n".utf8), path: "main.tf")
        let block = try #require(file.body.blocks.first)
        guard case .expression(let read)? = block.body.attribute("value")?.builtValue else { return nil }
        return read
    }

    /// How a resource attribute written as `expression` is built; nil when not read.
    private func attribute(_ expression: String) throws -> HCLBuiltValue? {
        let text = "resource \"aws_s3_bucket_policy\" \"this\" {\n  policy = \(expression)\n}\n"
        let file = try HCLParser.parse(Array(text.utf8), path: "main.tf")
        return try #require(file.body.blocks.first).body.attribute("policy")?.builtValue
    }

    private let combined = "data.aws_iam_policy_document.combined[0].json"

    @Test("terraform-aws-modules/s3-bucket v5's local.policy: replace() under a condition of locals")
    func moduleShape() throws {
        let read = try local(
            """
            local.create_bucket && local.attach_policy ? replace(
                replace(
                  \(combined),
                  "_S3_BUCKET_ID_", local.policy_placeholders["_S3_BUCKET_ID_"]
                ),
                "_S3_BUCKET_ARN_", local.policy_placeholders["_S3_BUCKET_ARN_"]
              ) : ""
            """)
        let placeholder = { (name: String) in HCLExpression.member(.local("policy_placeholders"), key: name) }
        #expect(
            read
                == .conditional(
                    .and(.local("create_bucket"), .local("attach_policy")),
                    .replace(
                        .replace(
                            .attribute(combined), .template([.text("_S3_BUCKET_ID_")]),
                            placeholder("_S3_BUCKET_ID_")),
                        .template([.text("_S3_BUCKET_ARN_")]), placeholder("_S3_BUCKET_ARN_")),
                    .template([])))
        #expect(
            read?.reads.locals == [
                "create_bucket", "attach_policy", "policy_placeholders", "policy_placeholders",
            ])
        #expect(read?.reads.attributes == [combined])
    }

    @Test("An object of try() over a conditional, with members on separate lines and after commas")
    func placeholderObject() throws {
        let read = try local(
            """
            {
                "_S3_BUCKET_ARN_"  = try(var.is_directory_bucket ? aws_s3_directory_bucket.this[0].arn : aws_s3_bucket.this[0].arn, null),
                "_AWS_ACCOUNT_ID_" = local.account_id
                name = var.tags.Name, flag = !var.off == true
              }
            """)
        #expect(
            read
                == .object([
                    HCLExpressionMember(
                        key: "_S3_BUCKET_ARN_",
                        value: .attempt([
                            .conditional(
                                .variable("is_directory_bucket"),
                                .attribute("aws_s3_directory_bucket.this[0].arn"),
                                .attribute("aws_s3_bucket.this[0].arn")),
                            .null,
                        ])),
                    HCLExpressionMember(key: "_AWS_ACCOUNT_ID_", value: .local("account_id")),
                    HCLExpressionMember(key: "name", value: .member(.variable("tags"), key: "Name")),
                    HCLExpressionMember(
                        key: "flag", value: .equals(.not(.variable("off")), .bool(true), negated: false)),
                ]))
    }

    @Test("Anything outside the subset leaves the expression unread")
    func unreadForms() throws {
        for expression in [
            "merge(local.a, local.b)", "local.a + 1", "[for x in local.list : x]", "local.list[*].arn",
            "local.map[var.key]", "\"%{if local.a}x%{endif}\"", "replace(local.a, \"x\")", "try()",
            "local.a ? local.b", "local.", "local.a.", "{ \"${local.k}\" = 1 }",
            "local.a < 2", "lower(\(combined))",
        ] {
            #expect(try local(expression) == nil, "\(expression)")
        }
    }

    @Test("A resource attribute is read only when it goes through a local value, replace() or a choice")
    func resourceAttributes() throws {
        #expect(try attribute("local.policy") == .expression(.local("policy")))
        #expect(
            try attribute("replace(\(combined), \"_ARN_\", aws_s3_bucket.b.arn)")
                == .expression(
                    .replace(
                        .attribute(combined), .template([.text("_ARN_")]), .attribute("aws_s3_bucket.b.arn")))
        )
        // A plan records every branch's references and one unknown value: the .tf says which.
        #expect(
            try attribute("var.enabled ? \(combined) : \"\"")
                == .expression(.conditional(.variable("enabled"), .attribute(combined), .template([]))))
        // The plan records these itself, or another reader takes them.
        #expect(try attribute("var.policy") == nil)
        #expect(try attribute("!var.enabled") == nil)
        #expect(try attribute(combined) == nil)
        #expect(
            try attribute("\"${aws_s3_bucket.b.arn}/*\"")
                == .template([.reference("aws_s3_bucket.b.arn"), .text("/*")]))
    }

    @Test("Nesting and operator chains deeper than the limit are not read")
    func depthLimit() throws {
        let limit = HCLExpression.maximumDepth
        #expect(
            try local(String(repeating: "(", count: limit) + "local.a" + String(repeating: ")", count: limit))
                == nil)
        #expect(try local(Array(repeating: "local.a", count: limit + 1).joined(separator: " || ")) == nil)
        #expect(try local(String(repeating: "!", count: limit + 1) + "local.a") == nil)
        #expect(try local("local.a" + String(repeating: ".b", count: limit)) == nil)
        #expect(try local("local.a" + String(repeating: "[\"b\"]", count: limit)) == nil)
        #expect(try local(Array(repeating: "local.a", count: 4).joined(separator: " || ")) != nil)
    }

    @Test("Local values are kept by module under their own key, beside the blocks")
    func localsTable() throws {
        let files = MemoryFiles(files: [
            "main.tf": """
            locals {
              policy = replace(\(combined), "_X_", "y")
              other  = [for x in var.list : x]
            }
            locals {
              policy = "second definition, not kept"
            }
            resource "aws_s3_bucket_policy" "this" {
              policy = local.policy
            }
            """
        ])
        let locator = SourceLocator(
            root: ".", modules: ModuleDirectories(calls: [], modulesJSON: nil), files: files)
        let table = locator.builtValues()[""]
        #expect(
            table?[SourceLocator.localsKey]?["policy"]
                == .expression(
                    .replace(.attribute(combined), .template([.text("_X_")]), .template([.text("y")]))))
        #expect(table?[SourceLocator.localsKey]?["other"] == nil)
        #expect(table?["aws_s3_bucket_policy.this"]?["policy"] == .expression(.local("policy")))
    }
}
