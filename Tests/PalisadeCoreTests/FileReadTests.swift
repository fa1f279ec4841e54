import Foundation
import TestMaterial
import Testing

@testable import PalisadeCore

/// A big file is read in parts on every core; every file must read as its bytes, whole.
@Suite("Reading files")
struct FileReadTests {
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    static func withFile<Result>(_ bytes: [UInt8], _ body: (String) throws -> Result) throws -> Result {
        let path = NSTemporaryDirectory() + "palisade-read-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test(
        "a file reads as its bytes, below and above the size read in parts",
        arguments: [0, 1, 4_097, FileSystem.parallelReadMinimum - 1, FileSystem.parallelReadMinimum + 3])
    func wholeFile(size: Int) throws {
        let bytes = Self.bytes(size, seed: UInt64(size))
        let read = try Self.withFile(bytes) { try FileSystem.read($0) }
        #expect(read == bytes)
    }

    @Test("parts of any size fill the buffer, and a file shorter than it ends the count", arguments: 0...9)
    func parts(size: Int) throws {
        let bytes = Self.bytes(size, seed: 7)
        try Self.withFile(bytes) { path in
            let descriptor = open(path, O_RDONLY)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            for capacity in [size, size + 5] {
                let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
                defer { buffer.deallocate() }
                let (count, error) = FileSystem.readInParts(descriptor, into: buffer)
                #expect(error == 0)
                #expect(count == size)
                #expect(Array(buffer.prefix(count)) == bytes)
            }
        }
    }
}
