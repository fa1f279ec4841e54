import Synchronization

/// How expressions compiled in one environment number their variables and cached selection
/// chains.
///
/// Numbered alike, several expressions can run in one evaluation context (see
/// ``EvaluationSession``): a variable bound for the first is in its slot for the next, and a chain
/// the first read (`resource.values.encrypted`) is in the same cache entry for the next.
final class SlotNumbering: Sendable {
    /// The environment's variables in slot order (sorted, so the numbering does not depend on
    /// hashing).
    let variables: [String]
    /// The cache entries of selection chains, by the compiler's key; entries are handed out as
    /// expressions compile, on whichever thread compiles them.
    private let chainEntries = Mutex<[String: Int]>([:])

    /// The UTF-8 length of each variable's name: most names are told apart by length alone.
    private let lengths: [Int]

    init(variables: [String]) {
        self.variables = variables
        self.lengths = variables.map(\.utf8.count)
    }

    /// The slot of variable `name`; nil when the environment does not declare it.
    func slot(of name: String) -> Int? {
        let length = name.utf8.count
        for slot in lengths.indices where lengths[slot] == length && variables[slot] == name { return slot }
        return nil
    }

    /// The cache entry of the chain named `key`, shared by every occurrence in every expression
    /// of this numbering; nil when the evaluation context has no room for another.
    func chainEntry(for key: String) -> Int? {
        chainEntries.withLock { entries in
            if let entry = entries[key] { return entry }
            guard entries.count < EvaluationContext.chainCacheCapacity else { return nil }
            entries[key] = entries.count
            return entries.count - 1
        }
    }
}

/// The numbering an environment compiles with now, replaced by a fresh one when its chain
/// entries run out.
///
/// An evaluation context caches a fixed number of chains. An environment that compiles many
/// expressions (a test suite's, or a long-lived tool's) would otherwise leave its later ones
/// without a cache; those compile with a fresh numbering, and share a context only with the
/// expressions of theirs.
final class SlotNumberings: Sendable {
    private let current: Mutex<SlotNumbering>

    init(variables: Set<String>) {
        current = Mutex(SlotNumbering(variables: variables.sorted()))
    }

    /// The numbering to compile with.
    var now: SlotNumbering { current.withLock { $0 } }

    /// A fresh numbering in place of `exhausted` (or the one that already replaced it).
    func renewing(_ exhausted: SlotNumbering) -> SlotNumbering {
        current.withLock { current in
            if current === exhausted { current = SlotNumbering(variables: exhausted.variables) }
            return current
        }
    }
}
