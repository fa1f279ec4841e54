import Policy

/// One element of a rule's `each` list on a subject: the value bound as `item`, and where the
/// element's findings point.
///
/// Most elements only pass and are counted, so the element's own ``Subject`` is built from the
/// base subject only when a result is kept (``subject(in:)``).
struct EachElement: Sendable {
    /// The value bound as `item`.
    let value: Value
    /// The element's attribute path (`ingress[2]`), as its findings' location gives it.
    let attribute: String?
    /// The element subject's fingerprint key and its hash.
    let fingerprintKey: String
    let fingerprintKeyHash: Int

    /// Element `index` of the list, `value`: at the path its host value gives, else the rule's
    /// `each` path with the index.
    init(_ value: Value, at index: Int, of rule: Rule, in subject: borrowing Subject) {
        self.value = value
        if case .host(let host) = value, let path = host.sourcePath {
            attribute = path.isEmpty ? nil : path
        } else {
            attribute = String.concatenating(rule.eachPath ?? "", "[", String(index), "]")
        }
        fingerprintKey = String.concatenating(subject.fingerprintKey, "|", attribute ?? "")
        fingerprintKeyHash = Subject.hash(of: fingerprintKey)
    }

    /// The one element that stands for a list whose elements, even their number, are unknown:
    /// bound to the unknown list, at the rule's `each` path, with the subject's own key.
    init(unknownList: Value, of rule: Rule, in subject: borrowing Subject) {
        value = unknownList
        attribute = rule.eachPath
        fingerprintKey = subject.fingerprintKey
        fingerprintKeyHash = subject.fingerprintKeyHash
    }

    /// Where a result on the element points: `base`'s location at the element's attribute.
    func location(in base: borrowing Subject) -> Location {
        var location = base.location
        location.attribute = attribute
        return location
    }

    /// The element's own subject: `base` with `item` bound, pointing at the element, keyed by it,
    /// and with no identity (rules share nothing on it).
    func subject(in base: Subject) -> Subject {
        var subject = base
        subject.variables["item"] = value
        subject.identity = nil
        subject.location.attribute = attribute
        subject.fingerprintKey = fingerprintKey
        return subject
    }
}
