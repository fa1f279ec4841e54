import JSON

extension AttributeView {
    /// Calls `body` with every known value under this attribute (itself included) that the plan
    /// marks sensitive, unredacted: what a redactor must hide.
    ///
    /// Only the members and elements that `after_sensitive` marks are visited: a part with no
    /// `true` in its mark cannot be sensitive unless a parent is, so listing every member of
    /// every object (as a walk over ``keys`` would) is work for nothing. `SensitiveValuesTests`
    /// compares this walk with one over every member.
    public func forEachSensitiveValue(depth: Int = 0, _ body: (JSONValue) -> Void) {
        guard depth < 64, case .known(let value) = state(resolvingReferences: false), value.containsSensitive
        else { return }
        if value.isSensitive {
            body(value.unredactedJSONForEvaluation)
            return
        }
        // Not sensitive itself, so known from `after` with its own mark, which holds a `true`.
        guard let sensitiveMark else { return }
        switch (value.kind, sensitiveMark.kind) {
        case (.array, .array):
            for index in 0..<min(sensitiveMark.count, count)
            where SensitivityMarks.containsTrue(sensitiveMark[index]) {
                element(index).forEachSensitiveValue(depth: depth + 1, body)
            }
        case (.object, .object):
            var marked: [String] = []
            sensitiveMark.forEachMember { key, mark in
                if SensitivityMarks.containsTrue(mark) { marked.append(key) }
            }
            for key in marked { member(key).forEachSensitiveValue(depth: depth + 1, body) }
        default: break
        }
    }
}
