import Testing

@testable import JSON

/// Nodes read what values read, and a handle of its own keeps a shared tree alive.
@Suite("JSON nodes and document handles")
struct JSONHandleTests {
    static let text = #"""
        {"s": "välue", "i": -7, "d": 2.5, "t": true, "f": false, "n": null, "a": [1, "two", [3], {}],
         "o": {"k": {"deep": [null]}, "": 0}}
        """#

    @Test("a node reads every member, element and scalar as its value does")
    func nodesAgreeWithValues() throws {
        let document = try JSONDocument.parse(Self.text)
        func compare(_ value: JSONValue, _ node: JSONNode, depth: Int = 0) {
            #expect(node.kind == value.kind)
            #expect(node.isNull == value.isNull)
            #expect(node.count == value.count)
            #expect(node.string == value.string)
            #expect(node.bool == value.bool)
            #expect(node.int == value.int)
            #expect(node.double == value.double)
            #expect(node.keys == value.keys)
            #expect(node.nodeIdentity == value.nodeIdentity)
            #expect(node.withUTF8 { Array($0) } == value.withUTF8 { Array($0) })
            for index in -1...value.count {
                #expect((node[index] == nil) == (value[index] == nil))
                if let element = value[index], let elementNode = node[index] {
                    compare(element, elementNode, depth: depth + 1)
                }
            }
            var nodeMembers: [(String, JSONNode)] = []
            node.forEachMember { nodeMembers.append(($0, $1)) }
            #expect(nodeMembers.map(\.0) == value.members.map(\.key))
            for ((key, member), (_, memberNode)) in zip(value.members, nodeMembers) {
                #expect(node[key]?.nodeIdentity == member.nodeIdentity)
                compare(member, memberNode, depth: depth + 1)
            }
            // The C name json-c hands out finds, by lookup, the member handed with it.
            var namedCount = 0
            node.forEachNamedMember { name, member in
                #expect(node.member(cString: name)?.nodeIdentity == member.nodeIdentity)
                namedCount += 1
            }
            #expect(namedCount == value.count || value.kind != .object)
            #expect(node["absent"] == nil)
        }
        compare(document.root, document.root.node)
        #expect(document.root.node["o"]?["k"]?["deep"]?[0]?.isNull == true)
    }

    @Test("a node made a value again reads the same node and keeps the document alive")
    func nodeBackToValue() throws {
        var value: JSONValue?
        do {
            let document = try JSONDocument.parse(Self.text)
            let node = try #require(document.root.node["a"]?[1])
            value = document.value(of: node)
        }
        #expect(value?.string == "two")
    }

    @Test("a value with a handle of its own reads the same nodes and outlives every other handle")
    func ownHandleKeepsTheTree() throws {
        var detached: JSONValue?
        do {
            let document = try JSONDocument.parse(Self.text)
            let original = try #require(document.root["o"])
            let own = original.withHandleOfItsOwn()
            #expect(own.document !== original.document)
            #expect(own.nodeIdentity == original.nodeIdentity)
            #expect(own["k"]?["deep"]?.nodeIdentity == original["k"]?["deep"]?.nodeIdentity)
            detached = own["k"]?["deep"]
        }
        // The first document and every value of it are gone; the tree is not.
        #expect(detached?.count == 1)
        #expect(detached?[0]?.isNull == true)
    }
}
