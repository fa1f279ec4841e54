import Foundation
import Policy

/// `json_decode` results by input text, shared by every rule that decodes the same attribute.
///
/// Four ECS rules decode each task definition's `container_definitions`; parsing it once per
/// document instead of once per rule is most of the cost of those rules.
final class DecodedJSONCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var values: [String: Value] = [:]

    /// The cached result for `text`, or `decode(text)` stored for the next caller.
    func value(for text: String, decode: (String) -> Value) -> Value {
        lock.lock()
        let cached = values[text]
        lock.unlock()
        if let cached { return cached }
        let decoded = decode(text)
        lock.lock()
        values[text] = decoded
        lock.unlock()
        return decoded
    }
}

/// Engine state that offers a ``DecodedJSONCache`` to `json_decode`.
///
/// A base class rather than a protocol: functions find it by casting the evaluation payload,
/// and a class cast is a short walk where a protocol cast searches the conformance tables.
class DecodesJSONOnce: @unchecked Sendable {
    /// The cache for this input.
    let decodedJSON = DecodedJSONCache()
}
