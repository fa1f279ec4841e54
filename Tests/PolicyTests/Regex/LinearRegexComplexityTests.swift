import Policy
import Testing

/// Matching must take steps proportional to program size × text length, never exponential.
@Suite("LinearRegex runs in linear time")
struct LinearRegexComplexityTests {
    /// The VM visits each instruction at most once per position, plus one test per live thread.
    private func stepBound(_ regex: LinearRegex, length: Int) -> Int {
        2 * regex.programSize * (length + 1)
    }

    @Test("(a*)*b on 10,000 a's fails within the linear step bound")
    func nestedStarsDoNotBacktrack() throws {
        let regex = try LinearRegex("(a*)*b")
        let text = String(repeating: "a", count: 10_000)
        let result = regex.evaluate(text)
        #expect(result.matched == false)
        #expect(result.steps <= stepBound(regex, length: 10_000))
        #expect(result.steps >= 10_000, "every scalar must be looked at")
    }

    @Test(
        "classic catastrophic patterns stay linear",
        arguments: ["(a+)+$", "(a|aa)+$", "(a|a)*c", "^(\\w+\\s?)*$", "(x+x+)+y", "(.*a){12}"])
    func catastrophicPatterns(pattern: String) throws {
        let regex = try LinearRegex(pattern)
        let text = String(repeating: "a", count: 5_000) + "!"
        let result = regex.evaluate(text)
        #expect(result.steps <= stepBound(regex, length: 5_001))
    }

    @Test("doubling the input roughly doubles the steps")
    func stepsGrowLinearly() throws {
        let regex = try LinearRegex("(a|aa)*b")
        let short = regex.evaluate(String(repeating: "a", count: 2_000)).steps
        let long = regex.evaluate(String(repeating: "a", count: 4_000)).steps
        #expect(long <= 2 * short + 100)
        #expect(long >= 2 * short - 100)
    }

    @Test("an anchored pattern stops as soon as no thread is alive")
    func anchoredStopsEarly() throws {
        let regex = try LinearRegex("^abc")
        let result = regex.evaluate("x" + String(repeating: "a", count: 10_000))
        #expect(result.matched == false)
        #expect(result.steps < 20)
    }

    @Test("a match ends the search early")
    func matchStopsEarly() throws {
        let regex = try LinearRegex("needle")
        let result = regex.evaluate("needle" + String(repeating: "hay", count: 10_000))
        #expect(result.matched)
        #expect(result.steps < 100)
    }
}
