import Policy
import TerraformSource
import Testing

@testable import PalisadeCore

/// Findings a person can act on (issue 10): where exactly, why unknown in words, one finding
/// per problem.
@Suite("Finding precision")
struct FindingPrecisionTests {
    /// Every evaluation of `rules` on the input at `path`.
    static func evaluate(_ rules: [Rule], path: String) throws -> [Evaluation] {
        let input = DiscoveredInput(path: path, bytes: try FileSystem.read(path), foundInDirectory: false)
        let document = try #require(try DocumentLoader.load(input, options: LoadOptions()))
        let (evaluations, errors) = Engine(rules: rules).evaluate(document)
        #expect(errors.isEmpty, "\(errors)")
        return evaluations
    }

    static func rule(_ id: String) throws -> Rule {
        try #require(BuiltInFixtures.loaded.rules[id], "rule \(id) did not load")
    }

    /// The input files of every fixture of `ruleIDs`.
    static func fixtureInputs(_ ruleIDs: [String]) -> [String] {
        BuiltInFixtures.loaded.fixtures.filter { ruleIDs.contains($0.ruleID) }.map(\.inputPath)
    }

    @Test(
        "Every failed or unknown plan finding on the rule fixtures names an attribute, or its rule says why not"
    )
    func planFindingsHaveAttributes() throws {
        let planFixtures = BuiltInFixtures.loaded.fixtures.filter { $0.input == .tfplan }
        #expect(planFixtures.count > 50)
        var checked = 0
        for fixture in planFixtures {
            let rule = try Self.rule(fixture.ruleID)
            for evaluation in try Self.evaluate([rule], path: fixture.inputPath)
            where evaluation.outcome == .fail || evaluation.outcome == .unknown {
                checked += 1
                let attribute = evaluation.location.attribute ?? ""
                #expect(
                    !attribute.isEmpty || rule.noAttributeReason != nil,
                    "\(fixture): \(evaluation.location.resource ?? "?") has no attribute and \(rule.id) states no reason"
                )
            }
        }
        #expect(checked > 100)
    }

    @Test(
        "No unknown on a rule fixture says a block that a dynamic block writes is left out of the configuration"
    )
    func dynamicBlocksAreNotCalledUnset() throws {
        // Terraform writes no dynamic block into a plan's configuration, so "not set in the
        // configuration" about such a block is false, however the plan shows it.
        var checked = 0
        for fixture in BuiltInFixtures.loaded.fixtures where fixture.input == .tfplan {
            let directory = fixture.inputPath.split(separator: "/", omittingEmptySubsequences: false)
                .dropLast()
                .joined(separator: "/")
            guard let bytes = try? FileSystem.read(directory + "/main.tf") else { continue }
            let names = Self.dynamicBlockNames(
                in: try HCLParser.parse(bytes, path: directory + "/main.tf").body)
            guard !names.isEmpty else { continue }
            let rule = try Self.rule(fixture.ruleID)
            for evaluation in try Self.evaluate([rule], path: fixture.inputPath)
            where evaluation.outcome == .unknown {
                for value in evaluation.unknownValues
                where names.contains(where: { name in
                    value.attribute.map { $0 == name || $0.hasSuffix("." + name) || $0.contains(name + "[") }
                        ?? false
                }) {
                    checked += 1
                    #expect(
                        !(evaluation.unknownReason ?? "").contains("is not set in the configuration"),
                        "\(fixture): \(evaluation.unknownReason ?? "")")
                }
            }
        }
        #expect(checked >= 4)
    }

    /// The labels of every `dynamic` block in `body`, at any depth.
    static func dynamicBlockNames(in body: HCLBody) -> [String] {
        body.blocks.flatMap { block in
            (block.type == "dynamic" ? block.labels : []) + dynamicBlockNames(in: block.body)
        }
    }

    @Test("Attributes name the deciding path: the rule's attribute, inside the element for per-element rules")
    func attributesNameTheDecidingPath() throws {
        let rds = try Self.evaluate(
            [try Self.rule("AWS-RDS-001")], path: RepositoryPaths.root + "/examples/terraform/plan.json")
        #expect(rds.contains { $0.outcome == .fail && $0.location.attribute == "storage_encrypted" })
        let ec2 = try Self.evaluate(
            [try Self.rule("AWS-EC2-001")],
            path: RepositoryPaths.policies + "/AWS-EC2-001/fixtures/fail/plan.json")
        let open = ec2.filter { $0.location.resource == "aws_security_group.open" && $0.outcome == .fail }
        #expect(
            Set(open.compactMap(\.location.attribute)) == [
                "ingress[0].cidr_blocks", "ingress[2].ipv6_cidr_blocks",
            ])
        // A pass is about the element, not about a source that did not open anything.
        #expect(ec2.contains { $0.outcome == .pass && $0.location.attribute == "ingress[1]" })
    }

    @Test("An unknown of a per-element rule points at the unknown value, not at the declared attribute")
    func unknownPointsAtTheUnknownValue() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("AWS-EC2-002")],
            path: RepositoryPaths.policies + "/AWS-EC2-002/fixtures/unknown/plan.json")
        let protocolFromApply = try #require(
            evaluations.first { $0.location.resource == "aws_security_group_rule.proto_from_apply" })
        #expect(protocolFromApply.outcome == .unknown)
        #expect(protocolFromApply.location.attribute == "protocol")
        #expect(protocolFromApply.unknownValues.map(\.attribute) == ["protocol"])
    }

    @Test("An unknown says which attribute and in which state, in words, with structured values")
    func unknownReasonsInWords() throws {
        let examples = RepositoryPaths.root + "/examples/terraform/plan.json"
        let ebs = try Self.evaluate([try Self.rule("AWS-EBS-001")], path: examples)
        let unknown = try #require(ebs.first { $0.outcome == .unknown })
        #expect(
            unknown.unknownValues == [UnknownValue(attribute: "encrypted", state: "computed", references: [])]
        )
        let reason = try #require(unknown.unknownReason)
        #expect(
            reason.hasPrefix(
                "`encrypted` is not set, so the account's EBS default-encryption setting decides at apply"))
        #expect(reason.contains("aws_ebs_encryption_by_default"))
        #expect(unknown.location.attribute == "encrypted")
        // The backticks are the rule's own (a literal its unknown_message chose): they mark code.
        #expect(unknown.unknownReasonMarksCode)

        let ecr = try Self.evaluate(
            [try Self.rule("AWS-ECR-001")],
            path: RepositoryPaths.policies + "/AWS-ECR-001/fixtures/unknown/plan.json")
        let fromReference = try #require(ecr.first { $0.outcome == .unknown })
        let value = try #require(fromReference.unknownValues.first)
        #expect(value.attribute == "image_tag_mutability" && value.state == "unknown_reference")
        #expect(!value.references.isEmpty && fromReference.references == value.references)
        let words = try #require(fromReference.unknownReason)
        #expect(words.hasPrefix("`image_tag_mutability` refers to `\(value.references[0])`"), "\(words)")
    }

    @Test(
        "A value read through a joined resource is named with that resource, and the finding keeps its own attribute"
    )
    func unknownOfAJoinedResource() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("AWS-RDS-004")],
            path: RepositoryPaths.policies + "/AWS-RDS-004/fixtures/unknown/plan.json")
        let unknown = try #require(
            evaluations.first { $0.location.resource == "aws_db_instance.group_value_from_apply" })
        #expect(unknown.outcome == .unknown)
        // The parameter's value belongs to the group the instance names, not to the instance.
        #expect(
            unknown.unknownValues == [
                UnknownValue(
                    attribute: "parameter[0].value", state: "unknown_reference",
                    references: ["terraform_data.tls"],
                    resource: "aws_db_parameter_group.from_apply")
            ], "\(unknown.unknownValues)")
        #expect(
            unknown.unknownReason
                == "`parameter[0].value` of `aws_db_parameter_group.from_apply` refers to `terraform_data.tls`, "
                + "whose value is known only after apply", "\(unknown.unknownReason ?? "nil")")
        #expect(unknown.location.attribute == "parameter_group_name")
    }

    @Test("An unknown_message that renders empty leaves the reason to the sentence about the values")
    func emptyUnknownMessageDefers() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("AWS-SEC-002")],
            path: RepositoryPaths.policies + "/AWS-SEC-002/fixtures/unknown/plan.json")
        // user_data read with file(): the rule's own wording.
        let hashed = try #require(evaluations.first { $0.location.resource == "aws_instance.from_file" })
        #expect(hashed.outcome == .unknown)
        #expect(hashed.unknownReason?.hasPrefix("the plan stores `user_data` as a SHA-1 digest") == true)
        // user_data built from a bucket created in the plan: the message is empty there, and the
        // engine names the reference.
        let templated = try #require(evaluations.first { $0.location.resource == "aws_instance.templated" })
        #expect(templated.outcome == .unknown)
        #expect(
            templated.unknownReason
                == "`user_data` refers to `aws_s3_bucket.artifacts`, whose value is known only after apply",
            "\(templated.unknownReason ?? "nil")")
        // Beside a policy document read while planning, the bucket is still the only reason.
        let beside = try #require(
            evaluations.first { $0.location.resource == "aws_instance.templated_with_policy" })
        #expect(
            beside.unknownReason
                == "`user_data` refers to `aws_s3_bucket.artifacts`, whose value is known only after apply",
            "\(beside.unknownReason ?? "nil")")
        #expect(beside.references == ["aws_s3_bucket.artifacts"])
    }

    @Test(
        "DF004 does not say --build-arg chooses an image whose variable is not declared where FROM reads it")
    func undeclaredFromVariable() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("DF004")],
            path: RepositoryPaths.policies + "/DF004/fixtures/stage-scope/Dockerfile")
        let local = try #require(evaluations.first { $0.location.line == 6 })
        #expect(local.outcome == .unknown)
        let text = (local.unknownReason ?? "") + " " + local.message
        #expect(!text.contains("chosen by --build-arg"), "\(text)")
        #expect(text.contains("LOCAL is not declared as a global ARG"), "\(text)")
        #expect(text.contains("empty string for it whatever --build-arg says"), "\(text)")
        let fail = try Self.evaluate(
            [try Self.rule("DF004")], path: RepositoryPaths.policies + "/DF004/fixtures/fail/Dockerfile")
        #expect(fail.contains { ($0.unknownReason ?? "").contains("chosen by --build-arg at build time") })
    }

    @Test(
        "DF008 says a global ARG not declared again in the stage leaves USER empty, not chosen by --build-arg"
    )
    func userFromGlobalArgNotRedeclared() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("DF008")],
            path: RepositoryPaths.policies + "/DF008/fixtures/unresolved-global-not-redeclared/Dockerfile")
        let unknown = try #require(evaluations.first { $0.outcome == .unknown })
        let text = unknown.unknownReason ?? ""
        #expect(!text.contains("chosen by --build-arg"), "\(text)")
        #expect(text.contains("UID is not declared in this stage (it is a global ARG"), "\(text)")
        #expect(text.contains("an empty USER runs the container as root"), "\(text)")
    }

    @Test("DF021 says where HEALTHCHECK NONE comes from, without the caveat about the base image's check")
    func healthcheckNoneMessages() throws {
        let rule = try Self.rule("DF021")
        let inherited = try #require(
            try Self.evaluate(
                [rule], path: RepositoryPaths.policies + "/DF021/fixtures/fail-none-inherited/Dockerfile"
            ).first)
        #expect(inherited.outcome == .fail)
        #expect(
            inherited.message.contains("inherits HEALTHCHECK NONE from stage web"), "\(inherited.message)")
        #expect(!inherited.message.contains("cannot be seen here"), "\(inherited.message)")
        let own = try #require(
            try Self.evaluate([rule], path: RepositoryPaths.policies + "/DF021/fixtures/fail-none/Dockerfile")
                .first)
        #expect(own.message.contains("disables the healthcheck with HEALTHCHECK NONE"), "\(own.message)")
        #expect(!own.message.contains("cannot be seen here"), "\(own.message)")
        let missing = try #require(
            try Self.evaluate([rule], path: RepositoryPaths.policies + "/DF021/fixtures/fail/Dockerfile")
                .first)
        #expect(missing.message.contains("has no HEALTHCHECK; a healthcheck defined in the base image"))
    }

    @Test("DF022 reads EXPOSE ports after the stage's variables and names the one without a value")
    func exposeVariables() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("DF022")],
            path: RepositoryPaths.policies + "/DF022/fixtures/expose-variables/Dockerfile")
        let outcomes = Dictionary(evaluations.map { ($0.location.line ?? 0, $0.outcome) }) { first, _ in first
        }
        #expect(outcomes[6] == .fail && outcomes[7] == .pass && outcomes[10] == .unknown)
        let unknown = try #require(evaluations.first { $0.location.line == 10 })
        #expect(
            (unknown.unknownReason ?? "").contains(
                "EXPOSE ${DEBUG_PORT} takes its port from a variable with no value in the Dockerfile (ARG DEBUG_PORT has no default value)"
            ), "\(unknown.unknownReason ?? "nil")")
    }

    @Test("DF017 names the setting that turns verification off, once, on every line of its fixture")
    func verificationSettingNamed() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("DF017")], path: RepositoryPaths.policies + "/DF017/fixtures/fail/Dockerfile")
        let named = Dictionary(
            evaluations.map { evaluation -> (Int, String) in
                let message = evaluation.message
                let start = message.range(of: "verification (")?.upperBound ?? message.endIndex
                let end = message.range(of: "), so downloads")?.lowerBound ?? message.endIndex
                return (evaluation.location.line ?? 0, start < end ? String(message[start..<end]) : message)
            }
        ) { first, _ in first }
        let expected: [Int: String] = [
            3: "curl --insecure", 6: "wget --no-check-certificate", 8: "pip trusted-host",
            10: "strict-ssl set to false", 11: "git http.sslVerify set to false",
            13: "the variable GIT_SSL_NO_VERIFY", 16: "sslverify turned off for yum or dnf",
            17: "the variable NODE_TLS_REJECT_UNAUTHORIZED",
            18: "apt Verify-Peer or Verify-Host set to false", 21: "the variable NPM_CONFIG_STRICT_SSL",
            23: "the variable PYTHONHTTPSVERIFY", 24: "the variable NODE_TLS_REJECT_UNAUTHORIZED",
            25: "wget --no-check-certificate",
        ]
        for (line, setting) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(named[line] == setting, "line \(line): \(named[line] ?? "no finding")")
        }
    }

    @Test("Dockerfile unknowns speak of build arguments and stages, never of apply")
    func dockerfileUnknownsDoNotSpeakOfApply() throws {
        var unknowns = 0
        for fixture in BuiltInFixtures.loaded.fixtures where fixture.input == .dockerfile {
            for evaluation in try Self.evaluate([try Self.rule(fixture.ruleID)], path: fixture.inputPath)
            where evaluation.outcome == .unknown {
                unknowns += 1
                let text = (evaluation.unknownReason ?? "") + " " + evaluation.message
                #expect(!text.contains("apply"), "\(fixture): \(text)")
                #expect(text.contains("build") || text.contains("stage"), "\(fixture): \(text)")
                #expect(evaluation.unknownValues.isEmpty)
            }
        }
        #expect(unknowns >= 5)
    }

    @Test("A Classic ELB finding points at its first plaintext listener and names every plaintext port")
    func classicLoadBalancerListeners() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("AWS-ELB-001")],
            path: RepositoryPaths.policies + "/AWS-ELB-001/fixtures/classic/plan.json")
        func failure(_ resource: String) -> Evaluation? {
            evaluations.first { $0.location.resource == resource && $0.outcome == .fail }
        }
        // The plan lists listeners as a set: the SSL listener is [0], the HTTP one [1].
        let sslFirst = try #require(failure("aws_elb.ssl_then_http"))
        #expect(sslFirst.location.attribute == "listener[1].lb_protocol")
        #expect(
            sslFirst.message.hasSuffix("accepts plaintext connections: lb_protocol HTTP on listener port 80"))
        let two = try #require(failure("aws_elb.two_plaintext"))
        #expect(two.location.attribute == "listener[0].lb_protocol")
        #expect(two.message.contains("TCP on listener port 5432"))
        #expect(two.message.contains("HTTP on listener port 80"))
        #expect(!two.message.contains("default action"))
    }

    /// The failure messages of `ruleID` on one of its fixtures, by resource and attribute.
    static func failureMessages(_ ruleID: String, fixture: String) throws -> [String: String] {
        let evaluations = try evaluate(
            [try rule(ruleID)], path: RepositoryPaths.policies + "/\(ruleID)/fixtures/\(fixture)/plan.json")
        var messages: [String: String] = [:]
        for evaluation in evaluations where evaluation.outcome == .fail {
            let key = (evaluation.location.resource ?? "?") + " " + (evaluation.location.attribute ?? "")
            messages[key] = evaluation.message
        }
        return messages
    }

    @Test("ECS container messages say which of their alternatives holds and name only what fails")
    func ecsContainerMessages() throws {
        // AWS-ECS-002 said "as root, or without a user so that ..." in both cases.
        let root = try Self.failureMessages("AWS-ECS-002", fixture: "fail")
        #expect(
            root["aws_ecs_task_definition.root container_definitions[4].user"]?
                .hasSuffix("runs container uid_gid as root (user is \"0:0\")") == true, "\(root)")
        let omitted = try Self.failureMessages("AWS-ECS-002", fixture: "omitted")
        let noUser = try #require(
            omitted["aws_ecs_task_definition.image_default container_definitions[0].user"])
        #expect(noUser.contains("runs container app without a user, so the image's default user applies"))
        #expect(!noUser.contains("as root"))
        // AWS-ECS-005 called every added capability dangerous, CHOWN and NET_BIND_SERVICE too.
        let tools = try Self.failureMessages("AWS-ECS-005", fixture: "fail")
        #expect(
            tools["aws_ecs_task_definition.tools container_definitions[3]"]?
                .hasSuffix("gives container prefixed dangerous capabilities (CAP_NET_RAW)") == true,
            "\(tools)")
        #expect(
            tools["aws_ecs_task_definition.tools container_definitions[1]"]?
                .hasSuffix("gives container device access to host devices (/dev/fuse)") == true, "\(tools)")
        // AWS-ECS-006 listed every host_path the container mounts, /ecs/data too.
        let mounts = try Self.failureMessages("AWS-ECS-006", fixture: "socket_dirs")
        #expect(
            mounts["aws_ecs_task_definition.agents container_definitions[4]"]?
                .hasSuffix("mounts a sensitive host path into container e_config: /etc") == true, "\(mounts)")
        #expect(
            mounts["aws_ecs_task_definition.agents container_definitions[0]"]?
                .contains("container a_dd_agent: /var/run (the container runtime's socket") == true,
            "\(mounts)")
        // AWS-ECS-009 printed (transit_encryption is "") for a setting left out.
        let efs = try Self.failureMessages("AWS-ECS-009", fixture: "omitted")
        #expect(
            efs["aws_ecs_task_definition.efs_default volume[0]"]?
                .hasSuffix("(transit_encryption is not set, which means DISABLED)") == true, "\(efs)")
    }

    @Test("A public Lambda permission names its action when it is not an invocation")
    func lambdaPermissionActions() throws {
        let messages = try Self.failureMessages("AWS-LMB-001", fixture: "actions")
        #expect(
            messages["aws_lambda_permission.public_code principal"]?
                .hasPrefix(
                    "aws_lambda_permission.public_code lets anyone call lambda:GetFunction on the function")
                == true, "\(messages)")
        #expect(
            messages["aws_lambda_permission.public_invoke principal"]?
                .hasPrefix("aws_lambda_permission.public_invoke lets anyone invoke the function") == true,
            "\(messages)")
    }

    @Test("Security-group messages name the open CIDR and the real port range")
    func securityGroupMessages() throws {
        let evaluations = try Self.evaluate(
            [try Self.rule("AWS-EC2-001")],
            path: RepositoryPaths.policies + "/AWS-EC2-001/fixtures/fail/plan.json")
        func message(_ resource: String) -> String {
            evaluations.first { $0.location.resource == resource && $0.outcome == .fail }?.message ?? "(none)"
        }
        #expect(
            message("aws_security_group_rule.ssh_range").hasSuffix("0.0.0.0/0 → tcp 20-30, which includes 22")
        )
        #expect(
            message("aws_vpc_security_group_ingress_rule.all_v6").hasSuffix("::/0 → all protocols and ports"))
        #expect(message("aws_vpc_security_group_ingress_rule.rdp_udp").contains("→ udp 3389"))
        for evaluation in evaluations where evaluation.outcome == .fail {
            #expect(!evaluation.message.contains("/0 source") && !evaluation.message.contains("ports 0-0"))
        }
    }

    @Test(
        "An all-protocols world-open ingress is reported once, by AWS-EC2-002; narrower exposures still by their rules"
    )
    func supersededFailuresAreMarked() throws {
        let rules = try ["AWS-EC2-001", "AWS-EC2-002", "AWS-EC2-003"].map(Self.rule)
        var superseded = 0
        for path in Self.fixtureInputs(["AWS-EC2-001", "AWS-EC2-002", "AWS-EC2-003"]) {
            let evaluations = try Self.evaluate(rules, path: path)
            let broad = Set(
                evaluations.filter { $0.ruleID == "AWS-EC2-002" && $0.outcome == .fail }.map(\.subjectKey))
            for evaluation in evaluations
            where evaluation.ruleID != "AWS-EC2-002" && evaluation.outcome == .fail {
                let expected = broad.contains(evaluation.subjectKey) ? "AWS-EC2-002" : nil
                #expect(evaluation.supersededBy == expected, "\(path): \(evaluation.location)")
                if expected != nil { superseded += 1 }
            }
            #expect(!evaluations.contains { $0.ruleID == "AWS-EC2-002" && $0.supersededBy != nil })
        }
        #expect(superseded >= 4)
    }

    @Test(
        "An undecidable ingress is reported once: EC2-002's unknown replaces the narrower rules' unknowns, not their failures"
    )
    func supersededUnknownsAreMarked() throws {
        let rules = try ["AWS-EC2-001", "AWS-EC2-002", "AWS-EC2-003"].map(Self.rule)
        var replaced = 0
        for path in Self.fixtureInputs(["AWS-EC2-001", "AWS-EC2-002", "AWS-EC2-003"]) {
            let evaluations = try Self.evaluate(rules, path: path)
            let broadUnknown = Set(
                evaluations.filter { $0.ruleID == "AWS-EC2-002" && $0.outcome == .unknown }.map(\.subjectKey))
            let broadFailure = Set(
                evaluations.filter { $0.ruleID == "AWS-EC2-002" && $0.outcome == .fail }.map(\.subjectKey))
            for evaluation in evaluations where evaluation.ruleID != "AWS-EC2-002" {
                switch evaluation.outcome {
                case .unknown:
                    let covered =
                        broadUnknown.contains(evaluation.subjectKey)
                        || broadFailure.contains(evaluation.subjectKey)
                    #expect((evaluation.supersededBy != nil) == covered, "\(path): \(evaluation.location)")
                    if covered { replaced += 1 }
                case .fail:
                    // A narrower failure under a broader unknown is a problem the broad rule
                    // could not decide: it stays.
                    if broadUnknown.contains(evaluation.subjectKey) {
                        #expect(evaluation.supersededBy == nil)
                    }
                default: break
                }
            }
        }
        #expect(replaced >= 2, "the unknown fixtures have all-computed ingress rules")
    }

    @Test("The scan reports a superseded failure once and counts it apart")
    func scanCountsSuperseded() throws {
        let path = RepositoryPaths.policies + "/AWS-EC2-002/fixtures/fail/plan.json"
        var options = ScanOptions(paths: [path], only: ["AWS-EC2-001", "AWS-EC2-002", "AWS-EC2-003"])
        options.configPath = nil
        let (report, _) = Scan.run(options)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.summary.superseded > 0)
        let keys = report.findings.map { "\($0.location.resource ?? "")|\($0.location.attribute ?? "")" }
        let broad = report.findings.filter { $0.ruleID == "AWS-EC2-002" }
        #expect(!broad.isEmpty)
        for finding in broad {
            let key = "\(finding.location.resource ?? "")|\(finding.location.attribute ?? "")"
            #expect(keys.filter { $0 == key }.count == 1, "\(key) is reported by more than one rule")
        }
    }

    @Test("supersedes must name existing rules, not the rule itself")
    func supersedesIsValidated() throws {
        let text = String(
            decoding: try FileSystem.read(RepositoryPaths.policies + "/AWS-EC2-002/rule.yaml"), as: UTF8.self)
        let typo = text.replacingOccurrences(
            of: "supersedes: [AWS-EC2-001, AWS-EC2-003]", with: "supersedes: [AWS-EC2-01, AWS-EC2-002]")
        #expect(typo != text)
        let definition = try RuleFileParser.parse(yaml: typo, file: "custom/rule.yaml", origin: .builtIn)
        let errors = RulePack.unknownSupersededRules(in: [definition])
        #expect(errors.count == 2)
        #expect(errors.first?.message.contains("'AWS-EC2-01', which does not exist") == true)
        #expect(errors.first?.message.contains("AWS-EC2-001") == true, "a suggestion names the likely id")
        #expect(errors.last?.message == "rule AWS-EC2-002 cannot supersede itself")
        #expect(errors.allSatisfy { $0.file == "custom/rule.yaml" && $0.line != nil && $0.column != nil })
        #expect(RulePack.unknownSupersededRules(in: [try FixtureRunner.definition("AWS-EC2-002")]).isEmpty)
        // Loading a pack with the typo fails with the same errors.
        do throws(RulePackError) {
            _ = try RulePack.compile([definition], configuration: Configuration(), digest: "test")
            Issue.record("a pack whose rule supersedes a missing rule loaded")
        } catch {
            #expect(error.errors.map(\.message) == errors.map(\.message))
        }
    }

    @Test("AWS-EBS-004 never asserts the encryption AWS-EBS-001 leaves undecided for the same volume")
    func relatedEBSRulesAgree() throws {
        let rules = try ["AWS-EBS-001", "AWS-EBS-004"].map(Self.rule)
        var undecided = 0
        for path in Set(Self.fixtureInputs(["AWS-EBS-001", "AWS-EBS-004"])) {
            let evaluations = try Self.evaluate(rules, path: path)
            for unknown in evaluations where unknown.ruleID == "AWS-EBS-001" && unknown.outcome == .unknown {
                undecided += 1
                let other = evaluations.first {
                    $0.ruleID == "AWS-EBS-004" && $0.location.resource == unknown.location.resource
                }
                #expect(
                    other?.outcome != .fail,
                    "\(path): \(unknown.location.resource ?? "") is undecided for AWS-EBS-001 but fails AWS-EBS-004"
                )
            }
        }
        #expect(undecided >= 4)
    }

    @Test(
        "DF008 and DF009 point at the USER line that sets the user, the ancestor's when inherited; DF007 stays on FROM"
    )
    func effectiveUserFindingsPointAtUser() throws {
        let inherited = RepositoryPaths.policies + "/DF008/fixtures/fail-inherited/Dockerfile"
        let df008 = try #require(try Self.evaluate([try Self.rule("DF008")], path: inherited).first)
        #expect(df008.outcome == .fail && df008.location.line == 4 && df008.location.endLine == 4)
        #expect(df008.snippet == ["USER root"])
        #expect(df008.message.contains("(USER root, inherited from stage base)"))
        #expect(df008.location.column == 6)
        let df009 = try #require(
            try Self.evaluate(
                [try Self.rule("DF009")], path: RepositoryPaths.policies + "/DF009/fixtures/fail/Dockerfile"
            ).first)
        #expect(df009.outcome == .fail && df009.snippet.first?.hasPrefix("USER ") == true)
        let df007 = try #require(
            try Self.evaluate(
                [try Self.rule("DF007")], path: RepositoryPaths.policies + "/DF007/fixtures/fail/Dockerfile"
            ).first)
        #expect(df007.outcome == .fail && df007.snippet.first?.hasPrefix("FROM ") == true)
    }

    @Test("Message placeholders print values as text, not JSON arrays")
    func messageValuesAsText() throws {
        let environment = Environment(variables: ["names", "ports", "none"], functions: RulePack.functions)
        let template = try MessageTemplate("{{ names }} on {{ ports }}; {{ none }}", environment: environment)
        let text = template.render(
            Bindings([
                "names": .list([.string("NPM_TOKEN"), .string("GH_TOKEN")]), "ports": .list([.int(22)]),
                "none": .list([]),
            ]))
        #expect(text == "NPM_TOKEN, GH_TOKEN on 22; (none)")
    }

    @Test("The caret column is the token's first place after the keyword")
    func tokenColumn() {
        #expect(Engine.column(of: "base", in: "FROM base AS base") == 6)
        #expect(Engine.column(of: "root", in: "  USER root") == 8)
        #expect(Engine.column(of: "FROM", in: "FROM FROM") == 6)
        #expect(Engine.column(of: "absent", in: "USER root") == nil)
    }
}
