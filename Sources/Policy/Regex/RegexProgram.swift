/// One instruction of a Thompson NFA program.
enum RegexInstruction: Sendable, Equatable {
    /// Consume one scalar equal to the value.
    case scalar(UInt32)
    /// Consume one scalar in the set.
    case scalarSet(ScalarSet)
    /// Consume one scalar other than newline.
    case anyExceptNewline
    /// Continue at both targets.
    case split(Int, Int)
    /// Continue at the target.
    case jump(Int)
    /// Continue at the next instruction only if the assertion holds here.
    case assertion(RegexAssertion)
    /// The pattern has matched.
    case match
}

/// Compiles a `RegexNode` into a flat NFA program ending in `.match`.
///
/// Counted repetition is expanded into copies, which the parser has already bounded in size.
struct RegexCompiler {
    private var program: [RegexInstruction] = []

    static func compile(_ node: RegexNode) -> [RegexInstruction] {
        var compiler = RegexCompiler()
        compiler.emit(node)
        compiler.program.append(.match)
        return compiler.program
    }

    private mutating func emit(_ node: RegexNode) {
        switch node {
        case .empty: break
        case .literal(let scalar): program.append(.scalar(scalar.value))
        case .anyExceptNewline: program.append(.anyExceptNewline)
        case .scalarSet(let set): program.append(.scalarSet(set))
        case .assertion(let assertion): program.append(.assertion(assertion))
        case .concatenation(let parts):
            for part in parts { emit(part) }
        case .alternation(let choices): emitAlternation(choices)
        case .repetition(let inner, let minimum, let maximum):
            emitRepetition(inner, minimum: minimum, maximum: maximum)
        }
    }

    private mutating func emitAlternation(_ choices: [RegexNode]) {
        var jumpsToEnd: [Int] = []
        for (index, choice) in choices.enumerated() {
            if index == choices.count - 1 {
                emit(choice)
                break
            }
            let split = placeholder()
            emit(choice)
            jumpsToEnd.append(placeholder())
            program[split] = .split(split + 1, program.count)
        }
        for jump in jumpsToEnd { program[jump] = .jump(program.count) }
    }

    private mutating func emitRepetition(_ inner: RegexNode, minimum: Int, maximum: Int?) {
        guard let maximum else {
            if minimum == 0 {
                // loop: split body, exit; body; jump loop
                let loop = placeholder()
                emit(inner)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            } else {
                for _ in 0..<(minimum - 1) { emit(inner) }
                let body = program.count
                emit(inner)
                program.append(.split(body, program.count + 1))
            }
            return
        }
        for _ in 0..<minimum { emit(inner) }
        // Each optional copy may be skipped straight to the end.
        var exits: [Int] = []
        for _ in minimum..<maximum {
            exits.append(placeholder())
            emit(inner)
        }
        for exit in exits { program[exit] = .split(exit + 1, program.count) }
    }

    private mutating func placeholder() -> Int {
        program.append(.match)
        return program.count - 1
    }
}
