import Foundation

/// Loads rule folders (`<root>/<ID>/rule.yaml`) and whole packs from disk.
public enum RulePackLoader {
    /// The name of the rule file inside each rule folder.
    public static let ruleFileName = "rule.yaml"

    /// Loads `<folder>/rule.yaml`; the folder's name must equal the rule's id.
    public static func loadFolder(
        _ folder: String, origin: RuleOrigin
    ) throws(RuleLoadError) -> RuleDefinition {
        try loadLocatedFolder(folder, origin: origin).definition
    }

    /// Loads every rule folder directly under `root`, sorted by folder name.
    ///
    /// Hidden entries and plain files are skipped; every folder must hold a rule file. Problems in
    /// all folders are collected before throwing. Ids must be unique and must not be in
    /// `reservedIDs` (pass the built-in ids when loading custom rules).
    public static func loadPack(
        root: String, origin: RuleOrigin, reservedIDs: Set<String> = []
    ) throws(RuleLoadError) -> [RuleDefinition] {
        try loadPack(roots: [root], origin: origin, reservedIDs: reservedIDs)
    }

    /// Loads several roots as one pack, in the order given; an id defined twice is an error.
    public static func loadPack(
        roots: [String], origin: RuleOrigin, reservedIDs: Set<String> = []
    ) throws(RuleLoadError) -> [RuleDefinition] {
        var folders: [String] = []
        var listingProblems: [RuleDiagnostic] = []
        for root in roots {
            var rootIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &rootIsDirectory) else {
                listingProblems.append(
                    RuleDiagnostic(file: root, line: 1, column: 1, message: "no such directory"))
                continue
            }
            guard rootIsDirectory.boolValue else {
                listingProblems.append(
                    RuleDiagnostic(
                        file: root, line: 1, column: 1,
                        message: "not a directory; --policies and `policies:` name folders of rule folders"))
                continue
            }
            do {
                let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
                folders += names.filter { !$0.hasPrefix(".") }.map {
                    (root as NSString).appendingPathComponent($0)
                }
            } catch {
                listingProblems.append(
                    RuleDiagnostic(
                        file: root, line: 1, column: 1, message: "cannot list the rule pack directory"))
            }
        }
        guard listingProblems.isEmpty else { throw RuleLoadError(listingProblems) }
        var diagnostics: [RuleDiagnostic] = []
        var rules: [RuleDefinition] = []
        var seen: [String: RuleFileParser.LocatedRule] = [:]
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            let located: RuleFileParser.LocatedRule
            do {
                located = try loadLocatedFolder(folder, origin: origin)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            let rule = located.definition
            let here = { (message: String) in
                RuleDiagnostic(
                    file: rule.file, line: located.idLine, column: located.idColumn, message: message)
            }
            if reservedIDs.contains(rule.id) {
                diagnostics.append(here("rule id '\(rule.id)' is already used by a built-in rule"))
            } else if let first = seen[rule.id] {
                diagnostics.append(
                    here(
                        "duplicate rule id '\(rule.id)'; first defined at "
                            + "\(first.definition.file):\(first.idLine):\(first.idColumn)"))
            } else {
                seen[rule.id] = located
                rules.append(rule)
            }
        }
        guard diagnostics.isEmpty else { throw RuleLoadError(diagnostics) }
        return rules
    }

    private static func loadLocatedFolder(
        _ folder: String, origin: RuleOrigin
    ) throws(RuleLoadError)
        -> RuleFileParser.LocatedRule
    {
        let file = (folder as NSString).appendingPathComponent(ruleFileName)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RuleLoadError([
                RuleDiagnostic(file: file, line: 1, column: 1, message: "missing or unreadable rule file")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleLoadError([
                RuleDiagnostic(file: file, line: 1, column: 1, message: "rule file is not valid UTF-8")
            ])
        }
        let located = try RuleFileParser.parseLocated(yaml: text, file: file, origin: origin)
        let folderName = (folder as NSString).lastPathComponent
        guard folderName == located.definition.id else {
            throw RuleLoadError([
                RuleDiagnostic(
                    file: file, line: located.idLine, column: located.idColumn,
                    message: "rule id '\(located.definition.id)' does not match its folder '\(folderName)'; "
                        + "rename the folder to \(located.definition.id)")
            ])
        }
        return located
    }
}
