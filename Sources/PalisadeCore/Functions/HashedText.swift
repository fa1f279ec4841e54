/// A text as a memo key, hashed once.
///
/// The texts functions memoise by (a task definition's `container_definitions`, a policy
/// document) run to kilobytes, and a dictionary keyed by the text itself hashes all of it for
/// the lookup, again for the insertion and again whenever it grows. This key hashes the text once
/// with the standard (seeded) hasher and hands the dictionary that hash; equal hashes still
/// compare the whole texts.
struct HashedText: Hashable, Sendable {
    let text: String
    private let textHash: Int

    init(_ text: String) {
        self.text = text
        textHash = text.hashValue
    }

    static func == (left: HashedText, right: HashedText) -> Bool {
        left.textHash == right.textHash && left.text == right.text
    }

    func hash(into hasher: inout Hasher) { hasher.combine(textHash) }
}
