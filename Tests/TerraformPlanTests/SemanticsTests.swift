import JSON
import Testing

@testable import TerraformPlan

/// Edge cases of the value algorithm and address syntax that real fixtures do not produce.
///
/// These are minimal plan documents written inline, shaped after the observed plan JSON.
@Suite struct SemanticsTests {
    static func plan(change: String, expressions: String = "{}", type: String = "aws_thing") throws -> Plan {
        let text = """
            {"format_version":"1.2","resource_changes":[{"address":"\(type).r","mode":"managed",
            "type":"\(type)","name":"r","provider_name":"registry.terraform.io/hashicorp/aws",
            "change":\(change)}],
            "configuration":{"root_module":{"resources":[{"address":"\(type).r","mode":"managed",
            "type":"\(type)","name":"r","provider_config_key":"aws","expressions":\(expressions)}]}}}
            """
        return try Plan.load(bytes: Array(text.utf8), path: "inline.json")
    }

    @Test func unknownWithConstantInConfigurationIsKnownFromConfiguration() throws {
        let plan = try Self.plan(
            change: #"{"actions":["create"],"after":{},"after_unknown":{"mode":true}}"#,
            expressions: #"{"mode":{"constant_value":"strict"}}"#)
        guard case .known(let value) = plan.resources[0].values.member("mode").state else {
            Issue.record("expected known from configuration")
            return
        }
        #expect(value.isFromConfiguration)
        #expect(value.json?.string == "strict")
    }

    @Test func unknownWholeListMakesEveryElementUnknown() throws {
        let plan = try Self.plan(change: #"{"actions":["create"],"after":{},"after_unknown":{"rules":true}}"#)
        let rules = plan.resources[0].values.member("rules")
        #expect(rules.state.isComputed)
        #expect(rules.count == 0)
        #expect(rules.element(3).member("cidr").state.isComputed)
        #expect(rules.element(3).isWhollyUnknown)
    }

    @Test func explicitNullConstantWithUnknownIsComputed() throws {
        let plan = try Self.plan(
            change: #"{"actions":["create"],"after":{},"after_unknown":{"kms_key_id":true}}"#,
            expressions: #"{"kms_key_id":{"constant_value":null}}"#)
        #expect(plan.resources[0].values.member("kms_key_id").state.isComputed)
    }

    @Test func emptyExpressionIsUnknownWithoutReferences() throws {
        // jsonencode() of constants records {} in configuration.
        let plan = try Self.plan(
            change: #"{"actions":["create"],"after":{},"after_unknown":{"container_definitions":true}}"#,
            expressions: #"{"container_definitions":{}}"#)
        let state = plan.resources[0].values.member("container_definitions").state
        #expect(state.referenceAddresses == [])
        #expect(state.isUnknown)
    }

    @Test func sensitiveParentMarksChildren() throws {
        let plan = try Self.plan(
            change:
                #"{"actions":["create"],"after":{"secret":{"a":["x","y"]},"plain":"p"},"after_unknown":{},"after_sensitive":{"secret":true}}"#
        )
        let values = plan.resources[0].values
        let element = values.attribute(atPath: "secret.a[1]")
        #expect(element?.isSensitive == true)
        #expect(element?.state.description == "(sensitive)")
        #expect(values.member("plain").state.knownString == "p")
        #expect(values.state.description == #"{"secret":"(sensitive)","plain":"p"}"#)
    }

    @Test func blockCountMismatchUsesEveryBlockAsCandidate() throws {
        // Two configured blocks but the value is a single unknown element (a dynamic block, say):
        // references from every block are candidates.
        let plan = try Self.plan(
            change:
                #"{"actions":["create"],"after":{"rule":[{}]},"after_unknown":{"rule":[{"key":true}]}}"#,
            expressions:
                #"{"rule":[{"key":{"references":["aws_kms_key.a.arn","aws_kms_key.a"]}},{"key":{"references":["aws_kms_key.b.arn"]}}]}"#
        )
        let key = plan.resources[0].values.attribute(atPath: "rule[0].key")
        #expect(key?.state.referenceAddresses == ["aws_kms_key.a", "aws_kms_key.b"])
    }

    @Test func plannedValuesFallbackForFormat01() throws {
        let text = """
            {"format_version":"0.1","terraform_version":"0.12.6","planned_values":{"root_module":{
            "resources":[{"address":"aws_s3_bucket.a","mode":"managed","type":"aws_s3_bucket","name":"a",
            "provider_name":"aws","values":{"acl":"public-read"}}],
            "child_modules":[{"address":"module.m","resources":[{"address":"module.m.aws_s3_bucket.b[0]",
            "mode":"managed","type":"aws_s3_bucket","name":"b","index":0,"provider_name":"aws",
            "values":{"acl":"private"}}]}]}}}
            """
        let plan = try Plan.load(bytes: Array(text.utf8), path: "old.json")
        #expect(plan.usesPlannedValues)
        #expect(plan.resources.map(\.address) == ["aws_s3_bucket.a", "module.m.aws_s3_bucket.b[0]"])
        #expect(plan.resources.map(\.actionName) == ["unknown", "unknown"])
        #expect(plan.resources[1].moduleAddress == "module.m")
        #expect(plan.resources[1].index == .int(0))
        #expect(plan.resources[0].values.member("acl").state.knownString == "public-read")
    }

    @Test(arguments: ["0.1", "0.2", "1.0", "1.1", "1.2", "1.9"])
    func everyKnownFormatVersionIsAccepted(version: String) throws {
        let text =
            #"{"format_version":"\#(version)","planned_values":{"root_module":{}},"resource_changes":[]}"#
        let plan = try Plan.load(bytes: Array(text.utf8), path: "v.json")
        #expect(plan.formatVersion.description == version)
        #expect(plan.resources.isEmpty)
    }

    @Test func moduleOutputsAreFollowedIntoTheChildInstance() throws {
        let text = """
            {"format_version":"1.2","resource_changes":[
            {"address":"aws_s3_bucket_policy.p","mode":"managed","type":"aws_s3_bucket_policy","name":"p",
             "provider_name":"aws","change":{"actions":["create"],"after":{},"after_unknown":{"bucket":true}}},
            {"address":"module.store[0].aws_s3_bucket.this","module_address":"module.store[0]","mode":"managed",
             "type":"aws_s3_bucket","name":"this","provider_name":"aws",
             "change":{"actions":["create"],"after":{},"after_unknown":{"id":true}}}],
            "configuration":{"root_module":{"resources":[{"address":"aws_s3_bucket_policy.p","mode":"managed",
             "type":"aws_s3_bucket_policy","name":"p","provider_config_key":"aws",
             "expressions":{"bucket":{"references":["module.store[0].bucket_id","module.store[0]"]}}}],
            "module_calls":{"store":{"source":"./store","count_expression":{"constant_value":1},"module":{
             "outputs":{"bucket_id":{"expression":{"references":["aws_s3_bucket.this.id","aws_s3_bucket.this"]}}},
             "resources":[{"address":"aws_s3_bucket.this","mode":"managed","type":"aws_s3_bucket","name":"this",
             "provider_config_key":"store:aws","expressions":{}}]}}}}}}
            """
        let plan = try Plan.load(bytes: Array(text.utf8), path: "outputs.json")
        let policy = try #require(plan.resource("aws_s3_bucket_policy.p"))
        #expect(
            policy.values.member("bucket").state.referenceAddresses == ["module.store[0].aws_s3_bucket.this"])
        #expect(
            plan.index.referrers(of: "module.store[0].aws_s3_bucket.this").map(\.attributePath) == ["bucket"])
        // An inherited provider written in the 0.x style resolves to the root configuration.
        #expect(plan.resource("module.store[0].aws_s3_bucket.this")?.providerConfigKey == "aws")
    }

    @Test(arguments: [
        ("aws_s3_bucket.b[0]", "aws_s3_bucket.b"),
        (#"module.a["x.y"].aws_s3_bucket.b["k[1]"]"#, #"module.a["x.y"].aws_s3_bucket.b"#),
        ("aws_s3_bucket.b", "aws_s3_bucket.b"),
    ])
    func baseAddressRemovesOnlyTheFinalKey(address: String, base: String) {
        #expect(AddressSyntax.baseAddress(address) == base)
    }

    @Test func moduleStepsParseQuotedKeys() throws {
        let steps = try #require(AddressSyntax.moduleSteps(#"module.a["x.\"y"].module.b[2]"#))
        #expect(steps.map(\.name) == ["a", "b"])
        #expect(steps.map(\.key) == [.string("x.\"y"), .int(2)])
        #expect(AddressSyntax.configurationPath(steps) == "module.a.module.b")
        #expect(AddressSyntax.instanceAddress(steps) == #"module.a["x.\"y"].module.b[2]"#)
        #expect(AddressSyntax.moduleSteps(#"module.a["unterminated"#) == nil)
    }

    @Test func formatVersionParsing() {
        #expect(FormatVersion("1.2")?.isSupported == true)
        #expect(FormatVersion("0.1")?.isSupported == true)
        #expect(FormatVersion("2.0")?.isSupported == false)
        #expect(FormatVersion("1") == nil)
        #expect(FormatVersion("x.y") == nil)
    }

    @Test func memberIsSetAgreesWithTheMembersState() throws {
        let plan = try Self.plan(
            change: #"""
                {"actions":["create"],
                 "after":{"known":{"a":1},"list":[1],"text":"x","empty":null,"both":[2],
                          "block":[{"inner":null}]},
                 "after_unknown":{"computed":true,"constant":true,"referenced":true,"both":true,
                                  "nulled":true,"whole":true,"block":[{"inner":true}]}}
                """#,
            expressions: #"""
                {"constant":{"constant_value":"c"},"referenced":{"references":["aws_kms_key.k.arn"]},
                 "nulled":{"constant_value":null},"whole":{"references":["aws_vpc.v.id"]}}
                """#)
        let values = plan.resources[0].values
        for view in [values, values.member("whole"), values.member("block").element(0)] {
            for key in [
                "known", "list", "text", "empty", "absent", "computed", "constant", "referenced", "both",
                "nulled", "whole", "block", "inner", "a",
            ] {
                let expected: Bool
                switch view.member(key).state(resolvingReferences: false) {
                case .known, .unknownFromReference: expected = true
                case .null, .computed: expected = false
                }
                #expect(view.memberIsSet(key) == expected, "\(view.path).\(key)")
            }
        }
        #expect(
            values.memberIsSet("known") && values.memberIsSet("referenced") && values.memberIsSet("constant"))
        #expect(
            !values.memberIsSet("computed") && !values.memberIsSet("empty") && !values.memberIsSet("nulled"))
    }

    @Test func knownContainersAreToldWithoutAState() throws {
        let plan = try Self.plan(
            change: #"""
                {"actions":["create"],
                 "after":{"block":[{"a":1}],"map":{"a":1},"text":"x","empty":null,"later":[1]},
                 "after_unknown":{"later":true,"block":[{"a":false}]}}
                """#)
        let values = plan.resources[0].values
        #expect(values.member("block").knownContainerIsArray == true)
        #expect(values.member("block").element(0).knownContainerIsArray == false)
        #expect(values.member("map").knownContainerIsArray == false)
        #expect(values.knownContainerIsArray == false)
        for name in ["text", "empty", "absent", "later"] {
            #expect(values.member(name).knownContainerIsArray == nil, "\(name)")
        }
    }
}
