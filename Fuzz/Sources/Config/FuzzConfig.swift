import PalisadeCore

/// A `.palisade.yaml`: every text is a configuration or an `InputError`, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? ConfigurationLoader.parse(text, path: ".palisade.yaml")
    return 0
}
