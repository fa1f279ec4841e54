import CJSONC
import Foundation
import TextDecoding

@testable import JSON

/// Parses with the parallel path forced on, whatever the input size.
enum Parsing {
    /// Options that send every input, however small, down the parallel path.
    static func forcedOptions(chunkBytes: Int? = nil) -> ParallelParse.Options {
        var options = ParallelParse.Options()
        options.threshold = 0
        options.chunkBytes = chunkBytes
        return options
    }

    /// The public parse with the parallel path forced on: falls back to one build when the
    /// parallel path declines, exactly as for a big input.
    static func forced(
        _ bytes: [UInt8], chunkBytes: Int? = nil, maximumDepth: Int = 512,
        omitting omit: ([JSONTopLevelMember]) -> Set<String> = { _ in [] }
    ) throws(JSONParseError) -> JSONDocument {
        let options = forcedOptions(chunkBytes: chunkBytes)
        return try bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in
                try JSONDocument.parse(buffer, maximumDepth: maximumDepth, options: options, omitting: omit)
            }
        }.get()
    }

    /// The parallel path alone, after the BOM is dropped or the text transcoded: nil when it
    /// declines the input.
    static func parallelOnly(
        _ bytes: [UInt8], chunkBytes: Int? = nil, maximumDepth: Int = 512,
        omitting omit: ([JSONTopLevelMember]) -> Set<String> = { _ in [] }
    ) -> JSONDocument? {
        let options = forcedOptions(chunkBytes: chunkBytes)
        let utf8 = bytes.withUnsafeBytes { buffer in
            let (encoding, bomLength) = TextDecoding.detect(buffer)
            return try? TextDecoding.transcodeToUTF8(buffer, encoding: encoding, bomLength: bomLength)
        }
        return utf8?.withUnsafeBytes { buffer in
            ParallelParse.parse(buffer, maximumDepth: maximumDepth, options: options, omitting: omit).map {
                JSONDocument(tree: $0.tree)
            }
        }
    }

    /// The parse of a small input: one validation and one build over the whole input.
    static func sequential(_ bytes: [UInt8], maximumDepth: Int = 512) throws(JSONParseError) -> JSONDocument {
        var options = ParallelParse.Options()
        options.threshold = Int.max
        return try bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in
                try JSONDocument.parse(buffer, maximumDepth: maximumDepth, options: options) { _ in [] }
            }
        }.get()
    }

    /// json-c's own tree of `bytes` (strict, as the document configures it, after the BOM is
    /// dropped or the text transcoded), read into a document: the oracle of the tree builder.
    static func jsonC(_ bytes: [UInt8], maximumDepth: Int = 512) throws(JSONParseError) -> JSONDocument {
        let utf8 = bytes.withUnsafeBytes { buffer in
            let (encoding, bomLength) = TextDecoding.detect(buffer)
            return (try? TextDecoding.transcodeToUTF8(buffer, encoding: encoding, bomLength: bomLength))
                ?? bytes
        }
        return try utf8.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in
                let object = try JSONDocument.parseWithJSONC(buffer, maximumDepth: maximumDepth)
                defer { json_object_put(object) }
                guard let tree = JSONCConversion.tree(of: object) else {
                    throw JSONParseError(message: "out of memory")
                }
                return JSONDocument(tree: tree)
            }
        }.get()
    }

    /// The builder's own tree of `bytes` (after the BOM is dropped or the text transcoded) when
    /// the validator accepts them: nil when the builder declines, where the public parse would
    /// fall back to json-c's tree.
    static func builtOnly(_ bytes: [UInt8], maximumDepth: Int = 512) -> JSONDocument? {
        let utf8 = bytes.withUnsafeBytes { buffer in
            let (encoding, bomLength) = TextDecoding.detect(buffer)
            return try? TextDecoding.transcodeToUTF8(buffer, encoding: encoding, bomLength: bomLength)
        }
        return utf8?.withUnsafeBytes { buffer in
            guard JSONValidator.validate(buffer, maximumDepth: maximumDepth) != nil else { return nil }
            return JSONTreeBuilder.build(buffer).map { JSONDocument(tree: $0) }
        }
    }

    /// Whether json-c (strict, as the document configures it) accepts `bytes` as they are.
    static func jsonCAccepts(_ bytes: [UInt8], maximumDepth: Int = 512) -> Bool {
        bytes.withUnsafeBytes { buffer in
            // A JSON null is json-c's nil object: acceptance is whether it threw.
            do {
                json_object_put(try JSONDocument.parseWithJSONC(buffer, maximumDepth: maximumDepth))
                return true
            } catch {
                return false
            }
        }
    }

    /// Whether the validator accepts `bytes` as they are.
    static func validatorAccepts(_ bytes: [UInt8], maximumDepth: Int = 512) -> Bool {
        bytes.withUnsafeBytes { JSONValidator.validate($0, maximumDepth: maximumDepth) != nil }
    }

    /// Bytes written so a failing case can be read back: printable ASCII as is, the rest as \xNN.
    static func show(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            (0x20..<0x7F).contains(byte) && byte != UInt8(ascii: "\\")
                ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
        }.joined()
    }
}
