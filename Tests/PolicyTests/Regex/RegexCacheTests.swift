import Testing

@testable import Policy

@Suite("RegexCache: run-time patterns compiled once, within bounds")
struct RegexCacheTests {
    @Test("a pattern met again is the same compiled regex, and a bad one the same error")
    func repeatedPattern() throws {
        let cache = RegexCache(capacity: 4, maximumPatternLength: 64)
        let first = try cache.regex("^ELBSecurityPolicy-(TLS13-1-2-|FS-1-2-)").get()
        let second = try cache.regex("^ELBSecurityPolicy-(TLS13-1-2-|FS-1-2-)").get()
        #expect(first == second && cache.count == 1)
        #expect(second.matches("ELBSecurityPolicy-TLS13-1-2-2021-06"))
        #expect(!second.matches("ELBSecurityPolicy-2016-08"))
        guard case .failure(let error) = cache.regex("a(b"), case .failure(let again) = cache.regex("a(b")
        else {
            Issue.record("a(b compiled")
            return
        }
        #expect(error == again && error.message.contains(")"), "\(error)")
        #expect(cache.count == 2)
    }

    @Test("a full cache is emptied before the next pattern, and long patterns are not kept")
    func bounded() throws {
        let cache = RegexCache(capacity: 3, maximumPatternLength: 8)
        for index in 0..<10 {
            let regex = try cache.regex("^p\(index)$").get()
            #expect(regex.matches("p\(index)") && !regex.matches("p\(index + 1)"))
            #expect(cache.count <= 3)
        }
        #expect(cache.count == 1)
        let long = try cache.regex("^a{2}b{3}c+$").get()
        #expect(long.matches("aabbbc") && cache.count == 1)
    }

    @Test("threads sharing one cache get the regex of their own pattern")
    func concurrentUse() async {
        let cache = RegexCache(capacity: 5, maximumPatternLength: 64)
        let wrong = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<200 {
                        let index = (task + round) % 12
                        guard case .success(let regex) = cache.regex("^n\(index)$"),
                            regex.matches("n\(index)"), !regex.matches("n\(index)x")
                        else {
                            wrong += 1
                            continue
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0 && cache.count <= 5)
    }
}
