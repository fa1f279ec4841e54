/// References that name a stage through BuildKit's automatic platform arguments
/// (`FROM runtime-${TARGETOS}` with stages `runtime-linux` and `runtime-windows`).
///
/// The builder always sets these arguments, so when every value one can take makes the
/// reference name a stage, the reference is a stage on every build, not an image chosen at
/// build time. Values are those of container platforms: operating systems `linux` and
/// `windows`; architectures `amd64`, `arm64`, `arm`, `386`, `ppc64le`, `s390x`, `riscv64`,
/// `mips64le`, `loong64`; variants none, `v2`-`v8`. A `*PLATFORM` value holds `/`, which no
/// stage name does.
enum PlatformStageReference {
    static let operatingSystems = ["linux", "windows"]
    static let architectures = [
        "amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64", "mips64le", "loong64",
    ]
    static let variants = ["", "v2", "v3", "v4", "v5", "v6", "v7", "v8"]

    /// Every value each automatic platform argument can take.
    static let values: [String: [String]] = [
        "TARGETOS": operatingSystems, "BUILDOS": operatingSystems,
        "TARGETARCH": architectures, "BUILDARCH": architectures,
        "TARGETVARIANT": variants, "BUILDVARIANT": variants,
        "TARGETPLATFORM": platforms, "BUILDPLATFORM": platforms,
    ]

    static var platforms: [String] {
        operatingSystems.flatMap { os in architectures.map { os + "/" + $0 } }
    }

    /// More combinations than this are not enumerated (the reference stays unresolved).
    static let maximumCombinations = 4096

    /// What a reference through platform arguments names.
    enum Resolution: Equatable {
        /// Every value names a stage: these, in stage order.
        case stages([Int])
        /// For these values (`TARGETARCH=riscv64`) the reference names no stage.
        case noStage(for: String)
    }

    /// The stages `raw` names for every value of the platform arguments it uses, in stage
    /// order, or nil when it uses none, uses another unset variable, or some value names no stage.
    static func stages(
        _ raw: String, scope: VariableScope, escape: UInt8, stageNames: [String: Int]
    ) -> [Int]? {
        if case .stages(let stages)? = resolve(raw, scope: scope, escape: escape, stageNames: stageNames) {
            return stages
        }
        return nil
    }

    /// How `raw` resolves over every value of the platform arguments it uses; nil when it uses
    /// none, uses another unset variable, or names no stage for any value.
    static func resolve(
        _ raw: String, scope: VariableScope, escape: UInt8, stageNames: [String: Int]
    ) -> Resolution? {
        let used = UsedNames()
        let probe = WordExpander(
            escape: escape,
            lookup: { name in
                used.names.insert(name)
                return scope.lookup(name)
            }, keepsUnsetReferences: false)
        guard !probe.expand(Array(raw.utf8)[...]).problems.isEmpty else { return nil }
        let platformNames = used.names.filter { scope.isBuilderPlatformArgument($0) }.sorted()
        guard !platformNames.isEmpty else { return nil }
        var combinations: [[String: String]] = [[:]]
        for name in platformNames {
            guard let domain = values[name] else { return nil }
            combinations = combinations.flatMap { partial in
                domain.map { value in partial.merging([name: value]) { _, new in new } }
            }
            if combinations.count > maximumCombinations { return nil }
        }
        var found = Set<Int>()
        var missing: String?
        for assignment in combinations {
            let expander = WordExpander(
                escape: escape,
                lookup: { name in assignment[name].map { .value($0) } ?? scope.lookup(name) },
                keepsUnsetReferences: false)
            let expanded = expander.expand(Array(raw.utf8)[...])
            guard expanded.problems.isEmpty, let stage = stageNames[expanded.text.lowercased()] else {
                if missing == nil {
                    missing = assignment.keys.sorted().map { "\($0)=\(assignment[$0] ?? "")" }.joined(
                        separator: ", ")
                }
                continue
            }
            found.insert(stage)
        }
        // A reference that names no stage for any value is an image reference, not a stage one.
        if found.isEmpty { return nil }
        if let missing { return .noStage(for: missing) }
        return .stages(found.sorted())
    }

    /// The variable names one expansion looked up.
    private final class UsedNames {
        var names = Set<String>()
    }
}
