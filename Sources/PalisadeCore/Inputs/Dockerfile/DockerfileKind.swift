import Policy

/// Dockerfiles and Containerfiles.
public enum DockerfileKind: InputKind {
    /// The kind's name in reports.
    public static let name = "dockerfile"
    /// What a file of this kind is, for messages.
    public static let description = "a Dockerfile"
    /// The rules it answers.
    public static let ruleInput = RuleInput.dockerfile
    /// The input file of a rule fixture folder.
    public static let fixtureFileName = "Dockerfile"
    /// Unknowns lack build arguments or stages the file does not fix.
    public static let undecided = "cannot be decided from the Dockerfile alone"
    /// The reason an unknown gives when nothing more precise says why.
    public static let undecidedReason =
        "the result depends on build arguments or stages that the Dockerfile does not fix"

    /// `Dockerfile`, `Dockerfile.*`, `Dockerfile-*`, `*.Dockerfile`, `*.dockerfile`,
    /// `Containerfile` and `Containerfile.*`, in any letter case as BuildKit and editors treat
    /// them; `*.dockerignore` files are not Dockerfiles.
    public static func isCandidate(fileName: String) -> Bool {
        let name = fileName.lowercased()
        if name.hasSuffix(".dockerignore") { return false }
        for base in ["dockerfile", "containerfile"] {
            if name == base || name.hasPrefix(base + ".") { return true }
        }
        return name.hasPrefix("dockerfile-") || name.hasSuffix(".dockerfile")
    }

    /// Anything that is neither JSON nor a zip archive: a named file is read as a Dockerfile
    /// whatever its name, so its own syntax errors say what is wrong.
    public static func recognizes(_ probe: InputProbe) throws(InputError) -> Bool {
        !probe.isZipArchive && !probe.isJSON
    }

    /// Reads the input into a document.
    public static func load(_ probe: InputProbe, options: LoadOptions) throws(InputError) -> any InputDocument
    {
        try DockerfileDocument.load(probe.input, target: options.target, limits: options.dockerfileLimits)
    }
}
