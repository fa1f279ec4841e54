/// One instruction as the document shows it: keyword, lines, flags, form, typed arguments,
/// heredocs, stage and ONBUILD trigger.
struct InstructionEntry: Encodable {
    let instruction: Instruction
    let stage: Int?

    private enum CodingKeys: String, CodingKey {
        case keyword, line, flags, form, arguments, heredocs, stage, onbuild
        case endLine = "end_line"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(instruction.keyword, forKey: .keyword)
        try container.encode(instruction.line, forKey: .line)
        try container.encode(instruction.endLine, forKey: .endLine)
        try container.encode(instruction.flags, forKey: .flags)
        try container.encode(instruction.form, forKey: .form)
        try container.encode(TypedArguments(kind: instruction.kind), forKey: .arguments)
        try container.encode(instruction.heredocs, forKey: .heredocs)
        try container.encode(stage, forKey: .stage)
        var trigger: InstructionEntry?
        if case .onbuild(let inner?) = instruction.kind {
            trigger = InstructionEntry(instruction: inner, stage: nil)
        }
        try container.encode(trigger, forKey: .onbuild)
    }
}

extension Instruction {
    /// `"shell"` or `"exec"` for instructions that have a form, nil otherwise.
    public var form: String? {
        switch kind {
        case .run(let arguments?), .cmd(let arguments?), .entrypoint(let arguments?), .shell(let arguments?),
            .healthcheck(.command(let arguments)):
            if case .exec = arguments { return "exec" }
            return "shell"
        case .copy(let transfer), .add(let transfer): return transfer.isExecForm ? "exec" : "shell"
        case .volume(_, let isExecForm): return isExecForm ? "exec" : "shell"
        default: return nil
        }
    }
}

/// The `arguments` value: a string for shell form, an array for exec form, objects where the
/// instruction has named parts.
private struct TypedArguments: Encodable {
    let kind: InstructionKind

    private enum Keys: String, CodingKey {
        case image, key, value, name, sources, destination, type, command
        case stageName = "stage_name"
        case defaultValue = "default"
    }

    func encode(to encoder: any Encoder) throws {
        switch kind {
        case .run(let arguments), .cmd(let arguments), .entrypoint(let arguments), .shell(let arguments):
            try encodeArguments(arguments, to: encoder)
        case .from(let from):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(from.image, forKey: .image)
            try container.encode(from.stageName, forKey: .stageName)
        case .copy(let transfer), .add(let transfer):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(transfer.sources, forKey: .sources)
            try container.encode(transfer.destination, forKey: .destination)
        case .user(let text), .workdir(let text), .maintainer(let text), .stopSignal(let text),
            .unknown(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .arg(let declarations):
            var list = encoder.unkeyedContainer()
            for declaration in declarations {
                var item = list.nestedContainer(keyedBy: Keys.self)
                try item.encode(declaration.name, forKey: .name)
                try item.encode(declaration.defaultValue, forKey: .defaultValue)
            }
        case .env(let pairs), .label(let pairs):
            var list = encoder.unkeyedContainer()
            for pair in pairs {
                var item = list.nestedContainer(keyedBy: Keys.self)
                try item.encode(pair.key, forKey: .key)
                try item.encode(pair.value, forKey: .value)
            }
        case .expose(let words), .volume(let words, _):
            var container = encoder.singleValueContainer()
            try container.encode(words)
        case .healthcheck(let health):
            var container = encoder.container(keyedBy: Keys.self)
            switch health {
            case .none:
                try container.encode("NONE", forKey: .type)
                try container.encodeNil(forKey: .command)
            case .command(let arguments):
                try container.encode("CMD", forKey: .type)
                try container.encode(ArgumentsValue(arguments: arguments), forKey: .command)
            case .invalid(let type, _):
                try container.encode(type, forKey: .type)
                try container.encodeNil(forKey: .command)
            case .missing:
                try container.encodeNil(forKey: .type)
                try container.encodeNil(forKey: .command)
            }
        case .onbuild:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }

    private func encodeArguments(_ arguments: Arguments?, to encoder: any Encoder) throws {
        guard let arguments else {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
            return
        }
        try ArgumentsValue(arguments: arguments).encode(to: encoder)
    }
}

/// Shell form as a string, exec form as an array.
private struct ArgumentsValue: Encodable {
    let arguments: Arguments

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch arguments {
        case .shell(let text): try container.encode(text)
        case .exec(let words): try container.encode(words)
        }
    }
}
