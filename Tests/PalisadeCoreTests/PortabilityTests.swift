import Foundation
import Testing

@Suite("Portability")
struct PortabilityTests {
    /// The lines of `text` that name Glibc outside a `#if canImport(Glibc)` branch, as `LINE: text`.
    static func unguardedGlibcLines(_ text: String) -> [String] {
        var branches: [Bool] = []  // per open #if: whether the current branch is canImport(Glibc)
        var found: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") { continue }
            if code.hasPrefix("#if ") {
                branches.append(code == "#if canImport(Glibc)")
            } else if code.hasPrefix("#elseif ") || code == "#else" {
                if !branches.isEmpty { branches[branches.count - 1] = code == "#elseif canImport(Glibc)" }
            } else if code == "#endif" {
                _ = branches.popLast()
            } else if code.contains("Glibc"), !branches.contains(true) {
                found.append("\(index + 1): \(code)")
            }
        }
        return found
    }

    @Test("No source names Glibc outside #if canImport(Glibc), so the package builds on macOS")
    func glibcIsAlwaysGuarded() throws {
        let sources = RepositoryPaths.root + "/Sources"
        let paths = try FileManager.default.subpathsOfDirectory(atPath: sources)
            .filter { $0.hasSuffix(".swift") }
        #expect(paths.count > 100)
        for path in paths {
            let text = try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
            #expect(Self.unguardedGlibcLines(text).isEmpty, "\(path): \(Self.unguardedGlibcLines(text))")
        }
    }

    @Test("The check finds an unguarded call and accepts guarded ones")
    func checkerFindsUnguardedCalls() {
        let guarded = """
            #if canImport(Glibc)
                import Glibc
            #elseif canImport(Darwin)
                import Darwin
            #endif
            func f() {
                #if canImport(Glibc)
                    Glibc.write(1, p, 0)
                #endif
            }
            """
        #expect(Self.unguardedGlibcLines(guarded).isEmpty)
        let unguarded = """
            #if canImport(Darwin)
                import Darwin
            #else
                import Glibc
            #endif
            let n = Glibc.write(1, p, 0)
            """
        #expect(
            Self.unguardedGlibcLines(unguarded) == ["4: import Glibc", "6: let n = Glibc.write(1, p, 0)"])
    }
}
