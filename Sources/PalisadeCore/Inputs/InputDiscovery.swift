/// One file to scan, with its bytes read.
public struct DiscoveredInput: Sendable {
    /// The path as given on the command line or found under a directory; `-` for stdin.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// True when the file was found by walking a directory (a file no kind recognises is then
    /// skipped rather than an error).
    public var foundInDirectory: Bool
    /// The path relative to the scan root, which fingerprints use to survive moving the checkout.
    ///
    /// It is the path below the directory named on the command line, or a named file's name.
    public var relativePath: String

    /// Creates a discovered input; `relativePath` defaults to the file name.
    public init(path: String, bytes: [UInt8], foundInDirectory: Bool, relativePath: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.foundInDirectory = foundInDirectory
        self.relativePath = relativePath ?? Self.fileName(of: path)
    }

    /// The file's name, the last component of its path.
    public var fileName: String { Self.fileName(of: path) }

    static func fileName(of path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}

/// Finds the inputs named on the command line.
///
/// A named file is always read, and its content decides its kind. In a directory, files whose
/// names a registered kind takes as candidates (``InputKind/isCandidate(fileName:)``) are read.
/// The walk does not descend into hidden folders (`.git`, `.terraform`, ...), `node_modules`,
/// `vendor`, the `fixtures` folder of a rule folder (one holding `rule.yaml`), or anything an
/// exclude glob matches; it does not follow symbolic links to directories, so a link back to a
/// parent folder cannot make a file be scanned twice.
public enum InputDiscovery {
    /// The largest input a scan can read, 2 GiB, and the default of `max_input_size`: json-c,
    /// which names what is wrong in invalid JSON, takes the length of its text as a 32-bit
    /// integer.
    public static let largestInput = 1 << 31

    /// Folder names never descended into, besides hidden ones.
    static let skippedDirectories: Set<String> = ["node_modules", "vendor"]

    /// Reads the named paths; unreadable paths become errors, never silent skips.
    ///
    /// - Parameters:
    ///   - excludes: globs matched against a found file's or folder's path relative to the
    ///     directory named, and against its name; named files are never excluded.
    ///   - maximumBytes: the largest file read (`max_input_size`); a bigger one is an error,
    ///     told from its size before it is read.
    public static func discover(
        _ paths: [String], excludes: [String] = [], maximumBytes: Int = largestInput,
        readStandardInput: (_ maximumBytes: Int) -> [UInt8]? = FileSystem.readStandardInput(maximumBytes:)
    ) -> (inputs: [DiscoveredInput], errors: [InputError]) {
        var inputs: [DiscoveredInput] = []
        var errors: [InputError] = []
        for path in paths {
            if path == "-" {
                if let bytes = readStandardInput(maximumBytes) {
                    inputs.append(DiscoveredInput(path: "-", bytes: bytes, foundInDirectory: false))
                } else {
                    errors.append(tooLarge("-", maximumBytes: maximumBytes))
                }
                continue
            }
            switch FileSystem.kind(of: path) {
            case .missing:
                errors.append(InputError(file: path, message: "no such file or directory"))
            case .directory:
                let before = inputs.count
                walk(path, excludes: excludes, maximumBytes: maximumBytes, into: &inputs, errors: &errors)
                if inputs.count == before {
                    errors.append(
                        InputError(
                            file: path,
                            message:
                                "no Terraform plan or state (*.json) or Dockerfile found in this directory"))
                }
            case .file:
                do {
                    guard let bytes = try FileSystem.read(path, maximumBytes: maximumBytes) else {
                        errors.append(tooLarge(path, maximumBytes: maximumBytes))
                        continue
                    }
                    inputs.append(DiscoveredInput(path: path, bytes: bytes, foundInDirectory: false))
                } catch {
                    errors.append(error)
                }
            }
        }
        return (inputs, errors)
    }

    /// Whether the walk skips a folder.
    static func skipsDirectory(named name: String, in parent: String) -> Bool {
        if name.hasPrefix(".") || skippedDirectories.contains(name) { return true }
        // A rule folder's fixtures are test inputs, deliberately full of findings.
        return name == "fixtures" && FileSystem.kind(of: parent + "/rule.yaml") == .file
    }

    private static func excluded(_ relativePath: String, name: String, by excludes: [String]) -> Bool {
        excludes.contains { FileSystem.matches(relativePath, glob: $0) || FileSystem.matches(name, glob: $0) }
    }

    /// The error for an input of more than `max_input_size`.
    static func tooLarge(_ path: String, maximumBytes: Int) -> InputError {
        let limit = "the input is larger than \(ByteSize.describe(maximumBytes))"
        guard maximumBytes < largestInput else {
            return InputError(file: path, message: limit + ", the most palisade reads")
        }
        return InputError(file: path, message: limit + "; max_input_size in .palisade.yaml raises the limit")
    }

    private static func walk(
        _ directory: String, excludes: [String], maximumBytes: Int, into inputs: inout [DiscoveredInput],
        errors: inout [InputError]
    ) {
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        var stack = [directory]
        var found: [DiscoveredInput] = []
        while let current = stack.popLast() {
            let entries: [String]
            do {
                entries = try FileSystem.entries(of: current)
            } catch {
                errors.append(error)
                continue
            }
            var subdirectories: [String] = []
            for name in entries.sorted() {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                let relativePath = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
                if excluded(relativePath, name: name, by: excludes) { continue }
                switch FileSystem.kind(of: path) {
                case .directory:
                    if !FileSystem.isSymbolicLink(path) && !skipsDirectory(named: name, in: current) {
                        subdirectories.append(path)
                    }
                case .file:
                    guard InputKinds.isCandidate(fileName: name) else { continue }
                    do {
                        guard let bytes = try FileSystem.read(path, maximumBytes: maximumBytes) else {
                            errors.append(tooLarge(path, maximumBytes: maximumBytes))
                            continue
                        }
                        found.append(
                            DiscoveredInput(
                                path: path, bytes: bytes, foundInDirectory: true, relativePath: relativePath))
                    } catch {
                        errors.append(error)
                    }
                case .missing:
                    continue
                }
            }
            stack.append(contentsOf: subdirectories.reversed())
        }
        inputs += found.sorted { $0.path < $1.path }
    }
}
