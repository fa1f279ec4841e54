import JSON
import PalisadeCore

/// Renders `palisade controls`: the control catalogue with each control's coverage by the
/// pack's rules.
public enum ControlListing {
    /// What covers a control: the rules citing it (a rule the configuration leaves off is marked
    /// `(off)`), `manual`, or `no rule`.
    static func coverage(_ control: ControlAssessment) -> String {
        if !control.rules.isEmpty {
            return control.rules.map { $0.ran ? $0.id : $0.id + " (off)" }.joined(separator: ", ")
        }
        return control.verdict == .manual ? "manual" : "no rule"
    }

    /// Per framework a heading with counts, then one line per control: reference, title,
    /// coverage; then any cited control the catalogue lacks.
    public static func table(
        _ frameworks: [FrameworkAssessment], uncatalogued: [UncataloguedControl]
    ) -> String {
        var lines: [String] = []
        for framework in frameworks {
            let catalog = framework.catalog
            let covered = framework.controls.count { !$0.rules.isEmpty }
            if !lines.isEmpty { lines.append("") }
            lines.append("\(catalog.framework): \(catalog.name) \(catalog.version) (\(catalog.scope))")
            lines.append(
                "\(framework.controls.count) controls: \(covered) checked by rules, "
                    + "\(framework.count(.manual)) manual, \(framework.count(.noRule)) without a rule yet")
            let rows = framework.controls.map { [$0.reference, $0.control.title, coverage($0)] }
            let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                lines.append(
                    row[0] + String(repeating: " ", count: widths[0] - row[0].count) + "  " + row[1]
                        + String(repeating: " ", count: widths[1] - row[1].count) + "  " + row[2])
            }
        }
        if !uncatalogued.isEmpty {
            lines.append("")
            lines.append("Cited by rules but not in the catalogue:")
            for entry in uncatalogued {
                lines.append(entry.reference + "  " + entry.ruleIDs.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as JSON: frameworks with their controls (`rules` empty for manual and uncovered
    /// controls), and the cited controls the catalogue lacks.
    public static func json(
        _ frameworks: [FrameworkAssessment], uncatalogued: [UncataloguedControl]
    ) -> String {
        var w = JSONWriter(indent: 2)
        w.beginObject()
        w.key("frameworks")
        w.beginArray()
        for framework in frameworks {
            w.beginObject()
            w.key("framework")
            w.string(framework.catalog.framework)
            w.key("name")
            w.string(framework.catalog.name)
            w.key("version")
            w.string(framework.catalog.version)
            w.key("scope")
            w.string(framework.catalog.scope)
            w.key("controls")
            w.beginArray()
            for control in framework.controls {
                w.beginObject()
                w.key("reference")
                w.string(control.reference)
                w.key("id")
                w.string(control.control.id)
                w.key("title")
                w.string(control.control.title)
                w.key("manual")
                w.string(control.control.manual)
                w.key("coverage")
                w.string(control.rules.isEmpty ? control.verdict.rawValue : "rules")
                w.key("rules")
                w.beginArray()
                for rule in control.rules {
                    w.beginObject()
                    w.key("id")
                    w.string(rule.id)
                    w.key("enabled")
                    w.bool(rule.ran)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("uncatalogued")
        w.beginArray()
        for entry in uncatalogued {
            w.beginObject()
            w.key("reference")
            w.string(entry.reference)
            w.key("rules")
            w.beginArray()
            for id in entry.ruleIDs { w.string(id) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.document
    }
}
