import Policy
import Testing

@testable import PalisadeCore

/// A subject's fields are shared by its copies until one copy changes one of them.
@Suite("Subject storage")
struct SubjectStorageTests {
    static func subject() -> Subject {
        Subject(
            variables: ["resource": .string("r")], location: Location(file: "main.tf", line: 3),
            fingerprintKey: "key", snippet: ["line"],
            suppressionNotes: ["R1": SuppressionNote(file: "main.tf", line: 2, reason: "why")],
            suppressionLine: 3)
    }

    @Test("changing every field of a copy leaves the original as it was")
    func copiesAreIndependent() {
        let original = Self.subject()
        var copy = original
        copy.variables["item"] = .int(1)
        copy.location.attribute = "tags"
        copy.fingerprintKey += "|tags"
        copy.snippet.append("more")
        copy.suppressedRules.insert("R2")
        copy.suppressionNotes["R2"] = nil
        copy.suppressionLine = nil
        copy.identity = ObjectIdentifier(Self.self)

        #expect(original.variables.keys.sorted() == ["resource"])
        #expect(original.location.attribute == nil)
        #expect(original.fingerprintKey == "key")
        #expect(original.snippet == ["line"])
        #expect(original.suppressedRules == ["R1"])
        #expect(original.suppressionNotes.keys.sorted() == ["R1"])
        #expect(original.suppressionLine == 3)
        #expect(original.identity == nil)

        #expect(copy.variables.keys.sorted() == ["item", "resource"])
        #expect(copy.location.attribute == "tags")
        #expect(copy.fingerprintKey == "key|tags")
        #expect(copy.snippet == ["line", "more"])
        #expect(copy.suppressedRules == ["R1", "R2"])
        #expect(copy.suppressionLine == nil)
        #expect(copy.identity == ObjectIdentifier(Self.self))
    }

    @Test("a subject changed in place keeps its other fields")
    func inPlaceChange() {
        var subject = Self.subject()
        subject.location.line = 9
        #expect(subject.location.line == 9)
        #expect(subject.location.file == "main.tf")
        #expect(subject.fingerprintKey == "key")
        #expect(subject.suppressionNotes["R1"]?.reason == "why")
    }

    @Test("the fingerprint key's hash follows the key through changes and copies")
    func fingerprintKeyHash() {
        let original = Self.subject()
        #expect(original.fingerprintKeyHash == Subject.hash(of: "key"))
        var copy = original
        copy.fingerprintKey += "|tags"
        #expect(copy.fingerprintKeyHash == Subject.hash(of: "key|tags"))
        #expect(original.fingerprintKeyHash == Subject.hash(of: "key"))
        copy.fingerprintKey = "key"
        #expect(copy.fingerprintKeyHash == original.fingerprintKeyHash)
        #expect(Subject.hash(of: "key") != Subject.hash(of: "key|tags"))
    }
}
