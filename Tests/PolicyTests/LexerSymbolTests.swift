import Testing

@testable import Policy

/// The lexer reads symbols with a switch on scalars; it must read exactly the spellings the
/// token kinds declare, two-scalar symbols before their one-scalar prefixes.
@Suite("Lexer symbols")
struct LexerSymbolTests {
    @Test("Every symbol's spelling reads as that symbol", arguments: TokenKind.Symbol.allCases)
    func spellingReadsAsSymbol(symbol: TokenKind.Symbol) throws {
        let tokens = try Lexer.tokenize("a " + symbol.rawValue + " b")
        #expect(tokens.map(\.kind) == [.identifier("a"), .symbol(symbol), .identifier("b"), .end])
    }

    @Test("Adjacent symbols split at the longest spelling")
    func adjacentSymbols() throws {
        let tokens = try Lexer.tokenize("!===<=>(-)")
        #expect(
            tokens.map(\.kind) == [
                .symbol(.notEqual), .symbol(.equal), .symbol(.lessEqual), .symbol(.greater),
                .symbol(.leftParen), .symbol(.minus), .symbol(.rightParen), .end,
            ])
    }

    @Test("Identifiers, raw strings and unknown characters")
    func identifiersAndStrings() throws {
        #expect(
            try Lexer.tokenize("R'a\\b' r\"x\" rx _a9").map(\.kind) == [
                .string("a\\b"), .string("x"), .identifier("rx"), .identifier("_a9"), .end,
            ])
        #expect(throws: PolicyError.self) { try Lexer.tokenize("a # b") }
        #expect(throws: PolicyError.self) { try Lexer.tokenize("B'x'") }
    }
}
