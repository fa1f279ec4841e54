import Parallel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system calls Palisade needs, with errors that name the file.
public enum FileSystem {
    /// What a path points at.
    public enum Kind: Sendable {
        /// Nothing (or unreadable metadata).
        case missing
        /// A regular file (or anything that is not a directory).
        case file
        /// A directory.
        case directory
    }

    /// What `path` is, following symbolic links.
    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// True when `path` itself is a symbolic link (whatever it points at).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether `path` matches a shell glob (`*`, `?`, `[...]`); `*` also matches `/`.
    public static func matches(_ path: String, glob: String) -> Bool {
        fnmatch(glob, path, 0) == 0
    }

    /// Reads a whole file.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        try read(path, maximumBytes: Int.max) ?? []
    }

    /// Reads a whole file, or returns nil when it holds more than `maximumBytes`: a regular
    /// file's size is checked before any byte is read, a pipe's while it is read.
    public static func read(_ path: String, maximumBytes: Int) throws(InputError) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else {
            throw InputError(file: path, message: String(cString: strerror(errno)).lowercased())
        }
        defer { fclose(handle) }
        return try readAll(handle, path: path, maximumBytes: maximumBytes)
    }

    /// Reads standard input to its end, or returns nil once it holds more than `maximumBytes`.
    @Sendable public static func readStandardInput(maximumBytes: Int) -> [UInt8]? {
        guard let handle = fdopen(dup(0), "rb") else { return [] }
        defer { fclose(handle) }
        // A read error gives what was read (an empty input is then reported); only a size
        // beyond the limit is nil.
        do {
            return try readAll(handle, path: "-", maximumBytes: maximumBytes)
        } catch {
            return []
        }
    }

    /// Files from this size on are read in parts on every core: copying a big plan out of the
    /// page cache, and faulting in the pages it is copied to, took 20 ms of one core for 30 MB
    /// while the other core had nothing to do.
    static let parallelReadMinimum = 8 << 20

    /// Fills `buffer` from the start of file `descriptor`, in equal parts read by position on
    /// every core; how many bytes from the start were read, and the error that cut it short.
    ///
    /// A part that comes back short (the file shrank, or a read failed) ends the result there.
    static func readInParts(
        _ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> (count: Int, error: Int32) {
        guard let start = buffer.baseAddress, !buffer.isEmpty else { return (0, 0) }
        let partCount = 4
        let partSize = (buffer.count + partCount - 1) / partCount
        let parts = (0..<partCount).map { part in
            min(buffer.count, part * partSize)..<min(buffer.count, (part + 1) * partSize)
        }
        let base = UnsafeSendableAddress(start)
        let outcomes = parts.parallelMap { range -> (count: Int, error: Int32) in
            var done = 0
            while done < range.count {
                let count = pread(
                    descriptor, base.address + range.lowerBound + done, range.count - done,
                    off_t(range.lowerBound + done))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return (done, count < 0 ? errno : 0) }
                done += count
            }
            return (done, 0)
        }
        var count = 0
        for (range, outcome) in zip(parts, outcomes) {
            count += outcome.count
            if outcome.count < range.count { return (count, outcome.error) }
        }
        return (count, 0)
    }

    /// A buffer's address handed to the threads that fill disjoint parts of it.
    ///
    /// `@unchecked Sendable`: each thread writes only its own range, and the caller reads the
    /// buffer only after every thread has finished.
    private struct UnsafeSendableAddress: @unchecked Sendable {
        let address: UnsafeMutablePointer<UInt8>
        init(_ address: UnsafeMutablePointer<UInt8>) { self.address = address }
    }

    private static func readAll(
        _ handle: UnsafeMutablePointer<FILE>, path: String, maximumBytes: Int
    ) throws(InputError) -> [UInt8]? {
        var result: [UInt8] = []
        // A regular file is read straight into a buffer of its size; what follows catches a
        // file that grew meanwhile, and pipes.
        var info = stat()
        if fstat(fileno(handle), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
            guard info.st_size <= maximumBytes else { return nil }
            let size = Int(info.st_size)
            var readError: Int32 = 0
            result = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                if size >= parallelReadMinimum {
                    (initialized, readError) = readInParts(fileno(handle), into: buffer)
                    // The parts were read by position; what follows reads on from their end.
                    fseeko(handle, off_t(initialized), SEEK_SET)
                } else {
                    initialized = fread(buffer.baseAddress, 1, size, handle)
                    readError = ferror(handle) != 0 ? errno : 0
                }
            }
            if result.count < size {
                guard readError == 0 else {
                    throw InputError(
                        file: path,
                        message: "read error: " + String(cString: strerror(readError)).lowercased())
                }
                return result
            }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { result.append(contentsOf: chunk[0..<count]) }
            if result.count > maximumBytes { return nil }
            if count < chunk.count {
                if ferror(handle) != 0 {
                    throw InputError(
                        file: path, message: "read error: " + String(cString: strerror(errno)).lowercased())
                }
                return result
            }
        }
    }

    /// The names in a directory, without `.` and `..`.
    public static func entries(of path: String) throws(InputError) -> [String] {
        guard let directory = opendir(path) else {
            throw InputError(file: path, message: String(cString: strerror(errno)).lowercased())
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates the directory and any missing parents (mode 0755); an existing one is fine.
    public static func createDirectory(_ path: String) throws(InputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if kind(of: prefix) != .directory, mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw InputError(file: prefix, message: String(cString: strerror(errno)).lowercased())
            }
            prefix += "/"
        }
    }

    /// Removes a file.
    public static func remove(_ path: String) throws(InputError) {
        if unlink(path) != 0 {
            throw InputError(file: path, message: String(cString: strerror(errno)).lowercased())
        }
    }

    /// The current working directory.
    public static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "." }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
