#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to standard output and standard error without Foundation.
public enum FileOutput {
    /// Writes text to standard output.
    public static func writeStandardOutput(_ text: String) { write(text, to: 1) }

    /// Writes bytes to standard output: a report written in pieces.
    public static func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) { write(bytes, to: 1) }

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
        text.withUTF8 { write(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let result = systemWrite(descriptor, base + offset, buffer.count - offset)
            if result <= 0 {
                if result < 0 && errno == EINTR { continue }
                return
            }
            offset += result
        }
    }

    /// The C library's `write(2)`, qualified by module because this type's own `write` methods
    /// hide the unqualified name.
    public static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #elseif canImport(Darwin)
            Darwin.write(descriptor, bytes, count)
        #else
            #error("FileOutput needs the C library's write(2) on this platform")
        #endif
    }
}
