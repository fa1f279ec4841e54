import JSON
import Policy

/// Prints a policy document as indented JSON for `palisade parse`.
enum ValuePrinter {
    static func render(_ value: Value) -> String {
        var writer = JSONWriter(indent: 2)
        write(value, to: &writer, depth: 0)
        return writer.text + "\n"
    }

    static func write(_ value: Value, to w: inout JSONWriter, depth: Int) {
        guard depth < 256 else { return w.string("(nested too deeply)") }
        switch value {
        case .null: w.null()
        case .bool(let flag): w.bool(flag)
        case .int(let number): w.int(number)
        case .double(let number): w.double(number)
        case .string(let text): w.string(text)
        case .unknown: w.string(Value.unknownText)
        case .error(let error): w.string("(error: \(error.message))")
        case .list(let values):
            w.beginArray()
            for element in values { write(element, to: &w, depth: depth + 1) }
            w.endArray()
        case .map(let map):
            w.beginObject()
            for (key, element) in map {
                w.key(key)
                write(element, to: &w, depth: depth + 1)
            }
            w.endObject()
        case .host(let host):
            if host.kind == .list {
                w.beginArray()
                for index in 0..<host.count { write(host.element(at: index), to: &w, depth: depth + 1) }
                w.endArray()
            } else {
                w.beginObject()
                for key in host.keys {
                    w.key(key)
                    write(host.member(key), to: &w, depth: depth + 1)
                }
                w.endObject()
            }
        }
    }
}
