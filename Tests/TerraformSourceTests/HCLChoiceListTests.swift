import Testing

@testable import TerraformSource

@Suite("compact([...]) of elements chosen by module variables")
struct HCLChoiceListTests {
    /// The choices of `source_policy_documents` written as `expression`; nil when not read.
    private func choices(_ expression: String) throws -> [HCLChoice]? {
        let text =
            "data \"aws_iam_policy_document\" \"combined\" {\n"
            + "  source_policy_documents = \(expression)\n}\n"
        let file = try HCLParser.parse(Array(text.utf8), path: "main.tf")
        let block = try #require(file.body.blocks.first)
        guard case .compacted(let choices)? = block.body.attribute("source_policy_documents")?.builtValue
        else {
            return nil
        }
        return choices
    }

    private let deny = "data.aws_iam_policy_document.deny[0].json"

    @Test("terraform-aws-modules/s3-bucket's shape: conditions over variables, empty strings and null")
    func moduleShape() throws {
        let read = try choices(
            """
            compact([
                var.attach_deny ? data.aws_iam_policy_document.deny[0].json : "",
                var.attach_inventory || var.attach_analytics ? data.aws_iam_policy_document.inventory[0].json : "",
                !(var.off && true) ? data.aws_iam_policy_document.other.json : null,
                var.attach_policy ? var.policy : "",
              ])
            """)
        #expect(
            read == [
                HCLChoice(condition: .variable("attach_deny"), whenTrue: .reference(deny), whenFalse: .empty),
                HCLChoice(
                    condition: .or(.variable("attach_inventory"), .variable("attach_analytics")),
                    whenTrue: .reference("data.aws_iam_policy_document.inventory[0].json"), whenFalse: .empty),
                HCLChoice(
                    condition: .not(.and(.variable("off"), .bool(true))),
                    whenTrue: .reference("data.aws_iam_policy_document.other.json"), whenFalse: .empty),
                HCLChoice(
                    condition: .variable("attach_policy"), whenTrue: .variable("policy"), whenFalse: .empty),
            ])
    }

    @Test("try() with an empty fallback, comparisons with constants, and elements without a condition")
    func otherShapes() throws {
        let read = try choices(
            """
            compact([try(\(deny), null), var.policy != null ? var.policy : null,
              var.mode == "strict" ? \(deny) : "", data.aws_iam_policy_document.base.json])
            """)
        #expect(
            read == [
                HCLChoice(condition: nil, whenTrue: .attempt(deny), whenFalse: .attempt(deny)),
                HCLChoice(
                    condition: .equals(.variable("policy"), .null, negated: true),
                    whenTrue: .variable("policy"),
                    whenFalse: .empty),
                HCLChoice(
                    condition: .equals(.variable("mode"), .template([.text("strict")]), negated: false),
                    whenTrue: .reference(deny),
                    whenFalse: .empty),
                HCLChoice(
                    condition: nil, whenTrue: .reference("data.aws_iam_policy_document.base.json"),
                    whenFalse: .reference("data.aws_iam_policy_document.base.json")),
            ])
    }

    @Test(
        "Any element the text cannot decide leaves the whole list unread",
        arguments: [
            // Conditions over anything but variables and constants.
            "compact([length(var.statements) > 0 ? data.aws_iam_policy_document.d[0].json : \"\"])",
            "compact([local.on ? data.aws_iam_policy_document.d[0].json : \"\"])",
            "compact([var.x > 1 ? data.aws_iam_policy_document.d[0].json : \"\"])",
            // Operands that are calls, splats, templates or lists.
            "compact([one(data.aws_iam_policy_document.d[*].json)])",
            "compact([var.on ? \"${data.aws_iam_policy_document.d[0].json}\" : \"\"])",
            "compact([var.on ? [var.statement] : []])",
            "compact([try(data.aws_iam_policy_document.d[0].json, var.fallback)])",
            // Not one call of compact over one list.
            "concat([data.aws_iam_policy_document.d.json])",
            "compact([data.aws_iam_policy_document.d.json], [])",
            "compact([var.on ? data.aws_iam_policy_document.d.json : \"\"]) == null",
            "compact([var.on ? data.aws_iam_policy_document.d.json])",
            "compact([var.on data.aws_iam_policy_document.d.json])",
            "compact([(var.on ? data.aws_iam_policy_document.d.json : \"\")])",
        ])
    func unread(_ expression: String) throws {
        #expect(try choices(expression) == nil)
    }

    @Test("A list of variables alone is left to the plan, which knows it")
    func variablesOnly() throws {
        #expect(try choices("compact([var.on ? var.a : \"\", var.b])") == nil)
    }

    @Test("Conditions nested beyond the limit are not read, and never overflow")
    func deepConditions() throws {
        let deep = String(repeating: "!(", count: 2_000) + "var.on" + String(repeating: ")", count: 2_000)
        #expect(try choices("compact([\(deep) ? \(deny) : \"\"])") == nil)
        let shallow = String(repeating: "!", count: 4) + "var.on"
        #expect(try choices("compact([\(shallow) ? \(deny) : \"\"])")?.count == 1)
        // A long chain of operators is as deep as it is long once read.
        for symbol in ["||", "&&"] {
            let long = Array(repeating: "var.on", count: 20_000).joined(separator: " \(symbol) ")
            #expect(try choices("compact([\(long) ? \(deny) : \"\"])") == nil)
            let short = Array(repeating: "var.on", count: 8).joined(separator: " \(symbol) ")
            #expect(try choices("compact([\(short) ? \(deny) : \"\"])")?.count == 1)
        }
    }

    @Test("A module call's argument that is one attribute traversal is kept, and only there")
    func moduleArguments() throws {
        let text = """
            module "bucket" {
              policy   = data.aws_iam_policy_document.readers.json
              wrapped  = "${data.aws_iam_policy_document.readers.json}"
              variable = var.policy
              called   = lower(data.aws_iam_policy_document.readers.json)
              replaced = replace(data.aws_iam_policy_document.readers.json, "a", "b")
              providers = {
                aws = aws.west
              }
            }
            resource "aws_s3_bucket_policy" "p" {
              policy = data.aws_iam_policy_document.readers.json
            }
            """
        let file = try HCLParser.parse(Array(text.utf8), path: "main.tf")
        let module = try #require(file.body.blocks.first)
        #expect(
            module.body.attribute("policy")?.builtValue
                == .traversal("data.aws_iam_policy_document.readers.json"))
        #expect(
            module.body.attribute("wrapped")?.builtValue
                == .template([.reference("data.aws_iam_policy_document.readers.json")]))
        #expect(module.body.attribute("variable")?.builtValue == nil)
        #expect(module.body.attribute("called")?.builtValue == nil)
        // replace() is an expression (see HCLExpressionTests), not a traversal.
        #expect(
            module.body.attribute("replaced")?.builtValue
                == .expression(
                    .replace(
                        .attribute("data.aws_iam_policy_document.readers.json"), .template([.text("a")]),
                        .template([.text("b")]))))
        #expect(module.body.attribute("providers")?.builtValue == nil)
        // A resource's plain reference is what the plan records itself.
        #expect(file.body.blocks[1].body.attribute("policy")?.builtValue == nil)
    }
}
