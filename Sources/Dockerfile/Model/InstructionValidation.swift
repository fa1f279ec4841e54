/// The checks BuildKit's instruction layer makes before building, with its messages.
enum InstructionValidation {
    static func check(_ instruction: Instruction) throws(LocatedProblem) {
        if let message = problem(instruction) { throw LocatedProblem(line: instruction.line, message) }
    }

    private static func problem(_ instruction: Instruction) -> String? {
        let keyword = instruction.keyword
        switch instruction.kind {
        case .unknown: return "unknown instruction: \(instruction.keywordAsWritten)"
        case .from(let arguments):
            if arguments.words.count != 1 && arguments.words.count != 3 {
                return "FROM requires either one or three arguments"
            }
            if arguments.words.count == 3 && arguments.stageName == nil {
                return "FROM expects \"image AS name\" with three arguments"
            }
        case .copy(let transfer), .add(let transfer):
            if transfer.paths.count < 2 {
                return
                    "\(keyword) requires at least two arguments, but only one was provided. Destination could not be determined."
            }
        case .user(let text), .workdir(let text), .stopSignal(let text), .maintainer(let text):
            if text.isEmpty { return "\(keyword) requires exactly one argument" }
        case .arg(let declarations) where declarations.isEmpty:
            return "ARG requires at least one argument"
        case .env(let pairs) where pairs.isEmpty: return "ENV requires at least one argument"
        case .label(let pairs) where pairs.isEmpty: return "LABEL requires at least one argument"
        case .expose(let ports) where ports.isEmpty: return "EXPOSE requires at least one argument"
        case .volume(let paths, _) where paths.isEmpty: return "VOLUME requires at least one argument"
        case .shell(let arguments):
            guard case .exec = arguments else { return "SHELL requires the arguments to be in JSON form" }
        case .healthcheck(let arguments): return healthcheckProblem(arguments)
        case .onbuild(let inner):
            guard let inner else { return "ONBUILD requires at least one argument" }
            switch inner.keyword {
            case "ONBUILD": return "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
            case "FROM", "MAINTAINER": return "\(inner.keyword) isn't allowed as an ONBUILD trigger"
            default: break
            }
        default: break
        }
        return nil
    }

    private static func healthcheckProblem(_ arguments: HealthcheckArguments) -> String? {
        switch arguments {
        case .none, .command: return nil
        case .missing: return "HEALTHCHECK requires at least one argument"
        case .invalid(let type, _):
            switch type.uppercased() {
            case "NONE": return "HEALTHCHECK NONE takes no arguments"
            case "CMD": return "Missing command after HEALTHCHECK CMD"
            default: return "Unknown type \"\(type)\" in HEALTHCHECK (try CMD)"
            }
        }
    }
}
