import Policy

/// The `each` lists of one document's evaluation, shared by the rules that read the same list.
///
/// Several rules often expand a subject the same way (eight ECS rules decode the same container
/// definitions; three security group rules walk the same ingress blocks). An `each` that does not
/// read `params` gives the same value for every rule on the same subject, so it is evaluated
/// once per subject with an ``Subject/identity`` and its elements (each with its path and key,
/// which depend on the `each` source and the subject, not on the rule) handed to the others.
final class SharedEachLists: Sendable {
    /// A subject's `each` list as elements, or the value that is not a list of them (an error,
    /// or a value of another type), which each rule reports as its own error.
    enum Expansion: Sendable {
        case elements([EachElement])
        case notAList(Value)
    }

    /// A list: which `each` source, on which subject.
    private struct Key: Hashable, Sendable {
        let source: Int
        let subject: ObjectIdentifier
    }

    /// The number of each rule's `each` source, by rule, for the rules whose `each` does not
    /// read `params`: looked up by the rule's identity, because hashing the source text cost
    /// about 900 instructions per expanded subject.
    private let sourceNumbers: [ObjectIdentifier: Int]
    private let expansions = ConcurrentMemo<Key, Expansion>()

    /// Numbers the `each` sources of `rules` that do not read `params`.
    init(_ rules: [Rule]) {
        var numbers: [String: Int] = [:]
        var byRule: [ObjectIdentifier: Int] = [:]
        for rule in rules {
            guard let each = rule.each, !each.referencedVariables.contains("params") else { continue }
            if numbers[each.source] == nil { numbers[each.source] = numbers.count }
            byRule[ObjectIdentifier(rule)] = numbers[each.source]
        }
        sourceNumbers = byRule
    }

    /// The expansion of `rule`'s `each` on `subject`: shared when it can be, else `expand()`.
    func expansion(of rule: Rule, on subject: Subject, expand: () -> Expansion) -> Expansion {
        guard let identity = subject.identity, let source = sourceNumbers[ObjectIdentifier(rule)]
        else { return expand() }
        return expansions.value(for: Key(source: source, subject: identity), make: expand)
    }
}
