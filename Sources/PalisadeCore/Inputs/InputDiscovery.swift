#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a discovered input should be read as.
public enum InputKind: String, Sendable {
    /// Terraform plan JSON (`terraform show -json`).
    case plan
    /// A Dockerfile or Containerfile.
    case dockerfile
}

/// One file to scan, with its bytes read and its kind decided.
public struct DiscoveredInput: Sendable {
    /// The path as given on the command line or found under a directory; `-` for stdin.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// How to read it.
    public var kind: InputKind
    /// True when the file was found by walking a directory (non-plan JSON is then skipped).
    public var foundInDirectory: Bool
    /// The path relative to the scan root, which fingerprints use to survive moving the checkout.
    ///
    /// It is the path below the directory named on the command line, or a named file's name.
    public var relativePath: String

    /// Creates a discovered input; `relativePath` defaults to the file name.
    public init(
        path: String, bytes: [UInt8], kind: InputKind, foundInDirectory: Bool, relativePath: String? = nil
    ) {
        self.path = path
        self.bytes = bytes
        self.kind = kind
        self.foundInDirectory = foundInDirectory
        self.relativePath = relativePath ?? String(path.split(separator: "/").last ?? Substring(path))
    }
}

/// Finds the inputs named on the command line, as DESIGN §4 "Discovery" describes.
///
/// A named file is judged by content; in a directory, `*.json` files are plan candidates and
/// Dockerfiles are recognised by name (`Dockerfile`, `*.Dockerfile`, `Dockerfile.*` except
/// `Dockerfile.dockerignore`, `Containerfile`).
public enum InputDiscovery {
    /// Directories never descended into.
    static let skippedDirectories: Set<String> = [".git", ".terraform", ".build", "node_modules", ".venv"]

    /// Reads the named paths; unreadable paths become errors, never silent skips.
    public static func discover(
        _ paths: [String], readStandardInput: () -> [UInt8] = FileSystem.readStandardInput
    ) -> (inputs: [DiscoveredInput], errors: [InputError]) {
        var inputs: [DiscoveredInput] = []
        var errors: [InputError] = []
        for path in paths {
            if path == "-" {
                let bytes = readStandardInput()
                inputs.append(
                    DiscoveredInput(
                        path: "-", bytes: bytes, kind: kind(of: "-", bytes), foundInDirectory: false))
                continue
            }
            switch FileSystem.kind(of: path) {
            case .missing:
                errors.append(InputError(file: path, message: "no such file or directory"))
            case .directory:
                let before = inputs.count
                walk(path, into: &inputs, errors: &errors)
                if inputs.count == before {
                    errors.append(
                        InputError(
                            file: path,
                            message: "no Terraform plan JSON (*.json) or Dockerfile found in this directory"))
                }
            case .file:
                do {
                    let bytes = try FileSystem.read(path)
                    inputs.append(
                        DiscoveredInput(
                            path: path, bytes: bytes, kind: kind(of: path, bytes), foundInDirectory: false))
                } catch {
                    errors.append(error)
                }
            }
        }
        return (inputs, errors)
    }

    /// True when a file name is a Dockerfile by DESIGN §4's naming rules.
    public static func isDockerfileName(_ name: String) -> Bool {
        if name == "Dockerfile" || name == "Containerfile" { return true }
        if name == "Dockerfile.dockerignore" { return false }
        return name.hasPrefix("Dockerfile.") || name.hasSuffix(".Dockerfile")
            || name.hasPrefix("Containerfile.")
    }

    /// A named file's kind: `*.json` is a plan whatever it holds (so a broken one gets a JSON
    /// error, not a Dockerfile one); otherwise the content decides.
    static func kind(of path: String, _ bytes: [UInt8]) -> InputKind {
        path.hasSuffix(".json") ? .plan : kindByContent(bytes)
    }

    /// Decides by content: JSON (or a zip, which is a binary plan) is a plan; anything else is
    /// read as a Dockerfile.
    public static func kindByContent(_ bytes: [UInt8]) -> InputKind {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .plan }
        var index = 0
        // Skip a BOM of any width and the zero bytes of UTF-16/32 so `{` is seen.
        while index < bytes.count, index < 4096 {
            let byte = bytes[index]
            if byte == 0 || byte == 0xEF || byte == 0xBB || byte == 0xBF || byte == 0xFE || byte == 0xFF
                || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            {
                index += 1
                continue
            }
            return byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") ? .plan : .dockerfile
        }
        return .dockerfile
    }

    private static func walk(
        _ directory: String, into inputs: inout [DiscoveredInput], errors: inout [InputError]
    ) {
        var stack = [directory]
        var depth = 0
        while let current = stack.popLast() {
            depth += 1
            if depth > 100_000 { break }
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
                switch FileSystem.kind(of: path) {
                case .directory:
                    if !skippedDirectories.contains(name) { subdirectories.append(path) }
                case .file:
                    let kind: InputKind?
                    if name.hasSuffix(".json") {
                        kind = .plan
                    } else if isDockerfileName(name) {
                        kind = .dockerfile
                    } else {
                        kind = nil
                    }
                    guard let kind else { continue }
                    do {
                        let root = directory.hasSuffix("/") ? directory : directory + "/"
                        inputs.append(
                            DiscoveredInput(
                                path: path, bytes: try FileSystem.read(path), kind: kind,
                                foundInDirectory: true,
                                relativePath: path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
                            ))
                    } catch {
                        errors.append(error)
                    }
                case .missing:
                    continue
                }
            }
            stack.append(contentsOf: subdirectories.reversed())
        }
        inputs.sort { $0.path < $1.path }
    }
}
