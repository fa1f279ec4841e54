import JSON
import Policy
import Testing

@testable import PalisadeCore

/// The IAM policy-document evaluator behind `policy_statements`, `action_matches`,
/// `resource_matches`, `principal_is_public` and `condition_limits_caller`.
@Suite("IAM policy statements")
struct PolicyStatementMatchingTests {
    /// The normalised statements of a policy document written as JSON text.
    static func statements(_ json: String) throws -> [Value] {
        let value = PolicyStatements.fromJSONText(try JSONDocument.parse(json).root)
        guard case .list(let list) = value else {
            Issue.record("expected a statement list, got \(value)")
            return []
        }
        return list
    }

    /// The only statement of a document whose `Statement` is the given object text.
    static func statement(_ object: String) throws -> Value {
        let list = try statements(#"{"Version": "2012-10-17", "Statement": \#(object)}"#)
        try #require(list.count == 1)
        return list[0]
    }

    static let unknown = Value.unknown(UnknownCause(path: "policy", computed: false, references: ["x.y"]))

    @Test("Statement may be one object or a list, and every field a string or a list")
    func shapes() throws {
        let single = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Principal": "*"}"#)
        let listed = try Self.statements(
            #"{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"], "Principal": "*"}]}"#
        )
        #expect(listed == [single])
        #expect(PolicyStatements.actionMatches(single, "s3:GetObject") == .bool(true))
        #expect(PolicyStatements.resourceMatches(single, "*") == .bool(true))
        #expect(try Self.statements(#"{"Version": "2012-10-17"}"#).isEmpty)
    }

    @Test("an empty policy string is no policy, invalid JSON is an error")
    func documents() throws {
        let empty = PolicyStatements.fromJSONText(try JSONDocument.parse(#"" \n""#).root)
        #expect(empty == .list([]))
        let invalid = PolicyStatements.fromJSONText(try JSONDocument.parse(#""{\"Statement\": ""#).root)
        #expect(invalid.isError)
    }

    @Test(
        "actions match case-insensitively with * and ? wildcards",
        arguments: [
            ("s3:GetObject", "s3:getobject", true), ("S3:*", "s3:PutObject", true),
            ("s3:Get*", "s3:GetObject", true), ("s3:Get*", "s3:PutObject", false),
            ("s3:?etObject", "s3:GetObject", true), ("s3:?etObject", "s3:GGetObject", false),
            ("*", "*", true), ("*:*", "*", true), ("**", "*", true), ("s3:*", "*", false),
            ("*", "sts:AssumeRole", true), ("s3:*", "s3:*", true), ("s3:Get*", "s3:*", false),
            ("s3:?*", "s3:*", false), ("sts:AssumeRole", "sts:AssumeRoleWithSAML", false),
            ("iam:*", "IAM:CreateUser", true), ("ec2:*Instances", "ec2:RunInstances", true),
        ])
    func actionWildcards(pattern: String, query: String, expected: Bool) throws {
        let statement = try Self.statement(#"{"Effect": "Allow", "Action": "\#(pattern)", "Resource": "*"}"#)
        #expect(PolicyStatements.actionMatches(statement, query) == .bool(expected))
    }

    @Test(
        "every-action patterns, literal patterns and wildcards in the query",
        arguments: [
            ("*:*:*", "*", false), (":*", "*", false), ("*:", "*", false), ("*\u{301}", "*", false),
            ("***:**", "*:*", true), ("s3:getobject", "s3:GetObject?", false),
            ("s3:GetObject?", "s3:GetObject?", false), ("s3:GetObject*", "s3:GetObject?", true),
            ("s3:caf\u{E9}", "s3:cafe\u{301}", false), ("s3:caf\u{E9}", "S3:CAF\u{C9}", true),
            ("", "s3:x", false),
        ])
    func patternShapes(pattern: String, query: String, expected: Bool) {
        #expect(PolicyStatements.covers(pattern: pattern, query: query, kind: .action) == expected)
        let statement = Value.map(["actions": .list([.string(pattern)])])
        #expect(PolicyStatements.actionMatches(statement, query) == .bool(expected))
    }

    @Test("NotAction covers every action its list does not cover")
    func notAction() throws {
        let allButIAM = try Self.statement(
            #"{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}"#)
        #expect(PolicyStatements.actionMatches(allButIAM, "*") == .bool(true))
        #expect(PolicyStatements.actionMatches(allButIAM, "s3:DeleteBucket") == .bool(true))
        #expect(PolicyStatements.actionMatches(allButIAM, "iam:CreateUser") == .bool(false))
        #expect(PolicyStatements.actionMatches(allButIAM, "Organizations:LeaveOrganization") == .bool(false))
        let nothing = try Self.statement(#"{"Effect": "Allow", "NotAction": "*", "Resource": "*"}"#)
        #expect(PolicyStatements.actionMatches(nothing, "s3:GetObject") == .bool(false))
        let noActions = try Self.statement(#"{"Effect": "Allow", "Resource": "*"}"#)
        #expect(PolicyStatements.actionMatches(noActions, "s3:GetObject") == .bool(false))
    }

    @Test("resources match case-sensitively; NotResource and an absent Resource are broad")
    func resources() throws {
        let bucket = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}"#)
        #expect(PolicyStatements.resourceMatches(bucket, "*") == .bool(false))
        #expect(PolicyStatements.resourceMatches(bucket, "arn:aws:s3:::b/key") == .bool(true))
        #expect(PolicyStatements.resourceMatches(bucket, "arn:aws:s3:::B/key") == .bool(false))
        let allButOne = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}"#)
        #expect(PolicyStatements.resourceMatches(allButOne, "*") == .bool(true))
        #expect(PolicyStatements.resourceMatches(allButOne, "arn:aws:s3:::secret/k") == .bool(false))
        let trust = try Self.statement(#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "*"}"#)
        #expect(PolicyStatements.resourceMatches(trust, "*") == .bool(true))
    }

    @Test(
        "every resource is \"*\" or an ARN pattern of wildcards in every field after the partition",
        arguments: [
            ("*", true), ("**", true), ("arn:aws:*:*:*:*", true), ("arn:*:*:*:*:*", true),
            ("arn:aws-us-gov:*:*:*:*", true), ("arn:aws:*", true), ("arn:aws:*:*:*:*/*", false),
            ("arn:aws:s3:::*", false), ("arn:aws:*:*:111122223333:*", false), ("arn:aws:*::*:*", false),
            ("arn:a?s:*:*:*:*", false), ("ARN:aws:*:*:*:*", false), ("arn:aws", false),
        ])
    func everyResource(pattern: String, expected: Bool) throws {
        let statement = try Self.statement(#"{"Effect": "Allow", "Action": "*", "Resource": "\#(pattern)"}"#)
        #expect(PolicyStatements.resourceMatches(statement, "*") == .bool(expected))
        let excluded = try Self.statement(
            #"{"Effect": "Allow", "Action": "*", "NotResource": "\#(pattern)"}"#)
        #expect(PolicyStatements.resourceMatches(excluded, "*") == .bool(!expected))
    }

    @Test(
        "principals that mean anyone",
        arguments: [
            (#""*""#, true), (#"{"AWS": "*"}"#, true),
            (#"{"AWS": ["arn:aws:iam::111122223333:root", "*"]}"#, true),
            (#"{"AWS": "arn:aws:iam::111122223333:root"}"#, false),
            (#"{"Service": "sns.amazonaws.com"}"#, false),
            (#"{"Service": "*"}"#, false), (#""111122223333""#, false),
            (#"{"Federated": "accounts.google.com"}"#, false),
        ])
    func principals(principal: String, expected: Bool) throws {
        let statement = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:*", "Principal": \#(principal)}"#)
        #expect(PolicyStatements.principalIsPublic(statement) == .bool(expected))
    }

    @Test("NotPrincipal grants everyone else, unless it excludes everyone")
    func notPrincipal() throws {
        let allButOne = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:*", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}"#
        )
        #expect(PolicyStatements.principalIsPublic(allButOne) == .bool(true))
        let nobody = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:*", "NotPrincipal": {"AWS": "*"}}"#)
        #expect(PolicyStatements.principalIsPublic(nobody) == .bool(false))
        let none = try Self.statement(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#)
        #expect(PolicyStatements.principalIsPublic(none) == .bool(false))
    }

    static let keys = Value.list(
        [
            "aws:sourcevpc", "aws:sourcevpce", "aws:principalorgid", "aws:principalaccount",
            "aws:sourceaccount", "aws:sourcearn", "aws:sourceip",
        ].map(Value.string))

    @Test(
        "conditions that limit the caller",
        arguments: [
            (#"{"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}"#, true),
            (#"{"StringEquals": {"aws:principalorgid": ["o-abc123"]}}"#, true),
            (#"{"StringEquals": {"aws:PrincipalAccount": "111122223333"}}"#, true),
            (#"{"StringEquals": {"aws:SourceAccount": "111122223333"}}"#, true),
            (#"{"ArnLike": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t"}}"#, true),
            (#"{"StringEquals": {"aws:SourceVpc": "vpc-1"}}"#, true),
            (#"{"StringEquals": {"aws:SourceVpce": "vpce-1"}}"#, true),
            (#"{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}"#, true),
            (#"{"ForAnyValue:StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}"#, true),
            (#"{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}"#, false),
            (#"{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "::/0"]}}"#, false),
            (#"{"IpAddress": {"aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"]}}"#, false),
            (#"{"IpAddress": {"aws:SourceIp": ["0.0.0.0/1", "192.0.0.0/2"]}}"#, true),
            (#"{"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}"#, false),
            (#"{"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#, false),
            (#"{"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}}"#, false),
            (#"{"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}"#, false),
            (#"{"Null": {"aws:PrincipalOrgID": "false"}}"#, false),
            (#"{"StringLike": {"aws:SourceArn": "*"}}"#, false),
            (#"{"Bool": {"aws:SecureTransport": "true"}}"#, false),
            (#"{"StringEquals": {"aws:PrincipalOrgID": []}}"#, false),
        ])
    func limitingConditions(condition: String, expected: Bool) throws {
        let statement = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:*", "Principal": "*", "Condition": \#(condition)}"#)
        #expect(PolicyStatements.conditionLimitsCaller(statement, keys: Self.keys) == .bool(expected))
    }

    @Test(
        "a wildcard value limits the caller only when it fixes the owner: the account of an ARN",
        arguments: [
            (#"{"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:*"}}"#, false),
            (#"{"ArnLike": {"aws:SourceArn": "arn:aws:iam::*:*"}}"#, false),
            (#"{"StringLike": {"aws:SourceArn": "arn:aws:iam::*:role/deployer"}}"#, false),
            (#"{"ArnEquals": {"aws:SourceArn": "arn:aws:iam::*:root"}}"#, false),
            (#"{"StringLike": {"aws:SourceArn": "arn:aws:iam::11112222333?:role/x"}}"#, false),
            (
                #"{"ForAnyValue:ArnLike": {"aws:SourceArn": ["arn:aws:sns:*:111122223333:t", "arn:*"]}}"#,
                false
            ),
            (#"{"StringLike": {"aws:SourceArn": "arn:*:111122223333:role/x"}}"#, false),
            (#"{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::*"}}"#, false),
            (#"{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::logs-*/*"}}"#, false),
            (#"{"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}"#, true),
            (#"{"ArnLike": {"aws:SourceArn": "arn:*:iam::111122223333:role/x"}}"#, true),
            (#"{"StringLike": {"aws:SourceArn": "arn:aws:iam::111122223333:*"}}"#, true),
            (#"{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::logs/*"}}"#, true),
            // StringEquals compares literally: "*" there is the character.
            (#"{"StringEquals": {"aws:SourceArn": "arn:aws:iam::*:root"}}"#, true),
            (#"{"StringLike": {"aws:SourceVpce": "vpce-1*"}}"#, true),
        ])
    func wildcardValues(condition: String, expected: Bool) throws {
        let statement = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:*", "Principal": "*", "Condition": \#(condition)}"#)
        #expect(PolicyStatements.conditionLimitsCaller(statement, keys: Self.keys) == .bool(expected))
    }

    @Test(
        "an organisation path limits the caller when its organisation has no wildcard",
        arguments: [
            ("o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*", true), ("o-a1b2c3d4e5/*", true),
            ("o-*/r-ab12/*", false), ("*/r-ab12/ou-ab12-11111111/*", false), ("*", false),
        ])
    func organisationPaths(path: String, expected: Bool) throws {
        let statement = try Self.statement(
            #"{"Effect": "Allow", "Action": "s3:*", "Principal": "*", "Condition": {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["\#(path)"]}}}"#
        )
        let keys = Value.list([.string("aws:principalorgpaths")])
        #expect(PolicyStatements.conditionLimitsCaller(statement, keys: keys) == .bool(expected))
    }

    @Test(
        "an organisation or account ID limits the caller only without wildcards",
        arguments: [
            ("aws:PrincipalOrgID", "o-a1b2c3d4e5", true), ("aws:PrincipalOrgID", "o-*", false),
            ("aws:PrincipalOrgID", "o-a1b2*", false), ("aws:PrincipalAccount", "1111222233??", false),
            ("aws:SourceAccount", "1111*", false), ("aws:SourceAccount", "111122223333", true),
        ])
    func assignedIdentifiers(key: String, value: String, expected: Bool) throws {
        // AWS assigns these IDs: a wildcard matches strangers' organisations and accounts.
        let statement = try Self.statement(
            #"{"Effect": "Allow", "Action": "ecr:*", "Principal": "*", "Condition": {"StringLike": {"\#(key)": "\#(value)"}}}"#
        )
        #expect(PolicyStatements.conditionLimitsCaller(statement, keys: Self.keys) == .bool(expected))
    }

    @Test("only the keys the rule names limit the caller")
    func ruleKeys() throws {
        let statement = try Self.statement(
            #"{"Effect": "Allow", "Action": "kms:*", "Principal": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333"}}}"#
        )
        #expect(PolicyStatements.conditionLimitsCaller(statement, keys: Self.keys) == .bool(false))
        let kmsKeys = Value.list([.string("kms:calleraccount")])
        #expect(PolicyStatements.conditionLimitsCaller(statement, keys: kmsKeys) == .bool(true))
    }

    /// A statement map with the given fields; the rest empty, as `policy_statements` builds it.
    static func statement(_ fields: [(String, Value)]) -> Value {
        var pairs: [(String, Value)] = [
            ("effect", .string("Allow")), ("principals", .list([])), ("not_principals", .list([])),
            ("actions", .list([])), ("not_actions", .list([])), ("resources", .list([])),
            ("not_resources", .list([])), ("conditions", .list([])),
        ]
        for (name, value) in fields {
            pairs[pairs.firstIndex { $0.0 == name }!].1 = value
        }
        return .map(ValueMap(pairs))
    }

    @Test("parts known only after apply make the answer unknown unless it is decided anyway")
    func unknowns() {
        let partly = Self.statement([("actions", .list([Self.unknown, .string("s3:GetObject")]))])
        #expect(PolicyStatements.actionMatches(partly, "s3:GetObject") == .bool(true))
        #expect(PolicyStatements.actionMatches(partly, "s3:PutObject").isUnknown)
        let wholly = Self.statement([("not_actions", Self.unknown)])
        #expect(PolicyStatements.actionMatches(wholly, "*").isUnknown)
        let principals = Self.statement([
            ("principals", .list([.map(["type": .string("AWS"), "identifiers": Self.unknown])]))
        ])
        #expect(PolicyStatements.principalIsPublic(principals).isUnknown)
        let publicToo = Self.statement([
            (
                "principals",
                .list([
                    .map(["type": .string("AWS"), "identifiers": Self.unknown]),
                    .map(["type": .string("*"), "identifiers": .list([.string("*")])]),
                ])
            )
        ])
        #expect(PolicyStatements.principalIsPublic(publicToo) == .bool(true))
        func condition(_ key: String, _ values: Value) -> Value {
            Self.statement([
                (
                    "conditions",
                    .list([.map(["test": .string("IpAddress"), "variable": .string(key), "values": values])])
                )
            ])
        }
        #expect(
            PolicyStatements.conditionLimitsCaller(condition("aws:SourceIp", Self.unknown), keys: Self.keys)
                .isUnknown)
        #expect(
            PolicyStatements.conditionLimitsCaller(
                condition("aws:SourceArn", .list([Self.unknown])), keys: Self.keys)
                == .bool(true))
        #expect(PolicyStatements.actionMatches(Self.unknown, "*").isUnknown)
    }

    @Test("a value that is not a statement is an error, not a silent false")
    func misuse() {
        #expect(PolicyStatements.actionMatches(.string("s3:*"), "*").isError)
        #expect(PolicyStatements.resourceMatches(.int(1), "*").isError)
        #expect(PolicyStatements.principalIsPublic(.list([])).isError)
        #expect(PolicyStatements.conditionLimitsCaller(.null, keys: Self.keys).isError)
    }
}
