import Policy

/// Decides what a normalised IAM statement (``PolicyStatements``) grants: which actions and
/// resources it covers, whether its principal is anyone, and whether a condition limits who
/// can call. Every answer is three-valued: `.bool`, or `.unknown` when a part of the statement
/// it depends on is not known before apply.
///
/// `NotAction`, `NotResource` and `NotPrincipal` in an Allow statement grant everything except
/// what they list, so such a statement covers a query unless the exclusion covers all of it.
extension PolicyStatements {
    /// True when the statement applies to `action`.
    ///
    /// A pattern of `Action` covers it, or no pattern of `NotAction` does. Actions compare
    /// case-insensitively with `*` and `?` wildcards; `*` (or `*:*`) as the query means every
    /// action.
    static func actionMatches(_ statement: Value, _ action: String) -> Value {
        matches(statement, action, included: "actions", excluded: "not_actions", kind: .action)
    }

    /// True when the statement applies to `resource` (an ARN, `*` for every resource).
    ///
    /// A pattern of `Resource` covers it, or no pattern of `NotResource` does, or the statement
    /// names neither (trust and some resource policies apply to the resource they are on).
    /// ARNs compare case-sensitively, as IAM does. Every resource (`*`) is covered by `*` and by
    /// the patterns of every ARN (``isEveryResource(_:)``); a pattern known only after apply
    /// that is made of `arn` attributes alone names resources, never all of them
    /// (``isMadeOfARNs(_:at:)``).
    static func resourceMatches(_ statement: Value, _ resource: String) -> Value {
        matches(statement, resource, included: "resources", excluded: "not_resources", kind: .resource)
    }

    /// True when a statement's principal is anyone: `"*"`, `{"AWS": "*"}` (also in a list), or
    /// any `NotPrincipal` that does not itself exclude everyone; unknown when a principal it
    /// cannot rule out is not known before apply.
    static func principalIsPublic(_ statement: Value) -> Value {
        let principals = field(statement, "principals", function: "principal_is_public")
        let excluded = field(statement, "not_principals", function: "principal_is_public")
        if principals.isError { return principals }
        if excluded.isError { return excluded }
        var result = ThreeValued()
        if excluded.isUnknown {
            result.note(excluded)
        } else if !elements(excluded).isEmpty {
            // Allow with NotPrincipal: everyone except the listed principals.
            switch publicPrincipal(in: excluded) {
            case .bool(true): break
            case .bool(false): return .bool(true)
            case let other: result.note(other)
            }
        }
        if principals.isUnknown {
            result.note(principals)
        } else {
            switch publicPrincipal(in: principals) {
            case .bool(true): return .bool(true)
            case let other: result.note(other)
            }
        }
        return result.value
    }

    /// True when a principal list names anyone (`*`, or `AWS` with identifier `*`).
    static func publicPrincipal(in principals: Value) -> Value {
        var result = ThreeValued()
        for principal in elements(principals) {
            guard case .map(let entry) = principal else {
                result.note(principal)
                continue
            }
            let type = entry["type"] ?? .null
            let identifiers = entry["identifiers"] ?? .list([])
            guard case .string(let typeName) = type else {
                result.note(type)
                continue
            }
            if typeName == "*" { return .bool(true) }
            guard typeName == "AWS" else { continue }
            if case .unknown(let unknown) = identifiers {
                // One ARN known only after apply (`{"AWS": aws_iam_role.r.arn}` read from the .tf).
                if !unknown.isMadeOfARNs { result.note(identifiers) }
                continue
            }
            for (index, identifier) in elements(identifiers).enumerated() {
                if identifier.stringValue == "*" { return .bool(true) }
                // An ARN known only after apply (a role created in this plan) is not everyone.
                if isMadeOfARNs(identifiers, at: index) { continue }
                result.note(identifier)
            }
        }
        return result.value
    }

    /// True when some condition of the statement limits the caller.
    ///
    /// That is a positive test (not negated, not `Null`, not `…IfExists`, not `ForAllValues:`,
    /// which all let a request without the key through) on one of `keys` (compared
    /// case-insensitively). A wildcard value that fixes no owner (`*`, an ARN whose account is a
    /// wildcard, an organisation or account ID with a wildcard; see ``wildcardValueFixesOwner(_:key:test:)``) limits nothing, nor does an
    /// `aws:SourceIp` list containing a /0 network. Values known only after apply are identifiers
    /// from this plan and count as limiting, except source IPs, which make the answer unknown.
    static func conditionLimitsCaller(_ statement: Value, keys: Value) -> Value {
        let conditions = field(statement, "conditions", function: "condition_limits_caller")
        if conditions.isUnknown || conditions.isError { return conditions }
        let limitingKeys = Set(elements(keys).compactMap { $0.stringValue?.lowercased() })
        var result = ThreeValued()
        for condition in elements(conditions) {
            guard case .map(let entry) = condition else {
                result.note(condition)
                continue
            }
            let test = entry["test"] ?? .null
            let variable = entry["variable"] ?? .null
            guard case .string(let testName) = test, case .string(let key) = variable else {
                result.note(test)
                result.note(variable)
                continue
            }
            let lowerKey = key.lowercased()
            guard limitingKeys.contains(lowerKey), isPositive(testName) else { continue }
            switch valuesLimit(entry["values"] ?? .list([]), key: lowerKey, test: testName) {
            case .bool(true): return .bool(true)
            case let other: result.note(other)
            }
        }
        return result.value
    }

    /// False for condition operators that a request without the key satisfies or that negate.
    static func isPositive(_ test: String) -> Bool {
        let lower = test.lowercased()
        if lower.hasPrefix("forallvalues:") || lower.hasSuffix("ifexists") || lower == "null" {
            return false
        }
        return !operatorName(test).contains("not")
    }

    /// Whether the values of a positive test on a limiting key actually narrow the callers.
    ///
    /// Values are alternatives: one that does not narrow is enough to let anyone through. A
    /// wildcard value (of a `…Like` test, or of `ArnEquals`/`ArnLike`, which match ARNs with
    /// wildcards too) narrows only when it fixes an owner (see ``wildcardValueFixesOwner(_:key:test:)``).
    static func valuesLimit(_ values: Value, key: String, test: String) -> Value {
        let isSourceIP = key == "aws:sourceip"
        if values.isUnknown { return isSourceIP ? values : .bool(true) }
        let matchesWildcards = operatorMatchesWildcards(test)
        var result = ThreeValued()
        var sawValue = false
        var networks: [CIDR?] = []
        for value in elements(values) {
            switch value {
            case .string(let text):
                sawValue = true
                if isSourceIP {
                    let network = CIDR(text)
                    if network?.isWholeInternet ?? false { return .bool(false) }
                    networks.append(network)
                }
                if matchesWildcards, !wildcardValueFixesOwner(text, key: key, test: test) {
                    return .bool(false)
                }
            case .unknown:
                if isSourceIP { result.note(value) } else { sawValue = true }
            default:
                sawValue = true
            }
        }
        // Source ranges that leave no address out (`0.0.0.0/1` and `128.0.0.0/1`) narrow nothing.
        if CIDR.coverWholeInternet(networks) { return .bool(false) }
        if let undecided = result.undecided { return undecided }
        return .bool(sawValue)
    }

    /// True for condition operators whose values may hold `*` and `?` wildcards: the `…Like`
    /// operators, and `ArnEquals` and `ArnLike` (which IAM documents as the same match).
    static func operatorMatchesWildcards(_ test: String) -> Bool {
        let name = operatorName(test)
        return name.contains("like") || name.hasPrefix("arn")
    }

    /// A condition operator lowercased, without a `ForAnyValue:` qualifier.
    static func operatorName(_ test: String) -> Substring {
        let lower = test.lowercased()
        return lower.hasPrefix("foranyvalue:") ? lower.dropFirst(12) : Substring(lower)
    }

    /// Condition keys (lower case) whose values are organisation or account IDs that AWS assigns.
    static let assignedIdentifierKeys: Set<String> = [
        "aws:principalorgid", "aws:principalaccount", "aws:sourceaccount", "aws:sourceorgid",
        "aws:resourceaccount", "aws:resourceorgid", "kms:calleraccount",
    ]

    /// True when a value of a wildcard test still names one owner, so that it narrows the
    /// callers to that owner's: wildcards anywhere else are the owner's choice.
    ///
    /// - An ARN (`arn:…`): its account field must be free of wildcards, since anyone can make a
    ///   role or topic of any name in an account of their own (`arn:aws:iam::*:role/deployer`
    ///   is anyone's deployer role); an ARN without an account, such as an S3 bucket's, must
    ///   name its resource (up to the first `/`) without wildcards, bucket names being anyone's
    ///   to take. `ArnLike` matches each of the six fields apart; with a string operator a `*`
    ///   before the account field may span colons, so it fixes nothing.
    /// - An `aws:PrincipalOrgPaths` path: its organisation ID (before the first `/`) must be
    ///   free of wildcards.
    /// - An organisation or account ID (``assignedIdentifierKeys``) must be free of wildcards:
    ///   AWS assigns these IDs, so `o-*` or `1234*` matches organisations and accounts of
    ///   strangers, and nobody can choose an ID to stay out of the match.
    /// - Any other value narrows unless it is only `*`.
    static func wildcardValueFixesOwner(_ text: String, key: String, test: String) -> Bool {
        func hasWildcard(_ part: Substring) -> Bool { part.contains { $0 == "*" || $0 == "?" } }
        if text.allSatisfy({ $0 == "*" }) { return false }
        if assignedIdentifierKeys.contains(key) { return !hasWildcard(Substring(text)) }
        if key == "aws:principalorgpaths" {
            return !hasWildcard(text.prefix { $0 != "/" })
        }
        guard text.lowercased().hasPrefix("arn:") else { return true }
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let fieldsApart = operatorName(test).hasPrefix("arn")
        if !fieldsApart, fields.prefix(4).contains(where: { $0.contains("*") }) { return false }
        guard fields.count >= 5 else { return !hasWildcard(Substring(text)) }
        let account = fields[4]
        if !account.isEmpty { return !hasWildcard(account) }
        guard fields.count == 6 else { return true }
        return !hasWildcard(fields[5].prefix { $0 != "/" })
    }

    enum PatternKind {
        case action, resource
    }

    static func matches(
        _ statement: Value, _ query: String, included: String, excluded: String, kind: PatternKind
    ) -> Value {
        let function = kind == .action ? "action_matches" : "resource_matches"
        let listed = field(statement, included, function: function)
        let unlisted = field(statement, excluded, function: function)
        if listed.isError { return listed }
        if unlisted.isError { return unlisted }
        let hasListed = listed.isUnknown || !elements(listed).isEmpty
        let hasUnlisted = unlisted.isUnknown || !elements(unlisted).isEmpty
        if !listed.isUnknown, hasListed { return anyCovers(listed, query, kind: kind) }
        if !unlisted.isUnknown, hasUnlisted {
            switch anyCovers(unlisted, query, kind: kind) {
            case .bool(let covered): return .bool(!covered)
            case let other: return other
            }
        }
        if listed.isUnknown { return listed }
        if unlisted.isUnknown { return unlisted }
        // Neither listed: actions are required, a resource is implied by where the policy is.
        return .bool(kind == .resource)
    }

    /// True when a pattern of the list covers every name the query matches.
    static func anyCovers(_ patterns: Value, _ query: String, kind: PatternKind) -> Value {
        if patterns.isUnknown { return patterns }
        var result = ThreeValued()
        // The query is prepared once for all the patterns.
        let prepared = Query(query, kind: kind)
        for (index, pattern) in elements(patterns).enumerated() {
            guard case .string(let text) = pattern else {
                if pattern.isUnknown, prepared.isEveryResource, isMadeOfARNs(patterns, at: index) { continue }
                result.note(pattern)
                continue
            }
            if prepared.isCovered(by: text) { return .bool(true) }
        }
        return result.value
    }

    /// True when `pattern` matches every name `query` matches.
    ///
    /// The query's wildcards are taken
    /// as literal characters that only a pattern `*` can absorb, which is exact for the usual
    /// queries (`*`, `s3:*`, a concrete action) and never claims coverage that does not hold.
    static func covers(pattern: String, query: String, kind: PatternKind) -> Bool {
        Query(query, kind: kind).isCovered(by: pattern)
    }

    /// A query as patterns are matched against it: lowercased for actions, as scalars.
    struct Query {
        let kind: PatternKind
        let scalars: [Unicode.Scalar]
        /// True for an action query that means every action (see ``isEveryAction(_:)``).
        let isEveryAction: Bool
        /// True for a resource query that means every resource: one or more `*`.
        let isEveryResource: Bool

        init(_ query: String, kind: PatternKind) {
            self.kind = kind
            let text = kind == .action ? query.lowercased() : query
            scalars = Array(text.unicodeScalars)
            isEveryAction = kind == .action && PolicyStatements.isEveryAction(text)
            isEveryResource =
                kind == .resource && !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: "*") }
        }

        /// True when `pattern` covers this query (see ``covers(pattern:query:kind:)``).
        func isCovered(by pattern: String) -> Bool {
            let pattern = kind == .action ? pattern.lowercased() : pattern
            if isEveryAction { return PolicyStatements.isEveryAction(pattern) }
            if isEveryResource { return PolicyStatements.isEveryResource(pattern) }
            // A pattern without wildcards covers exactly the query with the same scalars.
            if !pattern.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) {
                return pattern.unicodeScalars.elementsEqual(scalars)
            }
            return globCovers(Array(pattern.unicodeScalars), scalars)
        }
    }

    /// True for a `Resource` pattern that matches every resource of an account: only `*`, or an
    /// ARN pattern (`arn:aws:*:*:*:*`, `arn:*`) whose service, region, account and resource
    /// fields are only `*`, the partition being `*` or named.
    ///
    /// IAM matches each colon-separated field apart, and a `*` that ends a field matches past
    /// the colons after it: `arn:aws:*` matches every ARN of the `aws` partition. An account
    /// lives in one partition, so naming it narrows nothing.
    static func isEveryResource(_ pattern: String) -> Bool {
        func isStars(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { $0 == "*" } }
        if isStars(Substring(pattern)) { return true }
        let fields = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count >= 3, fields[0] == "arn" else { return false }
        let partition = fields[1]
        guard
            isStars(partition)
                || (partition.hasPrefix("aws") && !partition.contains("*") && !partition.contains("?"))
        else { return false }
        return fields.dropFirst(2).allSatisfy(isStars)
    }

    /// True when element `index` of a list is known only after apply and made of the `arn`
    /// attributes of resources alone (`aws_s3_bucket.b.arn`, `"${aws_s3_bucket.b.arn}/*"`).
    ///
    /// Such a value is an ARN, or text around one, and never `*` or a pattern of every
    /// resource. Read from the plan, the references are those of the list's configuration (a
    /// list written as one expression has no other): every one must be an `arn`, or the object
    /// Terraform lists beside it, and none a `local` value, whose parts the plan does not record.
    /// Read from the `.tf` (``SourceDerivedValues``), the unknown says so itself.
    static func isMadeOfARNs(_ list: Value, at index: Int) -> Bool {
        if case .list(let elements) = list, elements.indices.contains(index),
            case .unknown(let unknown) = elements[index]
        {
            return unknown.isMadeOfARNs
        }
        guard case .host(let host) = list, let attributes = host as? AttributeHostValue, attributes.isList
        else { return false }
        let element = attributes.view.element(index)
        guard element.state(resolvingReferences: false).isUnknown, !element.refersToLocalValues else {
            return false
        }
        let references = element.configurationReferences
        let arns = Set(references.filter { $0.attribute == "arn" }.map(\.address))
        return !arns.isEmpty
            && references.allSatisfy {
                $0.attribute == "arn" || ($0.attribute == nil && arns.contains($0.address))
            }
    }

    /// `*`, `**`, `*:*`: patterns that match every action name (all have a `service:` prefix).
    ///
    /// At most one `:`, and on each side of it one or more `*` and nothing else; read by byte,
    /// since both are ASCII and no byte of a longer UTF-8 sequence is.
    static func isEveryAction(_ pattern: String) -> Bool {
        var colons = 0
        var partLength = 0
        for byte in pattern.utf8 {
            switch byte {
            case UInt8(ascii: "*"): partLength += 1
            case UInt8(ascii: ":"):
                guard partLength > 0, colons == 0 else { return false }
                colons += 1
                partLength = 0
            default: return false
            }
        }
        return partLength > 0
    }

    /// Glob matching where the pattern's `*` matches any run and `?` one character other than
    /// a query wildcard; linear space, quadratic time in the worst case.
    static func globCovers(_ pattern: [Unicode.Scalar], _ query: [Unicode.Scalar]) -> Bool {
        // Two rows, swapped after each pattern symbol rather than allocated anew.
        var matched = [Bool](repeating: false, count: query.count + 1)
        var next = matched
        matched[0] = true
        for symbol in pattern {
            if symbol == "*" {
                var reachable = false
                for index in 0...query.count {
                    reachable = reachable || matched[index]
                    next[index] = reachable
                }
            } else {
                next[0] = false
                for index in 0..<query.count {
                    let character = query[index]
                    let accepts =
                        symbol == "?" ? character != "*" && character != "?" : symbol == character
                    next[index + 1] = matched[index] && accepts
                }
            }
            swap(&matched, &next)
        }
        return matched[query.count]
    }

    /// A member of a statement map, or an error naming the function that was misused.
    static func field(_ statement: Value, _ name: String, function: String) -> Value {
        switch statement {
        case .map(let map): return map[name] ?? .list([])
        case .unknown, .error: return statement
        default: return .error("\(function) expects a statement from policy_statements")
        }
    }

    /// The elements of a literal or host list; empty for anything else.
    static func elements(_ value: Value) -> [Value] {
        switch value {
        case .list(let list): return list
        case .host(let host) where host.kind == .list: return (0..<host.count).map { host.element(at: $0) }
        default: return []
        }
    }
}
