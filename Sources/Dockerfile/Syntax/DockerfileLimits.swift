/// How large a Dockerfile may be before it is refused, checked while its lines are joined and
/// before any instruction is parsed, so an oversized file costs a scan of its bytes and no more.
///
/// The defaults are far above real Dockerfiles (the largest of 366 in the test corpus has
/// about 380 instructions and a 10.5 KB line) and below what would exhaust a CI runner: each
/// instruction costs about 21 KB of memory once modelled, and a logical line costs time in
/// proportion to its length (about 18 µs a byte in a debug build: 4.7 s for 256 KiB).
public struct DockerfileLimits: Sendable, Equatable {
    /// The most instructions a file may hold (`max_dockerfile_instructions`).
    public var maximumInstructions: Int
    /// The most bytes one instruction may span: its logical line (continuations joined) and
    /// any heredoc bodies (`max_dockerfile_line_length`).
    public var maximumLineBytes: Int

    /// Limits of the given sizes.
    public init(maximumInstructions: Int, maximumLineBytes: Int) {
        self.maximumInstructions = maximumInstructions
        self.maximumLineBytes = maximumLineBytes
    }

    /// 10,000 instructions (about 210 MB of model) and 256 KiB per instruction.
    public static let defaults = DockerfileLimits(maximumInstructions: 10_000, maximumLineBytes: 256 << 10)
}
