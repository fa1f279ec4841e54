// The JSON document policies see, with explicit snake_case keys. Absent values are written
// as null (never left out), so policy authors see the full shape of every object.

extension DockerfileModel: Encodable {
    private enum CodingKeys: String, CodingKey {
        case path, directives, comments, instructions, stages
        case globalArgs = "global_args"
        case finalStage = "final_stage"
        case imageRefs = "image_refs"
    }

    /// Writes the document: directives, global ARGs, stages, instructions and image references.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(directives, forKey: .directives)
        try container.encode(globalArgs, forKey: .globalArgs)
        try container.encode(stages, forKey: .stages)
        try container.encode(finalStageIndex, forKey: .finalStage)
        let entries = instructions.indices.map {
            InstructionEntry(instruction: instructions[$0], stage: instructionStages[$0])
        }
        try container.encode(entries, forKey: .instructions)
        try container.encode(imageReferences, forKey: .imageRefs)
        try container.encode(comments, forKey: .comments)
    }
}

extension Directive: Encodable {
    private enum CodingKeys: String, CodingKey { case name, value, line }

    /// Writes `{name, value, line}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        try container.encode(line, forKey: .line)
    }
}

extension Comment: Encodable {
    private enum CodingKeys: String, CodingKey { case line, text }

    /// Writes `{line, text}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(text, forKey: .text)
    }
}

extension GlobalArg: Encodable {
    private enum CodingKeys: String, CodingKey {
        case name, line
        case defaultValue = "default"
    }

    /// Writes `{name, default, line}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(defaultValue, forKey: .defaultValue)
        try container.encode(line, forKey: .line)
    }
}

extension Stage: Encodable {
    private enum CodingKeys: String, CodingKey {
        case index, name, base, platform, user, line, instructions
        case nameAsWritten = "name_as_written"
        case endLine = "end_line"
    }

    /// Writes `{index, name, name_as_written, base, platform, user, line, end_line, instructions}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(name, forKey: .name)
        try container.encode(nameAsWritten, forKey: .nameAsWritten)
        try container.encode(base, forKey: .base)
        try container.encode(platform, forKey: .platform)
        try container.encode(user, forKey: .user)
        try container.encode(line, forKey: .line)
        try container.encode(endLine, forKey: .endLine)
        try container.encode(instructionIndices, forKey: .instructions)
    }
}

extension BaseImage: Encodable {
    private enum CodingKeys: String, CodingKey {
        case raw, resolved, stage, image, scratch
        case unresolvedReason = "unresolved_reason"
        case platformStages = "platform_stages"
    }

    /// Writes `{raw, resolved, unresolved_reason, stage, image, scratch, platform_stages}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(raw, forKey: .raw)
        // An unresolved reference has no usable text: null, as rules test it.
        try container.encode(unresolvedReason == nil ? resolved : nil, forKey: .resolved)
        try container.encode(unresolvedReason, forKey: .unresolvedReason)
        try container.encode(stage, forKey: .stage)
        try container.encode(image, forKey: .image)
        try container.encode(isScratch, forKey: .scratch)
        try container.encode(platformStages, forKey: .platformStages)
    }
}

extension ImageReference: Encodable {
    private enum CodingKeys: String, CodingKey {
        case registry, repository, tag, digest
        case digestValid = "digest_valid"
    }

    /// Writes `{registry, repository, tag, digest, digest_valid}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(registry, forKey: .registry)
        try container.encode(repository, forKey: .repository)
        try container.encode(tag, forKey: .tag)
        try container.encode(digest, forKey: .digest)
        try container.encode(isDigestValid, forKey: .digestValid)
    }
}

extension EffectiveUser: Encodable {
    private enum CodingKeys: String, CodingKey {
        case raw, resolved, user, group, line
        case fromStage = "from_stage"
        case unresolvedReason = "unresolved_reason"
    }

    /// Writes `{raw, resolved, user, group, from_stage, unresolved_reason, line}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(raw, forKey: .raw)
        // An unresolved reference has no usable text: null, as rules test it.
        try container.encode(unresolvedReason == nil ? resolved : nil, forKey: .resolved)
        try container.encode(user, forKey: .user)
        try container.encode(group, forKey: .group)
        try container.encode(fromStage, forKey: .fromStage)
        try container.encode(unresolvedReason, forKey: .unresolvedReason)
        try container.encode(line, forKey: .line)
    }
}

extension ImageReferenceUse: Encodable {
    private enum CodingKeys: String, CodingKey {
        case origin, raw, resolved, image, line, stage
        case unresolvedReason = "unresolved_reason"
    }

    /// Writes `{origin, raw, resolved, unresolved_reason, image, line, stage}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(origin.rawValue, forKey: .origin)
        try container.encode(raw, forKey: .raw)
        // An unresolved reference has no usable text: null, as rules test it.
        try container.encode(unresolvedReason == nil ? resolved : nil, forKey: .resolved)
        try container.encode(unresolvedReason, forKey: .unresolvedReason)
        try container.encode(image, forKey: .image)
        try container.encode(line, forKey: .line)
        try container.encode(stage, forKey: .stage)
    }
}

extension Flag: Encodable {
    private enum CodingKeys: String, CodingKey { case name, value }

    /// Writes `{name, value}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
    }
}

extension Heredoc: Encodable {
    private enum CodingKeys: String, CodingKey {
        case delimiter, quoted, body, line
        case stripTabs = "strip_tabs"
        case fileDescriptor = "file_descriptor"
        case endLine = "end_line"
    }

    /// Writes `{delimiter, quoted, strip_tabs, file_descriptor, body, line, end_line}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(delimiter, forKey: .delimiter)
        try container.encode(isQuoted, forKey: .quoted)
        try container.encode(stripsLeadingTabs, forKey: .stripTabs)
        try container.encode(fileDescriptor, forKey: .fileDescriptor)
        try container.encode(body, forKey: .body)
        try container.encode(line, forKey: .line)
        try container.encode(endLine, forKey: .endLine)
    }
}
