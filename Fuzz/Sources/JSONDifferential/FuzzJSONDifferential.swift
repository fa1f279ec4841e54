import CJSONC

@testable import JSON

/// The JSON validator against json-c's own strict parse, and the built trees (one build and the
/// parallel build) against json-c's tree: any disagreement stops the fuzzer with the input that
/// shows it.
///
/// The validator decides alone whether a text is built, and whether a member the caller omits is
/// valid, so a byte it accepts and json-c rejects would be read wrongly, and the reverse is a
/// false exit 2.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONDifferential(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: count)
    // A first byte from 0xF0 up (never the start of a valid text) picks a small nesting limit,
    // so the depth checks of both parsers are met too; the rest is then the text.
    let selector = input.first ?? 0
    let text = selector >= 0xF0 ? UnsafeRawBufferPointer(rebasing: input.dropFirst()) : input
    let maximumDepth = selector >= 0xF0 ? Int(selector & 0x0F) + 1 : JSONDocument.defaultMaximumDepth
    // json-c's tree is nil for a JSON null, so acceptance is whether it threw.
    let sequential: OpaquePointer?
    let jsonCAccepts: Bool
    do {
        sequential = try JSONDocument.parseWithJSONC(text, maximumDepth: maximumDepth)
        jsonCAccepts = true
    } catch {
        sequential = nil
        jsonCAccepts = false
    }
    defer { if let sequential { json_object_put(sequential) } }
    let layout = JSONValidator.validate(text, maximumDepth: maximumDepth)
    if jsonCAccepts != (layout != nil) {
        fatalError(
            "validator \(layout != nil ? "accepts" : "rejects") what json-c \(jsonCAccepts ? "accepts" : "rejects")"
        )
    }
    // The validation split between two cores, guessing a boundary at any `,{` after the
    // middle (the plan parse guesses `,{"address":"`), must give exactly this verdict and layout.
    let split = JSONValidator.validateSplitting(
        text, maximumDepth: maximumDepth, elementStart: Array(",{".utf8), minimumSize: 0)
    if split != layout {
        fatalError("the validation split at a guessed element differs from one run")
    }
    guard jsonCAccepts else { return 0 }
    // json-c's tree, read as the document reads a built one, is what every build must give.
    guard let expected = JSONCConversion.tree(of: sequential) else { fatalError("out of memory") }
    // The builder itself, not the document's parse: that falls back to json-c's tree when the
    // builder declines, and would then compare json-c's tree with itself.
    guard let built = JSONTreeBuilder.build(text) else {
        fatalError("the builder declined a text json-c and the validator accept")
    }
    if let difference = JSONTreeComparison.firstDifference(JSONNode(expected.root), JSONNode(built.root)) {
        fatalError("the built tree differs from json-c's at \(difference)")
    }
    guard layout?.rootIsObject == true else { return 0 }

    // Both accept a root object: the parallel build, with runs small enough to split arrays,
    // must give json-c's tree too.
    var options = ParallelParse.Options()
    options.threshold = 0
    // Runs of 1 to 64 bytes split even tiny arrays; at most about 16 runs keep each input fast.
    options.chunkBytes = max(count % 64 + 1, count / 16)
    // Strict, so each run is also scanned by StrictJSON where it was parsed: the first problem
    // of the runs must be the whole text's first problem.
    guard
        let parallel = ParallelParse.parse(
            text, maximumDepth: maximumDepth, options: options, strict: true, omitting: { _ in [] })
    else { fatalError("the parallel parse declined a text the validator and json-c accept") }
    if let difference = JSONTreeComparison.firstDifference(
        JSONNode(expected.root), JSONNode(parallel.tree.root))
    {
        fatalError("the parallel build differs from json-c's tree at \(difference)")
    }
    let wholeTextProblem = StrictJSON.firstProblem(in: text)
    if parallel.problem != wholeTextProblem {
        fatalError(
            "strict scan by runs found \(String(describing: parallel.problem)), the whole text \(String(describing: wholeTextProblem))"
        )
    }
    return 0
}
