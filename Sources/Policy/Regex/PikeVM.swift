/// Simulates an NFA program over a text, keeping each instruction at most once per position.
///
/// This is the Pike VM without capture slots: the thread list is a set of program counters, so
/// the work per input scalar is bounded by the program size and the total by size × length.
/// Search semantics come from starting a new thread at every position unless the pattern is
/// anchored at the start.
struct PikeVM {
    private let program: [RegexInstruction]
    /// The position at which each instruction was last added to a list; -1 for never.
    private let addedAt: UnsafeMutableBufferPointer<Int>
    /// Instructions whose epsilon closure is still to be followed.
    private let stack: UnsafeMutableBufferPointer<Int>
    private var stackCount = 0
    /// Where the two thread lists of ``run(anchoredAtStart:text:)`` keep their instructions.
    private let listStorage: (UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Int>)
    private(set) var steps = 0

    /// Program counters waiting to consume a scalar; each instruction at most once.
    private struct ThreadList {
        let storage: UnsafeMutableBufferPointer<Int>
        var count = 0

        mutating func append(_ pc: Int) {
            storage[count] = pc
            count += 1
        }
    }

    /// Scratch space for a program of `size` instructions: `addedAt` and the two thread lists
    /// hold at most one entry per instruction, and the stack at most `2 × size + 1` (an
    /// instruction taken from it pushes at most two, and is taken once per position).
    private static func scratchCapacity(_ size: Int) -> Int { 5 * size + 1 }

    private init(program: [RegexInstruction], scratch: UnsafeMutableBufferPointer<Int>) {
        self.program = program
        let size = program.count
        addedAt = UnsafeMutableBufferPointer(rebasing: scratch[0..<size])
        addedAt.initialize(repeating: -1)
        listStorage = (
            UnsafeMutableBufferPointer(rebasing: scratch[size..<(2 * size)]),
            UnsafeMutableBufferPointer(rebasing: scratch[(2 * size)..<(3 * size)])
        )
        stack = UnsafeMutableBufferPointer(rebasing: scratch[(3 * size)...])
    }

    /// Whether the program matches anywhere in the text, and how many steps that took.
    ///
    /// The machine's tables live in one temporary allocation (on the stack when small): a
    /// search of a short text used to spend more on allocating them than on matching.
    static func search(
        _ program: [RegexInstruction], anchoredAtStart: Bool, in text: String
    ) -> (matched: Bool, steps: Int) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: scratchCapacity(program.count)) { scratch in
            var machine = PikeVM(program: program, scratch: scratch)
            let matched = machine.run(anchoredAtStart: anchoredAtStart, text: text.unicodeScalars)
            return (matched, machine.steps)
        }
    }

    private struct Context {
        let position: Int
        let previous: UInt32?
        let following: UInt32?
    }

    private mutating func run(anchoredAtStart: Bool, text: String.UnicodeScalarView) -> Bool {
        // Threads waiting to consume the scalar at the current position, and at the next one.
        var current = ThreadList(storage: listStorage.0)
        var next = ThreadList(storage: listStorage.1)
        var iterator = text.makeIterator()
        var scalar = iterator.next()
        var context = Context(position: 0, previous: nil, following: scalar?.value)
        if addThread(0, to: &current, context) { return true }
        while let consumed = scalar?.value {
            if current.count == 0 && anchoredAtStart { return false }
            scalar = iterator.next()
            context = Context(position: context.position + 1, previous: consumed, following: scalar?.value)
            for index in 0..<current.count {
                let pc = current.storage[index]
                steps += 1
                if accepts(program[pc], consumed), addThread(pc + 1, to: &next, context) { return true }
            }
            if !anchoredAtStart, addThread(0, to: &next, context) { return true }
            swap(&current, &next)
            next.count = 0
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
    private mutating func addThread(_ start: Int, to list: inout ThreadList, _ context: Context) -> Bool {
        push(start)
        while stackCount > 0 {
            stackCount -= 1
            let pc = stack[stackCount]
            guard addedAt[pc] != context.position else { continue }
            addedAt[pc] = context.position
            steps += 1
            switch program[pc] {
            case .match:
                stackCount = 0
                return true
            case .jump(let target): push(target)
            case .split(let first, let second):
                push(second)
                push(first)
            case .assertion(let assertion):
                if holds(assertion, context) { push(pc + 1) }
            case .scalar, .scalarSet, .anyExceptNewline: list.append(pc)
            }
        }
        return false
    }

    private mutating func push(_ pc: Int) {
        stack[stackCount] = pc
        stackCount += 1
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
