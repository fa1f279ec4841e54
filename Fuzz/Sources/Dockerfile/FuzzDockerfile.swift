import Dockerfile
import PalisadeCore

/// The built-in Dockerfile rules, compiled once for every input.
let builtInRules: Engine = {
    do {
        return Engine(rules: try RulePack.load(configuration: Configuration(), inputs: [.dockerfile]).rules)
    } catch {
        fatalError("the built-in pack does not load: \(error)")
    }
}()

/// Compiles the pack before the first input, so its one-time allocations are not charged to
/// an input (LeakSanitizer would report them as that input's leak).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    _ = builtInRules
    return 0
}

/// Reads one fuzzed Dockerfile; any failure to read must be an error, never a crash.
///
/// The whole text is also shell-parsed, then the syntax, the model and the built-in rules run;
/// bad input is a `DockerfileError`, never a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDockerfile(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    _ = ShellScript.parse(String(decoding: bytes, as: UTF8.self))
    _ = try? DockerfileModel.parse(bytes: bytes, path: "Dockerfile", target: "build")
    let input = DiscoveredInput(path: "Dockerfile", bytes: bytes, foundInDirectory: false)
    if let document = try? DocumentLoader.load(input, options: LoadOptions()) {
        _ = builtInRules.evaluate(document)
    }
    return 0
}
