import Foundation

/// Compiled patterns by pattern text, for `matches` calls whose pattern is known only at run
/// time (a rule parameter): compiling a pattern costs far more than searching a short text.
///
/// Bounded so that a rule building a new pattern per subject cannot grow it without limit: a
/// full cache is emptied before the next pattern is stored, and long patterns are not kept.
///
/// `@unchecked`: `compiled` is read and written only while `lock` is held. A pthread mutex
/// (`NSLock`), as in the engine's memo tables, because ThreadSanitizer sees pthread locking.
final class RegexCache: @unchecked Sendable {
    /// The cache `matches` uses, shared by every rule and thread of the process.
    static let shared = RegexCache(capacity: 64, maximumPatternLength: 1_024)

    /// The most patterns kept at once.
    let capacity: Int
    /// The longest pattern kept, in UTF-8 bytes; longer ones are compiled on every call.
    let maximumPatternLength: Int
    private let lock = NSLock()
    private var compiled: [String: Result<LinearRegex, RegexSyntaxError>] = [:]

    init(capacity: Int, maximumPatternLength: Int) {
        self.capacity = capacity
        self.maximumPatternLength = maximumPatternLength
    }

    /// The number of patterns kept now.
    var count: Int { lock.withLock { compiled.count } }

    /// `pattern` compiled, or the error that rejects it.
    ///
    /// The lock is not held while compiling: two threads meeting a new pattern at once may both
    /// compile it, and the second store is harmless.
    func regex(_ pattern: String) -> Result<LinearRegex, RegexSyntaxError> {
        guard pattern.utf8.count <= maximumPatternLength else { return Self.compile(pattern) }
        if let stored = lock.withLock({ compiled[pattern] }) { return stored }
        let made = Self.compile(pattern)
        lock.withLock {
            if compiled.count >= capacity { compiled.removeAll(keepingCapacity: true) }
            compiled[pattern] = made
        }
        return made
    }

    private static func compile(_ pattern: String) -> Result<LinearRegex, RegexSyntaxError> {
        do throws(RegexSyntaxError) {
            return .success(try LinearRegex(pattern))
        } catch {
            return .failure(error)
        }
    }
}
