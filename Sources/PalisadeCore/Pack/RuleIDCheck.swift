import Policy

/// Finds rule ids in `--only`, `--skip` and the config's `enable`/`disable` that no rule has.
///
/// A gate that silently ignores a misspelt id runs a different set of rules than its author
/// believes, so each unknown id is a usage error with the closest known id as a suggestion.
public enum RuleIDCheck {
    /// One message per unknown id, in the order the ids were given.
    ///
    /// A message reads `unknown rule id 'X' in --only; did you mean 'Y'?`. Empty when every id
    /// names a built-in or custom rule.
    ///
    /// Custom policy folders that fail to load add no ids here; the scan reports their errors.
    public static func problems(
        only: [String], skip: [String], configuration: Configuration
    ) -> [String] {
        let named: [(source: String, ids: [String])] = [
            ("--only", only), ("--skip", skip), ("`enable` of the config", configuration.enabledRules),
            ("`disable` of the config", configuration.disabledRules),
        ]
        // Loading the rule ids costs a pass over the custom policies; most runs name none.
        guard named.contains(where: { !$0.ids.isEmpty }) else { return [] }
        var known = RulePack.builtInIDs
        if !configuration.policyFolders.isEmpty,
            let custom = try? RulePackLoader.loadPack(roots: configuration.policyFolders, origin: .custom)
        {
            known.formUnion(custom.map(\.id))
        }
        var problems: [String] = []
        for (source, ids) in named {
            for id in ids where !known.contains(id.uppercased()) {
                let suggestion = NameSuggestion.closest(to: id.uppercased(), among: known)
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "; `palisade rules` lists them"
                problems.append("unknown rule id '\(id)' in \(source)\(hint)")
            }
        }
        return problems
    }
}
