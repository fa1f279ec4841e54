#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to standard output and standard error without Foundation.
public enum FileOutput {
    /// Writes text to standard output.
    public static func writeStandardOutput(_ text: String) { write(text, to: 1) }

    /// Writes text to standard error.
    public static func writeStandardError(_ text: String) { write(text, to: 2) }

    /// Writes text to a file, replacing it.
    public static func write(_ text: String, toFile path: String) throws(InputError) {
        guard let handle = fopen(path, "wb") else {
            throw InputError(file: path, message: String(cString: strerror(errno)).lowercased())
        }
        defer { fclose(handle) }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, handle) }
        if written != text.utf8.count { throw InputError(file: path, message: "short write") }
    }

    /// True when the file descriptor is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

    /// The value of an environment variable.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result <= 0 {
                    if result < 0 && errno == EINTR { continue }
                    return
                }
                offset += result
            }
        }
    }
}
