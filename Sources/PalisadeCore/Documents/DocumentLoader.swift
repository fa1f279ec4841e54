/// Reads discovered inputs into documents the engine can evaluate, through the registered kinds.
public enum DocumentLoader {
    /// Reads one input with the kind that recognises it.
    ///
    /// Returns nil for a file found in a directory that no kind recognises (a `*.json` that is
    /// neither a plan nor a state is skipped); a named file that no kind recognises, and every
    /// other problem, is an error naming the file.
    public static func load(
        _ input: DiscoveredInput, options: LoadOptions
    ) throws(InputError) -> (any InputDocument)? {
        if input.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputError(file: input.path, message: "the file is empty: expected \(expectedKinds)")
        }
        let probe = InputProbe(input)
        if let kind = try InputKinds.kind(of: probe) {
            return try kind.load(probe, options: options)
        }
        if input.foundInDirectory { return nil }
        let what =
            (try? probe.terraformClassification()).map { "this is \($0)" } ?? "this input is not readable"
        throw InputError(file: input.path, message: "\(what); expected \(expectedKinds)")
    }

    /// Reads a named file or `-` for `palisade parse`.
    public static func load(path: String, target: String?) throws(InputError) -> any InputDocument {
        let (inputs, errors) = InputDiscovery.discover([path])
        if let error = errors.first { throw error }
        guard let input = inputs.first else { throw InputError(file: path, message: "nothing to read") }
        guard inputs.count == 1 else {
            throw InputError(file: path, message: "parse reads one file; name \(expectedKinds)")
        }
        guard let document = try load(input, options: LoadOptions(target: target)) else {
            throw InputError(file: path, message: "not \(expectedKinds)")
        }
        return document
    }

    /// "a Terraform plan, a Terraform state or a Dockerfile", from the registry.
    static var expectedKinds: String {
        let names = InputKinds.all.map { $0.description }
        guard let last = names.last else { return "an input" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    }
}
