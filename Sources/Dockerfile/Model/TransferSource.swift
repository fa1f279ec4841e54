/// One source of COPY or ADD, classified the way BuildKit reads it.
public struct TransferSource: Sendable, Hashable {
    /// What a source word names.
    public enum Kind: String, Sendable, Hashable {
        /// A path in the build context or in the `--from` stage or image.
        case local
        /// An HTTP(S) URL that is not a Git repository (ADD only).
        case url
        /// A Git repository (`git@host:repo`, `git://`, `ssh://`, or an HTTP(S) URL ending in
        /// `.git`), optionally with a ref, commit and subdirectory (ADD only).
        case git
        /// A here-document written in the Dockerfile (`ADD <<EOT /x`): inline content.
        case heredoc
    }

    /// The word as written.
    public let raw: String
    /// The word after substituting the stage's ARG and ENV values (best effort when unresolved).
    public let resolved: String
    /// Why the word cannot be known statically (a variable without a value), or nil.
    public let unresolvedReason: String?
    /// What the word names.
    public let kind: Kind
    /// The parts of a Git source, or nil for other kinds.
    public let git: GitSource?

    /// Classifies `raw` of an instruction whose here-documents are `heredocs`, once expanded.
    static func classify(
        raw: String, resolved: String, unresolvedReason: String?, heredocs: [Heredoc], isAdd: Bool
    ) -> TransferSource {
        if raw.hasPrefix("<<"), heredocs.contains(where: { $0.delimiter == heredocName(raw) }) {
            return TransferSource(
                raw: raw, resolved: resolved, unresolvedReason: nil, kind: .heredoc, git: nil)
        }
        if isAdd, let git = GitSource.parse(resolved) {
            return TransferSource(
                raw: raw, resolved: resolved, unresolvedReason: unresolvedReason, kind: .git, git: git)
        }
        let lowered = resolved.lowercased()
        let kind: Kind =
            isAdd && (lowered.hasPrefix("http://") || lowered.hasPrefix("https://")) ? .url : .local
        return TransferSource(
            raw: raw, resolved: resolved, unresolvedReason: unresolvedReason, kind: kind, git: nil)
    }

    /// The sources of a COPY or ADD classified as written, without variable substitution (for
    /// an instruction outside any stage, which the model does not expand).
    public static func unexpanded(_ transfer: FileTransfer, of instruction: Instruction) -> [TransferSource] {
        transfer.sources.map {
            classify(
                raw: $0, resolved: $0,
                unresolvedReason: nil,
                heredocs: instruction.heredocs, isAdd: instruction.keyword == "ADD")
        }
    }

    /// `EOT` for `<<EOT` and `<<-EOT` (quotes were removed when the word was read).
    private static func heredocName(_ word: String) -> String {
        let body = word.dropFirst(2)
        return String(body.hasPrefix("-") ? body.dropFirst() : body)
    }
}

/// A Git source of ADD, in BuildKit's fragment form (`repo.git#ref:subdir`) or query form
/// (`repo.git?ref=v1&commit=<sha>&subdir=docs`).
public struct GitSource: Sendable, Hashable {
    /// The repository address without fragment or query.
    public let repository: String
    /// The ref asked for (`#ref`, `?ref=`, `?tag=`, `?branch=`), or nil for the default branch.
    public let ref: String?
    /// The full commit id the source is pinned to (`?commit=<sha>`, `?checksum=<sha>`, or a ref
    /// that is a full commit id), or nil when it follows a moving ref.
    public let commit: String?
    /// The subdirectory (`#ref:subdir`, `?subdir=`), or nil.
    public let subdirectory: String?

    /// The parts of `text` when it names a Git repository, else nil.
    static func parse(_ text: String) -> GitSource? {
        let lowered = text.lowercased()
        let hashIndex = text.firstIndex(of: "#")
        let queryIndex = text.firstIndex(of: "?").flatMap { index in
            hashIndex.map { index < $0 ? index : nil } ?? index
        }
        let addressEnd = [queryIndex, hashIndex].compactMap { $0 }.min() ?? text.endIndex
        let address = String(text[..<addressEnd])
        let isGit =
            lowered.hasPrefix("git@") || lowered.hasPrefix("git://") || lowered.hasPrefix("ssh://")
            || ((lowered.hasPrefix("http://") || lowered.hasPrefix("https://"))
                && address.lowercased().hasSuffix(".git"))
        guard isGit else { return nil }
        var ref: String?
        var commit: String?
        var subdirectory: String?
        if let queryIndex {
            let queryEnd = hashIndex ?? text.endIndex
            for field in text[text.index(after: queryIndex)..<queryEnd].split(separator: "&") {
                let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = parts.count > 1 ? String(parts[1]) : ""
                switch parts[0] {
                case "ref", "tag", "branch": ref = value
                // `checksum=` (Dockerfile 1.18) is the commit the ref must resolve to.
                case "commit", "checksum": commit = value
                case "subdir": subdirectory = value
                default: break
                }
            }
        }
        if let hashIndex {
            let fragment = text[text.index(after: hashIndex)...]
            let parts = fragment.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if let first = parts.first, !first.isEmpty { ref = String(first) }
            if parts.count > 1, !parts[1].isEmpty { subdirectory = String(parts[1]) }
        }
        if commit == nil, let ref, GitCommit.isFullCommitID(ref) { commit = ref }
        if let given = commit, !GitCommit.isFullCommitID(given) { commit = nil }
        return GitSource(repository: address, ref: ref, commit: commit, subdirectory: subdirectory)
    }
}
