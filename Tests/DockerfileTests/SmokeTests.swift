import Testing

@testable import Dockerfile

@Test func smoke() throws {
    let tree = try SyntaxTree.parse(bytes: Array("FROM a\n".utf8), path: "x")
    #expect(tree.instructions.count == 1)
}
