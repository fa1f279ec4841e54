import JSON
import Testing

@testable import TerraformPlan

/// The value states (known, unknown, sensitive, absent) on a real plan (Fixtures/value_states).
@Suite struct ValueStateTests {
    let plan: Plan

    init() throws {
        plan = try Fixture.plan("value_states")
    }

    @Test func unknownFromReferenceIsResolvedToTheKey() throws {
        let sse = try #require(plan.resource("aws_s3_bucket_server_side_encryption_configuration.private"))
        let byDefault = sse.values.member("rule").element(0).member("apply_server_side_encryption_by_default")
            .element(0)
        let key = byDefault.member("kms_master_key_id")
        #expect(key.path == "rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id")
        guard case .unknownFromReference(let references) = key.state else {
            Issue.record("expected unknown from reference, got \(key.state)")
            return
        }
        #expect(references == [PlanReference(address: "aws_kms_key.cmk", attribute: "arn")])
        #expect(byDefault.member("sse_algorithm").state.knownString == "aws:kms")
        #expect(sse.values.member("bucket").state.referenceAddresses == ["aws_s3_bucket.private"])
    }

    @Test func stateWithoutReferencesHasTheSameCase() throws {
        let sse = try #require(plan.resource("aws_s3_bucket_server_side_encryption_configuration.private"))
        let byDefault = sse.values.member("rule").element(0).member("apply_server_side_encryption_by_default")
            .element(0)
        let key = byDefault.member("kms_master_key_id")
        #expect(key.state.referenceAddresses == ["aws_kms_key.cmk"])
        #expect(key.state(resolvingReferences: false).referenceAddresses == [])
        #expect(byDefault.member("sse_algorithm").state(resolvingReferences: false).knownString == "aws:kms")
        let volume = try #require(plan.resource("aws_ebs_volume.data"))
        #expect(volume.values.member("encrypted").state(resolvingReferences: false).isComputed)
        #expect(volume.values.member("size").state(resolvingReferences: false).knownJSON?.int == 10)
        let database = try #require(plan.resource("aws_db_instance.db"))
        #expect(database.values.member("storage_encrypted").state(resolvingReferences: false).isNull)
    }

    @Test func knownScalarMembersAreReadWithoutAView() throws {
        let volume = try #require(plan.resource("aws_ebs_volume.data"))
        guard case .scalar(let size) = volume.values.memberValue("size") else {
            Issue.record("a known number should be read as a scalar")
            return
        }
        #expect(size.int == 10)
        // Unknown members keep their view, whose state says how they are unknown.
        guard case .view(let encrypted) = volume.values.memberValue("encrypted") else {
            Issue.record("a computed member should keep its view")
            return
        }
        #expect(encrypted.state.isComputed)
        #expect(encrypted.path == "encrypted")
        // Null and absent members are null without a view, as their views' states say.
        let database = try #require(plan.resource("aws_db_instance.db"))
        guard case .null = database.values.memberValue("storage_encrypted") else {
            Issue.record("a null member should be read as null")
            return
        }
        #expect(database.values.member("storage_encrypted").state.isNull)
        guard case .null = database.values.memberValue("no_such_attribute") else {
            Issue.record("an absent member should be read as null")
            return
        }
        #expect(database.values.member("no_such_attribute").state.isNull)
        let sse = try #require(plan.resource("aws_s3_bucket_server_side_encryption_configuration.private"))
        guard case .view(let rules) = sse.values.memberValue("rule") else {
            Issue.record("a block list should keep its view")
            return
        }
        let byDefault = rules.element(0).member("apply_server_side_encryption_by_default").element(0)
        guard case .view(let key) = byDefault.memberValue("kms_master_key_id") else {
            Issue.record("a member unknown until apply should keep its view")
            return
        }
        #expect(key.state.referenceAddresses == ["aws_kms_key.cmk"])
        guard case .scalar(let algorithm) = byDefault.memberValue("sse_algorithm") else {
            Issue.record("a known string should be read as a scalar")
            return
        }
        #expect(algorithm.string == "aws:kms")
    }

    @Test func knownScalarElementsAreReadWithoutAView() throws {
        let text = #"""
            {"format_version":"1.2","resource_changes":[{"address":"aws_security_group.s","mode":"managed",
            "type":"aws_security_group","name":"s","change":{"actions":["create"],
            "after":{"cidr_blocks":["0.0.0.0/0",null,null,["x"]]},
            "after_unknown":{"cidr_blocks":[false,false,true,false]},
            "after_sensitive":{"cidr_blocks":[true,false,false,false]}}}]}
            """#
        let plan = try Plan.load(bytes: Array(text.utf8), path: "sg.json")
        let blocks = try #require(plan.resource("aws_security_group.s")).values.member("cidr_blocks")
        // A sensitive element is read as a scalar too: the value is for evaluation, not output.
        guard case .scalar(let world) = blocks.elementValue(0) else {
            Issue.record("a known string element should be read as a scalar")
            return
        }
        #expect(world.string == "0.0.0.0/0")
        guard case .null = blocks.elementValue(1) else {
            Issue.record("a null element should be read as null")
            return
        }
        #expect(blocks.element(1).state.isNull)
        guard case .view(let unknown) = blocks.elementValue(2) else {
            Issue.record("an element unknown until apply should keep its view")
            return
        }
        #expect(unknown.state.isComputed)
        #expect(unknown.path == "cidr_blocks[2]")
        guard case .view(let list) = blocks.elementValue(3) else {
            Issue.record("a list element should keep its view")
            return
        }
        #expect(list.count == 1)
        guard case .null = blocks.elementValue(9) else {
            Issue.record("an element past the end should be read as null")
            return
        }
        #expect(blocks.element(9).state.isNull)
    }

    @Test func omittedComputedAttributeIsComputed() throws {
        let volume = try #require(plan.resource("aws_ebs_volume.data"))
        #expect(volume.values.member("encrypted").state.isComputed)
        #expect(!volume.values.member("encrypted").isSetInConfiguration)
        #expect(volume.values.member("size").state.knownJSON?.int == 10)
    }

    @Test func omittedOptionalAttributeIsNull() throws {
        let database = try #require(plan.resource("aws_db_instance.db"))
        #expect(database.values.member("storage_encrypted").state.isNull)
        #expect(database.values.member("no_such_attribute").state.isNull)
    }

    @Test func sensitiveValueIsNeverPrintable() throws {
        let database = try #require(plan.resource("aws_db_instance.db"))
        let password = database.values.member("password")
        #expect(password.isSensitive)
        guard case .known(let value) = password.state else {
            Issue.record("password should be known")
            return
        }
        #expect(value.json == nil)
        #expect(value.description == "(sensitive)")
        #expect(password.description == "password: (sensitive)")
        #expect(value.unredactedJSONForEvaluation.string == "Sup3rSecretPassw0rd")
        // The whole object contains the password: it is redacted when printed and not handed out.
        guard case .known(let whole) = database.values.state else {
            Issue.record("the resource object should be known")
            return
        }
        #expect(whole.json == nil)
        #expect(whole.containsSensitive)
        #expect(whole.description.contains("\"password\":\"(sensitive)\""))
        #expect(!whole.description.contains("Sup3rSecretPassw0rd"))
        #expect(!describeEverything(database.values, depth: 0).contains("Sup3rSecretPassw0rd"))
    }

    @Test func sensitiveRootVariableIsMarkedAndNotPrinted() throws {
        let variable = try #require(plan.variables.first { $0.name == "db_password" })
        #expect(variable.isMarkedSensitive)
        #expect(variable.description == "var.db_password")
        #expect(variable.unredactedValueForEvaluation?.string == "Sup3rSecretPassw0rd")
        let environment = try #require(plan.variables.first { $0.name == "environment" })
        #expect(!environment.isMarkedSensitive)
    }

    @Test func nestedKnownListsHaveElementPaths() throws {
        let group = try #require(plan.resource("aws_security_group.web"))
        let ingress = group.values.member("ingress")
        #expect(ingress.count == 1)
        let cidr = ingress.element(0).member("cidr_blocks").element(1)
        #expect(cidr.path == "ingress[0].cidr_blocks[1]")
        #expect(cidr.state.knownString == "10.0.0.0/8")
        #expect(group.values.attribute(atPath: "ingress[0].to_port")?.state.knownJSON?.int == 65535)
        #expect(group.values.member("ingress").element(0).member("cidr_blocks").count == 2)
    }

    @Test func hashedUserDataKeepsLiteralInConfiguration() throws {
        let instance = try #require(plan.resource("aws_instance.app"))
        let userData = try #require(instance.values.member("user_data").state.knownString)
        #expect(userData.count == 40)
        #expect(!userData.contains("AWS_SECRET_ACCESS_KEY"))
        #expect(instance.values.member("tags").member("Environment").state.knownString == "test")
        // The literal survives only in configuration, where AWS-SEC-002 reads it.
        let literal = try #require(instance.values.member("user_data").configurationConstant)
        #expect(literal.unredactedJSONForEvaluation.string == "export AWS_SECRET_ACCESS_KEY=abc")
        #expect(literal.isFromConfiguration)
        // A value from a variable has no constant in configuration.
        #expect(instance.values.member("tags").member("Environment").configurationConstant == nil)
        #expect(
            instance.values.member("ami").configurationConstant?.unredactedJSONForEvaluation.string
                == "ami-12345678")
    }

    @Test func providerConfigurationsAndSharing() throws {
        let volume = try #require(plan.resource("aws_ebs_volume.data"))
        let west = try #require(plan.resource("aws_ebs_volume.west"))
        #expect(volume.providerConfigKey == "aws")
        #expect(west.providerConfigKey == "aws.west")
        let sharing = plan.index.resources(sharingProviderWith: volume).map(\.address)
        #expect(sharing.contains("aws_ebs_encryption_by_default.on"))
        #expect(!sharing.contains("aws_ebs_volume.west"))
        #expect(
            !plan.index.resources(sharingProviderWith: west).contains {
                $0.type == "aws_ebs_encryption_by_default"
            })
        let westConfiguration = try #require(plan.providerConfiguration(key: "aws.west"))
        #expect(westConfiguration.alias == "west")
        #expect(westConfiguration.name == "aws")
        #expect(westConfiguration.expressions["region"]?.constantValue?.string == "us-west-2")
        #expect(plan.providerConfigurations.map(\.key) == ["aws", "aws.west"])
    }

    @Test func indexByType() {
        #expect(
            plan.index.resources(ofType: "aws_ebs_volume").map(\.address) == [
                "aws_ebs_volume.data", "aws_ebs_volume.west",
            ])
        #expect(plan.index.resources(ofType: "aws_lambda_function").isEmpty)
        #expect(plan.resources.count == 9)
        #expect(plan.formatVersion == FormatVersion("1.2"))
        #expect(plan.terraformVersion == "1.11.4")
    }

    /// Renders every attribute view and state below `view`.
    private func describeEverything(_ view: AttributeView, depth: Int) -> String {
        guard depth < 8 else { return "" }
        var text = view.description + "\n"
        for key in view.keys { text += describeEverything(view.member(key), depth: depth + 1) }
        if view.count > 0, view.keys.isEmpty {
            for index in 0..<view.count { text += describeEverything(view.element(index), depth: depth + 1) }
        }
        return text
    }
}

/// Empty constants the provider takes for absent ones (`policies/*/fixtures/empty-values`).
@Suite struct EmptyConstantTests {
    @Test("An attribute unknown of itself although the configuration fixes it empty is computed")
    func emptyConstantOverriddenByTheProvider() throws {
        let plan = try RepeatedBlockTests.ruleFixture("AWS-EKS-001/fixtures/empty-values")
        let cluster = try #require(plan.resource("aws_eks_cluster.empty_cidrs"))
        let vpc = cluster.values.member("vpc_config").element(0)
        let cidrs = vpc.member("public_access_cidrs")
        #expect(cidrs.isEmptyConstantOverridden)
        #expect(cidrs.state.isComputed, "got \(cidrs.state)")
        #expect(!vpc.memberIsSet("public_access_cidrs"))
        // A constant that is not empty is still the configuration's value.
        #expect(vpc.member("subnet_ids").state.knownJSON?.count == 2)
        let listener = try #require(
            try RepeatedBlockTests.ruleFixture("AWS-ELB-002/fixtures/empty-values").resource(
                "aws_lb_listener.empty_policy"))
        #expect(listener.values.member("ssl_policy").state.isComputed)
        #expect(!listener.values.memberIsSet("ssl_policy"))
    }
}
