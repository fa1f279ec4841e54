import PalisadeCore
import Policy

/// Reads one fuzzed custom rule file; bad input must be a diagnostic, never a crash.
///
/// A rule that validates is then compiled like a custom rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleFile(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    guard let definition = try? RuleFileParser.parse(yaml: text, file: "rule.yaml", origin: .custom) else {
        return 0
    }
    _ = try? RulePack.compile([definition], configuration: Configuration(), digest: "fuzz")
    return 0
}
