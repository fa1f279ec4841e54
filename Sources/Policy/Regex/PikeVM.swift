/// Simulates an NFA program over a text, keeping each instruction at most once per position.
///
/// This is the Pike VM without capture slots: the thread list is a set of program counters, so
/// the work per input scalar is bounded by the program size and the total by size × length.
/// Search semantics come from starting a new thread at every position unless the pattern is
/// anchored at the start.
struct PikeVM {
    private let program: [RegexInstruction]
    private var stack: [Int] = []
    /// The position at which each instruction was last added to a list; -1 for never.
    private var addedAt: [Int]
    private(set) var steps = 0

    private init(program: [RegexInstruction]) {
        self.program = program
        addedAt = Array(repeating: -1, count: program.count)
    }

    /// Whether the program matches anywhere in the text, and how many steps that took.
    static func search(
        _ program: [RegexInstruction], anchoredAtStart: Bool, in text: String
    ) -> (matched: Bool, steps: Int) {
        var machine = PikeVM(program: program)
        let matched = machine.run(anchoredAtStart: anchoredAtStart, text: text.unicodeScalars)
        return (matched, machine.steps)
    }

    private struct Context {
        let position: Int
        let previous: UInt32?
        let following: UInt32?
    }

    private mutating func run(anchoredAtStart: Bool, text: String.UnicodeScalarView) -> Bool {
        // Threads waiting to consume the scalar at the current position, and at the next one.
        var current: [Int] = []
        var next: [Int] = []
        current.reserveCapacity(program.count)
        next.reserveCapacity(program.count)
        var iterator = text.makeIterator()
        var scalar = iterator.next()
        var context = Context(position: 0, previous: nil, following: scalar?.value)
        if addThread(0, to: &current, context) { return true }
        while let consumed = scalar?.value {
            if current.isEmpty && anchoredAtStart { return false }
            scalar = iterator.next()
            context = Context(position: context.position + 1, previous: consumed, following: scalar?.value)
            for pc in current {
                steps += 1
                if accepts(program[pc], consumed), addThread(pc + 1, to: &next, context) { return true }
            }
            if !anchoredAtStart, addThread(0, to: &next, context) { return true }
            swap(&current, &next)
            next.removeAll(keepingCapacity: true)
        }
        return false
    }

    private func accepts(_ instruction: RegexInstruction, _ value: UInt32) -> Bool {
        switch instruction {
        case .scalar(let expected): return value == expected
        case .scalarSet(let set): return set.contains(value)
        case .anyExceptNewline: return value != 0x0A
        case .split, .jump, .assertion, .match: return false
        }
    }

    /// Adds the epsilon closure of `start` to `list`; returns true as soon as `.match` is reached.
    private mutating func addThread(_ start: Int, to list: inout [Int], _ context: Context) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            guard addedAt[pc] != context.position else { continue }
            addedAt[pc] = context.position
            steps += 1
            switch program[pc] {
            case .match:
                stack.removeAll()
                return true
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertion(let assertion):
                if holds(assertion, context) { stack.append(pc + 1) }
            case .scalar, .scalarSet, .anyExceptNewline: list.append(pc)
            }
        }
        return false
    }

    private func holds(_ assertion: RegexAssertion, _ context: Context) -> Bool {
        switch assertion {
        case .beginText: return context.position == 0
        case .endText: return context.following == nil
        case .wordBoundary, .notWordBoundary:
            let before = context.previous.map(CharacterClasses.isWordScalar) ?? false
            let after = context.following.map(CharacterClasses.isWordScalar) ?? false
            return (before != after) == (assertion == .wordBoundary)
        }
    }
}
