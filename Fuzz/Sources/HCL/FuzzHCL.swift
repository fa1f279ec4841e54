import TerraformSource

/// Every byte string is either an HCL file or an `HCLSyntaxError`: never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHCL(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    _ = try? HCLParser.parse(bytes, path: "fuzz.tf")
    _ = try? TerraformJSONReader.parse(bytes, path: "fuzz.tf.json")
    return 0
}
