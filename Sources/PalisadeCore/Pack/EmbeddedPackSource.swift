/// Where the embedded pack's generated source lives and the command that regenerates it.
public enum EmbeddedPackSource {
    /// The command that regenerates the embedded pack, named by the staleness test.
    public static let command = "swift run palisade generate-pack"
    /// Where the generated file lives, relative to the repository root.
    public static let path = "Sources/PalisadeCore/Pack/EmbeddedPack.swift"
}
