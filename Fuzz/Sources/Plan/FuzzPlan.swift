import TerraformPlan

@testable import PalisadeCore

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
/// It is loaded through the input kinds (JSON parse, plan model, index) as a scan does; when it
/// loads, the index is queried for every resource and the built-in pack evaluates it. The plan
/// model is the loaded document's own: loading it a second time with `Plan.load` (as this
/// target first did) parsed the JSON and checked its keys twice for each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let input = DiscoveredInput(path: "fuzz.json", bytes: bytes, foundInDirectory: false)
    guard let document = try? DocumentLoader.load(input, options: LoadOptions()) else { return 0 }
    if let plan = (document as? PlanDocument)?.plan {
        for resource in plan.resources {
            _ = plan.index.resources(sharingProviderWith: resource)
            _ = plan.index.resources(matching: resource.baseAddress)
            _ = resource.values.keys.map { resource.values.member($0).state }
        }
    }
    _ = builtInRules.evaluate(document)
    return 0
}
