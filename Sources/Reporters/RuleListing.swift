import JSON
import PalisadeCore

/// Renders the rule list of `palisade rules`.
public enum RuleListing {
    /// An aligned table: id, severity, status, input, title; one rule per line, sorted by id.
    public static func table(_ rules: [Rule]) -> String {
        let header = ["ID", "SEVERITY", "STATUS", "INPUT", "TITLE"]
        let rows =
            [header]
            + rules.map {
                [$0.id, $0.summary.severity.rawValue, $0.summary.status, $0.summary.input, $0.summary.title]
            }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A JSON array with every field of each rule's summary plus its family.
    public static func json(_ rules: [Rule]) -> String {
        var w = JSONWriter(indent: 2)
        w.beginArray()
        for rule in rules {
            let summary = rule.summary
            w.beginObject()
            w.key("id")
            w.string(summary.id)
            w.key("title")
            w.string(summary.title)
            w.key("severity")
            w.string(summary.severity.rawValue)
            w.key("category")
            w.string(summary.category)
            w.key("input")
            w.string(summary.input)
            w.key("status")
            w.string(summary.status)
            w.key("family")
            w.string(rule.family)
            w.key("controls")
            w.beginArray()
            for control in summary.controls { w.string(control) }
            w.endArray()
            w.key("equivalents")
            w.beginObject()
            for tool in summary.equivalents.keys.sorted() {
                w.key(tool)
                w.beginArray()
                for id in summary.equivalents[tool] ?? [] { w.string(id) }
                w.endArray()
            }
            w.endObject()
            w.key("description")
            w.string(summary.description)
            w.key("remediation")
            w.string(summary.remediation)
            w.endObject()
        }
        w.endArray()
        return w.document
    }
}
