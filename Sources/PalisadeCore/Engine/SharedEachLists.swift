import Policy

/// The `each` lists of one document's evaluation, shared by the rules that read the same list.
///
/// Several rules often expand a subject the same way (eight ECS rules decode the same container
/// definitions; three security group rules walk the same ingress blocks). An `each` that does not
/// read `params` gives the same value for every rule on the same subject, so it is evaluated
/// once per subject with an ``Subject/identity`` and its value handed to the others.
final class SharedEachLists: Sendable {
    /// A list: which `each` source, on which subject.
    private struct Key: Hashable, Sendable {
        let source: Int
        let subject: ObjectIdentifier
    }

    /// The number of each rule's `each` source, by rule, for the rules whose `each` does not
    /// read `params`: looked up by the rule's identity, because hashing the source text cost
    /// about 900 instructions per expanded subject.
    private let sourceNumbers: [ObjectIdentifier: Int]
    private let values = ConcurrentMemo<Key, Value>()

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

    /// The value of `rule`'s `each` on `subject`: shared when it can be, else `evaluate()`.
    func list(of rule: Rule, on subject: Subject, evaluate: () -> Value) -> Value {
        guard let identity = subject.identity, let source = sourceNumbers[ObjectIdentifier(rule)]
        else { return evaluate() }
        return values.value(for: Key(source: source, subject: identity), make: evaluate)
    }
}
