import Policy
import Testing

/// A rule file that must be rejected with a diagnostic at `line`:`column` containing `fragment`.
struct InvalidRuleCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let origin: RuleOrigin
    let line: Int
    let column: Int
    let fragment: String

    var testDescription: String { "\(name) at \(line):\(column)" }

    /// The valid custom rule with some 1-based lines replaced (by one or more lines) and text appended.
    static func edited(
        _ name: String, replacing replacements: [Int: String] = [:], appending appended: String? = nil,
        origin: RuleOrigin = .custom, at line: Int, _ column: Int, _ fragment: String
    ) -> InvalidRuleCase {
        var lines = RuleFileTestSupport.validCustomRule.split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        lines.removeLast()  // the text ends with a newline
        for (number, text) in replacements { lines[number - 1] = text }
        var yaml = lines.filter { $0 != "<delete>" }.joined(separator: "\n") + "\n"
        if let appended { yaml += appended + "\n" }
        return InvalidRuleCase(
            name: name, yaml: yaml, origin: origin, line: line, column: column, fragment: fragment)
    }

    /// A whole rule file given literally.
    static func literal(
        _ name: String, _ yaml: String, at line: Int, _ column: Int, _ fragment: String
    ) -> InvalidRuleCase {
        InvalidRuleCase(
            name: name, yaml: yaml, origin: .custom, line: line, column: column, fragment: fragment)
    }
}

@Suite("Rule file validation")
struct RuleFileValidationTests {
    static let structure: [InvalidRuleCase] = [
        .edited(
            "unknown key", appending: "severty: high", at: 12, 1,
            "unknown key 'severty' in the rule file; did you mean 'severity'?"),
        .edited(
            "misspelt required key", replacing: [4: "severiti: medium"], at: 4, 1,
            "unknown key 'severiti' in the rule file; did you mean 'severity'?"),
        .edited(
            "missing key", replacing: [9: "<delete>"], at: 1, 1,
            "missing required key 'assert' in the rule file"),
        .edited(
            "missing family for a built-in", replacing: [1: "id: AWS-S3-901"], origin: .builtIn, at: 1, 1,
            "missing required key 'family' in the rule file"),
        .literal("not a mapping", "- a\n- b\n", at: 1, 1, "the rule file must be a mapping, found a list"),
        .literal("empty file", "", at: 1, 1, "rule file is empty"),
        .literal("comment only", "# nothing\n", at: 1, 1, "rule file is empty"),
        .edited(
            "duplicate key", appending: "title: Again", at: 2, 1,
            "key 'title' appears more than once in this mapping"),
        .edited("YAML syntax error", replacing: [2: "title: [unclosed"], at: 3, 12, "invalid YAML"),
        .literal(
            "key that is not text", "[1]: x\n", at: 1, 1, "keys in the rule file must be text, found a list"),
    ]

    static let fieldTypes: [InvalidRuleCase] = [
        .edited(
            "title as list", replacing: [2: "title: [a, b]"], at: 2, 8, "'title' must be text, found a list"),
        .edited(
            "title as number", replacing: [2: "title: 123"], at: 2, 8,
            "'title' must be text, found a number; put it in quotes"),
        .edited("rationale as number", appending: "rationale: 12", at: 12, 12, "'rationale' must be text"),
        .edited(
            "empty description", replacing: [3: "description: \"\""], at: 3, 14,
            "'description' must not be empty"),
        .edited(
            "empty remediation", replacing: [11: "remediation:"], at: 11, 13, "'remediation' must be text"),
        .edited(
            "assert as list", replacing: [9: "assert: [x]"], at: 9, 9,
            "'assert' must be an expression written as text, found a list"),
        .edited(
            "blank message", replacing: [10: "message: \"  \""], at: 10, 10, "'message' must not be empty"),
        .edited(
            "empty applies_if", appending: "applies_if: ''", at: 12, 13, "'applies_if' must not be empty"),
        .edited(
            "controls as text", appending: "controls: NIST-800-190:4.1", at: 12, 11,
            "'controls' must be a list"),
        .edited(
            "equivalents as list", appending: "equivalents: [CKV_AWS_1]", at: 12, 14,
            "equivalents must be a mapping, found a list"),
        .edited(
            "severity_cases as mapping", appending: "severity_cases: {if: x}", at: 12, 17,
            "'severity_cases' must be a list, found a mapping"),
    ]

    static let fieldValues: [InvalidRuleCase] = [
        .edited(
            "custom id", replacing: [1: "id: acme-s3-1"], at: 1, 5,
            "invalid rule id 'acme-s3-1': use upper-case letters and digits"),
        .edited(
            "built-in id, unknown service", replacing: [1: "id: AWS-XX-001"],
            appending: "family: storage.public",
            origin: .builtIn, at: 1, 5, "unknown service 'XX' for AWS"),
        .edited(
            "built-in id, two digits", replacing: [1: "id: AWS-S3-01"], appending: "family: storage.public",
            origin: .builtIn, at: 1, 5, "the number must have 3 digits"),
        .edited(
            "built-in id, bad DF", replacing: [1: "id: DF01"], appending: "family: image.unpinned",
            origin: .builtIn, at: 1, 5, "invalid rule id 'DF01': built-in rule ids are DF + 3 digits"),
        .edited(
            "built-in id, custom form", replacing: [1: "id: ACME-S3-001"],
            appending: "family: storage.public",
            origin: .builtIn, at: 1, 5, "built-in rule ids are"),
        .edited(
            "built-in DF id on a tfplan rule", replacing: [1: "id: DF001"],
            appending: "family: image.unpinned",
            origin: .builtIn, at: 1, 5, "rule id 'DF001' is for dockerfile rules, but input is tfplan"),
        .edited(
            "family", appending: "family: Image.Unpinned", at: 12, 9,
            "invalid family 'Image.Unpinned': use dotted lower-case names"),
        .edited(
            "title period", replacing: [2: "title: Bucket has no owner tag."], at: 2, 8,
            "title must not end with a period"),
        .edited(
            "title spaces", replacing: [2: "title: \"  Bucket has no owner tag\""], at: 2, 8,
            "title must not start or end with spaces"),
        .edited(
            "title two lines", replacing: [2: "title: \"Bucket\\nhas no owner tag\""], at: 2, 8,
            "title must be a single line"),
        .edited(
            "severity", replacing: [4: "severity: hgih"], at: 4, 11,
            "invalid severity 'hgih'; expected one of critical, high, medium, low, info; did you mean 'high'?"
        ),
        .edited(
            "category", replacing: [5: "category: acess-control"], at: 5, 11,
            "invalid category 'acess-control'; expected one of encryption, public-exposure, root-user, "
                + "image-pinning, container-runtime, secrets, supply-chain, logging, access-control, network"
                + "; did you mean 'access-control'?"),
        .edited(
            "status", appending: "status: optin", at: 12, 9,
            "invalid status 'optin'; expected one of active, opt-in, deprecated; did you mean 'opt-in'?"),
        .edited(
            "input", replacing: [6: "input: terraform"], at: 6, 8,
            "invalid input 'terraform'; expected one of tfplan, dockerfile"),
        .edited(
            "control framework", appending: "controls: [CIS-AWZ:1.2]", at: 12, 12,
            "unknown control framework 'CIS-AWZ' in 'CIS-AWZ:1.2'; expected one of NIST-800-190, CIS-DOCKER, "
                + "CIS-AWS, CIS-AZURE, CIS-GCP, CIS-K8S; did you mean 'CIS-AWS'?"),
        .edited(
            "control without colon", appending: "controls: [NIST-800-190]", at: 12, 12,
            "invalid control 'NIST-800-190': write FRAMEWORK:ID"),
        .edited(
            "control version", appending: "controls: [\"CIS-AWS-v3:1.2\"]", at: 12, 12,
            "invalid framework version 'v3'"),
        .edited(
            "control number", appending: "controls: [\"NIST-800-190:4..3\"]", at: 12, 12,
            "invalid control number '4..3'"),
        .edited(
            "duplicate control", appending: "controls: [CIS-DOCKER:4.2, CIS-DOCKER:4.2]", at: 12, 28,
            "duplicate control 'CIS-DOCKER:4.2'"),
        .edited(
            "equivalents key", appending: "equivalents: {checkoov: [CKV_AWS_1]}", at: 12, 15,
            "unknown key 'checkoov' in equivalents; did you mean 'checkov'?"),
        .edited(
            "equivalents id as number", appending: "equivalents: {trivy: [80]}", at: 12, 23,
            "'equivalents.trivy[]' must be text, found a number"),
    ]

    static let selections: [InvalidRuleCase] = [
        .edited(
            "dockerfile key in a tfplan select", replacing: [8: "  subject: file"], at: 8, 3,
            "'subject' selects dockerfile subjects, but this rule's input is tfplan"),
        .edited(
            "tfplan select without resources", replacing: [8: "  each: x"], at: 8, 3,
            "select for a tfplan rule needs 'resources' or 'provider_configs'"),
        .edited(
            "resources and provider_configs",
            replacing: [8: "  resources: [aws_s3_bucket]\n  provider_configs: [aws]"], at: 9, 21,
            "use either 'resources' or 'provider_configs' in select, not both"),
        .edited(
            "each with provider_configs", replacing: [8: "  provider_configs: [aws]\n  each: x"], at: 9, 9,
            "'each' needs 'resources'"),
        .edited(
            "resource type", replacing: [8: "  resources: [AWS_S3]"], at: 8, 15,
            "invalid name 'AWS_S3' in 'resources': use lower-case letters, digits and '_'"),
        .edited(
            "empty resources", replacing: [8: "  resources: []"], at: 8, 14,
            "'resources' must list at least one name"),
        .edited(
            "unknown select key", replacing: [8: "  resources: [aws_s3_bucket]\n  eech: x"], at: 9, 3,
            "unknown key 'eech' in select; did you mean 'each'?"),
        .edited(
            "tfplan key in a dockerfile select", replacing: [6: "input: dockerfile", 8: "  resources: [x]"],
            at: 8, 3, "'resources' selects tfplan subjects, but this rule's input is dockerfile"),
        .edited(
            "dockerfile select without subject",
            replacing: [6: "input: dockerfile", 8: "  instructions: [RUN]"],
            at: 8, 3, "missing required key 'subject' in select"),
        .edited(
            "dockerfile subject", replacing: [6: "input: dockerfile", 8: "  subject: stages"], at: 8, 12,
            "invalid subject 'stages'; expected one of file, stage, final_stage, image_ref, instruction"
                + "; did you mean 'stage'?"),
        .edited(
            "instruction subject without instructions",
            replacing: [6: "input: dockerfile", 8: "  subject: instruction"],
            at: 8, 3, "subject 'instruction' needs 'instructions'"),
        .edited(
            "instructions with another subject",
            replacing: [6: "input: dockerfile", 8: "  subject: file\n  instructions: [RUN]"], at: 9, 17,
            "'instructions' only applies to subject 'instruction'"),
        .edited(
            "instruction keyword",
            replacing: [6: "input: dockerfile", 8: "  subject: instruction\n  instructions: [run]"],
            at: 9, 18,
            "unknown Dockerfile instruction 'run'; use upper-case keywords such as RUN; did you mean 'RUN'?"),
        .edited(
            "select as list", replacing: [7: "select: [aws_s3_bucket]", 8: "<delete>"], at: 7, 9,
            "select must be a mapping, found a list"),
    ]

    static let parametersAndCases: [InvalidRuleCase] = [
        .edited(
            "parameter without doc", appending: "params:\n  limit: {default: 3}", at: 13, 10,
            "missing required key 'doc' in parameter 'limit'"),
        .edited(
            "parameter name", appending: "params:\n  max-ports: {default: 3, doc: Ports.}", at: 13, 3,
            "invalid parameter name 'max-ports'"),
        .edited(
            "parameter key", appending: "params:\n  limit: {default: 3, doc: Limit., docs: x}", at: 13, 36,
            "unknown key 'docs' in parameter 'limit'; did you mean 'doc'?"),
        .edited(
            "parameter as list", appending: "params:\n  limit: [3]", at: 13, 10,
            "parameter 'limit' must be a mapping, found a list"),
        .edited(
            "params as list", appending: "params: [limit]", at: 12, 9,
            "params must be a mapping, found a list"),
        .edited(
            "let name", appending: "let:\n  open-port: resource.values.port == 22", at: 13, 3,
            "invalid name 'open-port' in let: use letters, digits and '_', not starting with a digit"),
        .edited(
            "let as list", appending: "let: [open_port]", at: 12, 6, "let must be a mapping, found a list"),
        .edited(
            "let value", appending: "let:\n  open_port: [22]", at: 13, 14,
            "'let open_port' must be an expression written as text, found a list"),
        .edited(
            "severity case without if", appending: "severity_cases:\n  - severity: high", at: 13, 5,
            "missing required key 'if' in a severity case"),
        .edited(
            "severity case severity", appending: "severity_cases:\n  - {if: x, severity: urgent}", at: 13, 23,
            "invalid severity 'urgent'"),
    ]

    @Test(
        "each invalid rule file is reported at its exact line:column",
        arguments: structure + fieldTypes + fieldValues + selections + parametersAndCases)
    func rejects(_ row: InvalidRuleCase) {
        do {
            _ = try RuleFileParser.parse(yaml: row.yaml, file: "rule.yaml", origin: row.origin)
            Issue.record("accepted an invalid rule file:\n\(row.yaml)")
        } catch {
            let matching = error.diagnostics.filter {
                $0.line == row.line && $0.column == row.column && $0.message.contains(row.fragment)
            }
            #expect(!matching.isEmpty, "got:\n\(error.description)")
            #expect(error.diagnostics.allSatisfy { $0.file == "rule.yaml" })
        }
    }

    @Test("every problem in a file is reported, in source order")
    func collectsAllProblems() {
        let yaml = InvalidRuleCase.edited(
            "several", replacing: [2: "title: Ends with a period.", 4: "severity: urgent"],
            appending: "colour: blue", at: 0, 0, ""
        ).yaml
        #expect {
            _ = try RuleFileParser.parse(yaml: yaml, file: "policies/X/rule.yaml", origin: .custom)
        } throws: { error in
            guard let error = error as? RuleLoadError else { return false }
            return error.diagnostics.map { "\($0.line):\($0.column)" } == ["2:8", "4:11", "12:1"]
                && error.description.hasPrefix("policies/X/rule.yaml:2:8: title must not end with a period")
        }
    }

    @Test("hostile nesting is reported, not a crash", arguments: [40, 100_000])
    func deepNesting(depth: Int) {
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let yaml = RuleFileTestSupport.validCustomRule + "params:\n  deep: {default: \(nested), doc: Deep.}\n"
        #expect(throws: RuleLoadError.self) {
            _ = try RuleFileParser.parse(yaml: yaml, file: "rule.yaml", origin: .custom)
        }
    }

    @Test(
        "built-in and custom id schemes",
        arguments: [
            ("DF001", true, true), ("DF1000", false, true), ("AWS-S3-001", true, true),
            ("K8S-WKL-011", true, true),
            ("AZ-STG-001", true, true), ("GCP-SQL-002", true, true), ("AWS-STG-001", false, true),
            ("ACME-001", false, true), ("acme-001", false, false), ("A--B", false, false),
            ("-A", false, false),
            ("A-", false, false), ("9A", false, false), ("ÄB", false, false),
        ])
    func idSchemes(id: String, builtIn: Bool, custom: Bool) {
        #expect(RuleIdentifier.isBuiltIn(id) == builtIn)
        #expect(RuleIdentifier.isCustom(id) == custom)
    }

    @Test("a built-in id tells which input it belongs to")
    func builtInInput() {
        #expect(RuleIdentifier.builtInInput(of: "DF012") == .dockerfile)
        #expect(RuleIdentifier.builtInInput(of: "K8S-SVC-001") == .tfplan)
        #expect(RuleIdentifier.builtInInput(of: "ACME-1") == nil)
    }
}
