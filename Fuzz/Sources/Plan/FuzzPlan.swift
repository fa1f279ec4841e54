import PalisadeCore
import TerraformPlan

/// The built-in pack, compiled once for every input.
let builtInRules: Engine = {
    do {
        return Engine(rules: try RulePack.load(configuration: Configuration(), inputs: [.tfplan]).rules)
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

/// Reads one fuzzed plan or state; any failure to read must be an error, never a crash.
///
/// It is loaded through the input kinds (JSON parse, plan model, index) and,
/// when it loads, evaluated by the built-in pack.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    // The plan model alone, then what a scan does with it.
    if let plan = try? Plan.load(bytes: bytes, path: "fuzz.json") {
        for resource in plan.resources {
            _ = plan.index.resources(sharingProviderWith: resource)
            _ = plan.index.resources(matching: resource.baseAddress)
            _ = resource.values.keys.map { resource.values.member($0).state }
        }
    }
    let input = DiscoveredInput(path: "fuzz.json", bytes: bytes, foundInDirectory: false)
    if let document = try? DocumentLoader.load(input, options: LoadOptions()) {
        _ = builtInRules.evaluate(document)
    }
    return 0
}
