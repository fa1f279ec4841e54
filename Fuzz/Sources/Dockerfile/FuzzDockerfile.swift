import Dockerfile

@testable import PalisadeCore

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
/// bad input is a `DockerfileError`, never a hang. The model is built once, as a scan does, and
/// a second time with `target: build` only when the file has a stage of that name: building it
/// twice for every input (as this target first did) doubled the parse for no new path, since
/// an unknown target is refused after the whole model is built.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDockerfile(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    _ = ShellScript.parse(String(decoding: bytes, as: UTF8.self))
    let input = DiscoveredInput(path: "Dockerfile", bytes: bytes, foundInDirectory: false)
    guard let document = try? DocumentLoader.load(input, options: LoadOptions()) else { return 0 }
    _ = builtInRules.evaluate(document)
    if let model = (document as? DockerfileDocument)?.model,
        model.stages.contains(where: { $0.name == "build" })
    {
        _ = try? DockerfileModel.parse(bytes: bytes, path: "Dockerfile", target: "build")
    }
    return 0
}
