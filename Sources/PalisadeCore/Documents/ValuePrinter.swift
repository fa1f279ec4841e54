import JSON
import Policy

/// Prints a policy document as indented JSON for `palisade parse`, with the input's secrets
/// masked in every string (before escaping, so that quotes or backslashes in a secret cannot
/// let it slip past the redactor).
///
/// It prints the values rules are bound to, so what `parse` shows is what rules see. An unknown
/// prints as `{"unknown": "computed"}` (the provider computes it at apply) or
/// `{"unknown": "reference", "references": [...]}`; a sensitive value as `"(sensitive)"`.
enum ValuePrinter {
    static func render(_ value: Value, redactor: Redactor = Redactor()) -> String {
        var writer = JSONWriter(indent: 2)
        write(value, to: &writer, depth: 0, redactor: redactor)
        return writer.document
    }

    private static func writeUnknown(_ unknown: Unknown, to w: inout JSONWriter) {
        w.beginObject()
        w.key("unknown")
        w.string(unknown.isComputed ? "computed" : "reference")
        if !unknown.isComputed {
            w.key("references")
            w.beginArray()
            for reference in unknown.references { w.string(reference) }
            w.endArray()
        }
        w.endObject()
    }

    static func write(_ value: Value, to w: inout JSONWriter, depth: Int, redactor: Redactor) {
        guard depth < 256 else { return w.string("(nested too deeply)") }
        switch value {
        case .null: w.null()
        case .bool(let flag): w.bool(flag)
        case .int(let number): w.int(number)
        case .double(let number): w.double(number)
        case .string(let text): w.string(redactor.redact(text))
        case .unknown(let unknown): writeUnknown(unknown, to: &w)
        case .error(let error): w.string("(error: \(error.message))")
        case .list(let values):
            w.beginArray()
            for element in values { write(element, to: &w, depth: depth + 1, redactor: redactor) }
            w.endArray()
        case .map(let map):
            w.beginObject()
            for (key, element) in map {
                w.key(redactor.redact(key))
                write(element, to: &w, depth: depth + 1, redactor: redactor)
            }
            w.endObject()
        case .host(let host):
            if host.kind == .list {
                w.beginArray()
                for index in 0..<host.count {
                    write(host.printedElement(at: index), to: &w, depth: depth + 1, redactor: redactor)
                }
                w.endArray()
            } else {
                w.beginObject()
                for key in host.keys {
                    w.key(redactor.redact(key))
                    write(host.printedMember(key), to: &w, depth: depth + 1, redactor: redactor)
                }
                w.endObject()
            }
        }
    }
}
