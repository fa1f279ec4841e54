import PalisadeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a report file atomically: the text goes to a temporary file in the same folder, which
/// is then renamed over the target, so a reader (a CI upload step, a comment bot) never sees a
/// half-written report and a failed run never leaves one behind.
public enum ReportFile {
    /// Writes `text` to `path` atomically; errors name the path.
    public static func write(_ text: String, to path: String) throws(InputError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw InputError(file: path, message: "the report path names a folder") }
        var template = Array((folder + "." + name + ".palisade-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw InputError(file: path, message: errorText()) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var text = text
        let written = text.withUTF8 { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let result = FileOutput.systemWrite(
                    descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return false }
                offset += result
            }
            return true
        }
        let failure = written ? nil : errorText()
        // mkstemp creates the file 0600; a report is for CI steps and people to read. (Reading
        // the umask would mean setting it, which is not thread-safe.)
        fchmod(descriptor, 0o644)
        let closed = close(descriptor) == 0
        guard failure == nil, closed else {
            unlink(temporary)
            throw InputError(file: path, message: failure ?? errorText())
        }
        guard rename(temporary, path) == 0 else {
            let message = errorText()
            unlink(temporary)
            throw InputError(file: path, message: message)
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
