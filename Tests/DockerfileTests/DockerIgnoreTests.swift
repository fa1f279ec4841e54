import Testing

@testable import Dockerfile

/// `.dockerignore` matching as BuildKit's pattern matcher does it.
struct DockerIgnoreTests {
    @Test(
        "Patterns, exceptions, directories and double stars",
        arguments: [
            ("*.pem", "server.pem", true),
            ("*.pem", "certs/server.pem", false),
            ("**/*.pem", "certs/deep/server.pem", true),
            ("**/*.pem", "server.pem", true),
            (".aws", ".aws/credentials", true),
            ("/.ssh/", ".ssh/id_rsa", true),
            ("./.env", ".env", true),
            (".env*\n!.env.example", ".env.example", false),
            (".env*\n!.env.example", ".env.local", true),
            ("id_[a-z]*", "id_rsa", true),
            ("id_[!a-z]*", "id_rsa", false),
            ("?npmrc", ".npmrc", true),
            ("# .env", ".env", false),
            ("*\n!src", "src/main.py", false),
            ("*\n!src", "id_rsa", true),
            ("docs/**", "docs/a/b.md", true),
            ("a\\*b", "a*b", true),
            ("a\\*b", "axb", false),
        ])
    func matching(patterns: String, path: String, excluded: Bool) {
        #expect(DockerIgnore(text: patterns).excludes(path) == excluded, "\(patterns) vs \(path)")
    }

    @Test("Blank lines, comments and CRLF line ends are skipped")
    func layout() {
        let ignore = DockerIgnore(text: "# keys\r\n\r\n  *.key  \r\n!keep.key\r\n")
        #expect(ignore.patterns.map(\.text) == ["*.key", "keep.key"])
        #expect(ignore.patterns.map(\.isException) == [false, true])
    }
}
