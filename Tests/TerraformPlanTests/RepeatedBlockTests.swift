import JSON
import Testing

@testable import TerraformPlan

/// Repeated blocks whose plan order or number differs from the configuration's, on the real
/// plans of the rule fixtures made for these cases: an unknown member of an element is judged by
/// the block that made it, or left undecided when that block may be one the plan does not show.
@Suite struct RepeatedBlockTests {
    /// Instances with a set of devices written out of plan order, and with a dynamic device.
    let devices: Plan
    /// A security group with a static ingress block and a dynamic one (ports 22 and 3389).
    let groups: Plan
    /// A security group whose only ingress block is dynamic, over a value known after apply.
    let placeholder: Plan

    init() throws {
        devices = try Self.ruleFixture("AWS-EBS-002/fixtures/repeated-blocks")
        groups = try Self.ruleFixture("AWS-EC2-001/fixtures/dynamic-blocks")
        placeholder = try Self.ruleFixture("AWS-EC2-001/fixtures/unknown")
    }

    /// The plan of a rule fixture under `policies/`.
    static func ruleFixture(_ folder: String) throws -> Plan {
        try loadPlan(
            path: TestPaths.repositoryRoot.appendingPathComponent("policies/\(folder)/plan.json").path)
    }

    /// The element of `list` whose `key` is `value` in `plan`, whatever its position.
    func element(
        _ plan: Plan, _ address: String, _ list: String, where key: String, is value: String
    ) throws -> AttributeView {
        let resource = try #require(plan.resource(address))
        let blocks = resource.values.member(list)
        let index = try #require(
            (0..<blocks.count).first { index in
                let known = blocks.element(index).member(key).state.knownJSON
                return known?.string == value || known?.int.map(String.init) == value
            },
            "\(address) has no \(list) with \(key) \(value)")
        return blocks.element(index)
    }

    @Test("A set of blocks planned in its own order is matched to the written blocks by what they fix")
    func setOrder() throws {
        // Written as sdz (encrypted) then sdb; planned as sdb then sdz. By position, sdb took
        // sdz's `encrypted = true` and an unencrypted device passed.
        let sdb = try element(
            devices, "aws_instance.set_order", "ebs_block_device", where: "device_name", is: "/dev/sdb")
        #expect(sdb.member("encrypted").state.isComputed)
        #expect(!sdb.member("encrypted").isInUnshownBlock)
        let sdz = try element(
            devices, "aws_instance.set_order", "ebs_block_device", where: "device_name", is: "/dev/sdz")
        #expect(sdz.member("encrypted").state.knownJSON?.bool == true)
    }

    @Test(
        "A block the configuration does not show leaves its unknown members undecided, not computed or a shown block's"
    )
    func staticAndDynamicBlocks() throws {
        let dynamic = try element(
            devices, "aws_instance.static_and_dynamic", "ebs_block_device", where: "device_name",
            is: "/dev/sdc")
        let encrypted = dynamic.member("encrypted")
        #expect(encrypted.isInUnshownBlock)
        #expect(encrypted.state.referenceAddresses == [])
        #expect(encrypted.isSetInConfiguration)
        #expect(dynamic.memberIsSet("encrypted"))
        #expect(encrypted.configurationConstant == nil)
    }

    @Test("An attribute written as blocks is matched the same way in its constant list")
    func attributeAsBlocks() throws {
        let port22 = try element(
            groups, "aws_security_group.static_and_dynamic", "ingress", where: "from_port", is: "22")
        #expect(port22.member("cidr_blocks").isInUnshownBlock)
        #expect(port22.member("cidr_blocks").state.knownJSON == nil, "not the shown block's 0.0.0.0/0")
        let port443 = try element(
            groups, "aws_security_group.static_and_dynamic", "ingress", where: "from_port", is: "443")
        #expect(port443.member("cidr_blocks").state.knownJSON?[0]?.string == "0.0.0.0/0")
    }

    @Test(
        "A block with no configuration at all is one the plan does not show; a missing attribute is computed")
    func onlyDynamic() throws {
        let resource = try #require(placeholder.resource("aws_security_group.dynamic"))
        let cidr = resource.values.member("ingress").element(0).member("cidr_blocks")
        #expect(cidr.isInUnshownBlock)
        #expect(cidr.state.referenceAddresses == [])
        #expect(resource.values.member("owner_id").state.isComputed)
        #expect(!resource.values.member("owner_id").isInUnshownBlock)
    }

    /// A plan of one security group with `planned` inline rules (ports 0, 1, ...) whose CIDRs
    /// and descriptions are known only after apply, written as `written` blocks in reverse port
    /// order, each with the description "port N".
    static func longList(planned: Int, written: Int) throws -> Plan {
        let after = (0..<planned).map { #"{"from_port": \#($0), "protocol": "tcp"}"# }
        let unknown = Array(repeating: #"{"cidr_blocks": true, "description": true}"#, count: planned)
        let blocks = (0..<written).reversed().map { port in
            #"{"from_port": {"constant_value": \#(port)}, "description": {"constant_value": "port \#(port)"}, "#
                + #""cidr_blocks": {"references": ["aws_eip.x.public_ip"]}}"#
        }
        let text = """
            {"format_version": "1.2", "resource_changes": [{"address": "aws_security_group.g",
              "mode": "managed", "type": "aws_security_group", "name": "g",
              "change": {"actions": ["create"], "before": null,
                "after": {"ingress": [\(after.joined(separator: ","))]},
                "after_unknown": {"ingress": [\(unknown.joined(separator: ","))]}}}],
             "configuration": {"root_module": {"resources": [{"address": "aws_security_group.g",
               "mode": "managed", "type": "aws_security_group", "name": "g",
               "expressions": {"ingress": [\(blocks.joined(separator: ","))]}}]}}}
            """
        let directory = try TemporaryDirectory()
        return try loadPlan(path: try directory.write("plan.json", text))
    }

    @Test(
        "A list longer than the matching limit is taken by position, or as unshown blocks, not compared block by block"
    )
    func longLists() throws {
        let limit = ConfigurationExpressionNode.matchingLimit
        // Within the limit, port 0's block is found though it is written last.
        let short = try Self.longList(planned: limit, written: limit)
        let shortRule = try #require(short.resource("aws_security_group.g")).values.member("ingress").element(
            0)
        #expect(shortRule.member("description").state.knownString == "port 0")
        #expect(!shortRule.member("cidr_blocks").isInUnshownBlock)
        // Past it, the block at the element's position stands behind it, as before matching.
        let long = try Self.longList(planned: limit + 1, written: limit + 1)
        let longRule = try #require(long.resource("aws_security_group.g")).values.member("ingress").element(0)
        #expect(longRule.member("description").state.knownString == "port \(limit)")
        #expect(!longRule.member("cidr_blocks").isInUnshownBlock)
        // Past it with blocks the configuration does not show: undecided, with no candidate.
        let unshown = try Self.longList(planned: limit + 2, written: limit + 1)
        let unshownRule = try #require(unshown.resource("aws_security_group.g")).values.member("ingress")
            .element(0)
        #expect(unshownRule.member("cidr_blocks").isInUnshownBlock)
        #expect(unshownRule.member("cidr_blocks").state.referenceAddresses == [])
        #expect(unshownRule.member("description").state.knownString == nil)
    }

    /// A resource whose `outer` list holds `width` alike blocks, each holding `width` alike
    /// `inner` blocks whose `value` is known only after apply.
    static func nestedAlike(width: Int) throws -> Plan {
        let inner = "[" + Array(repeating: "{}", count: width).joined(separator: ",") + "]"
        let innerUnknown =
            "[" + Array(repeating: #"{"value": true}"#, count: width).joined(separator: ",") + "]"
        let innerBlocks =
            "["
            + Array(repeating: #"{"value": {"references": ["aws_eip.x.public_ip"]}}"#, count: width)
            .joined(separator: ",") + "]"
        func list(_ element: String) -> String {
            "[" + Array(repeating: element, count: width).joined(separator: ",") + "]"
        }
        let text = """
            {"format_version": "1.2", "resource_changes": [{"address": "aws_x.r", "mode": "managed",
              "type": "aws_x", "name": "r", "change": {"actions": ["create"], "before": null,
                "after": {"outer": \(list(#"{"inner": \#(inner)}"#))},
                "after_unknown": {"outer": \(list(#"{"inner": \#(innerUnknown)}"#))}}}],
             "configuration": {"root_module": {"resources": [{"address": "aws_x.r", "mode": "managed",
               "type": "aws_x", "name": "r", "expressions": {"outer": \(list(#"{"inner": \#(innerBlocks)}"#))}}]}}}
            """
        let directory = try TemporaryDirectory()
        return try loadPlan(path: try directory.write("plan.json", text))
    }

    @Test(
        "Candidates that multiply down nested alike blocks are bounded: past the limit the value is undecided"
    )
    func nestedAlikeBlocks() throws {
        func value(width: Int) throws -> AttributeView {
            let plan = try Self.nestedAlike(width: width)
            return try #require(plan.resource("aws_x.r")).values.member("outer").element(0).member("inner")
                .element(0).member("value")
        }
        // 8 x 8 = 64 candidates: still read, and all refer to nothing in the plan.
        #expect(try !value(width: 8).isInUnshownBlock)
        // 9 x 9 = 81: past the limit.
        #expect(try value(width: 9).isInUnshownBlock)
        #expect(try value(width: 9).state.referenceAddresses == [])
    }
}
