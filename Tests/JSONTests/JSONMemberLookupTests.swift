import Testing

@testable import JSON

/// One name looked up in several objects with one hash finds what the string subscript finds.
@Suite("JSON member lookup")
struct JSONMemberLookupTests {
    @Test("finds in each object what the subscript finds, null members and absent ones alike")
    func agreesWithSubscript() throws {
        let document = try JSONDocument.parse(
            #"[{"a": 1, "b": null, "c": "x"}, {"b": true}, {}, [1, 2], "a", {"a": {"a": 2}}]"#)
        let values: [JSONValue?] = document.root.elements.map { $0 } + [nil]
        for name in ["a", "b", "c", "missing", ""] {
            name.withCString { pointer in
                var lookup = JSONMemberLookup(pointer)
                for value in values {
                    let found = lookup.member(of: value)
                    let expected = value?[name]
                    #expect(
                        (found == nil) == (expected == nil), "\(name) in \(String(describing: value?.kind))")
                    #expect(found?.kind == expected?.kind)
                    #expect(found?.nodeIdentity == expected?.nodeIdentity)
                }
            }
        }
    }

    @Test("a null member is found, and reads as null")
    func nullMember() throws {
        let document = try JSONDocument.parse(#"{"b": null}"#)
        let found = "b".withCString { pointer in
            var lookup = JSONMemberLookup(pointer)
            return lookup.member(of: document.root)
        }
        #expect(found?.isNull == true)
    }

    @Test("objects of different documents are searched alike")
    func acrossDocuments() throws {
        let first = try JSONDocument.parse(#"{"key": 1}"#)
        let second = try JSONDocument.parse(#"{"other": 0, "key": 2}"#)
        let (one, two) = "key".withCString { pointer in
            var lookup = JSONMemberLookup(pointer)
            return (lookup.member(of: first.root), lookup.member(of: second.root))
        }
        #expect(one?.int == 1)
        #expect(two?.int == 2)
    }
}
