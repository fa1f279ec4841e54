import Foundation
import JSON

/// Reuses one String for repeated JSON strings (types, provider names, module addresses), so
/// 20,000 resources do not allocate 20,000 copies of `registry.terraform.io/hashicorp/aws`.
struct StringInterner: Sendable {
    private var table: [UInt64: String] = [:]

    mutating func string(_ value: JSONValue?) -> String? {
        string(value?.node)
    }

    mutating func string(_ value: JSONNode?) -> String? {
        guard let value else { return nil }
        let found: String?? = value.withUTF8 { bytes -> String? in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            if let existing = table[hash], Self.equal(existing, bytes) { return existing }
            let created = String(decoding: bytes, as: UTF8.self)
            table[hash] = created
            return created
        }
        return found ?? nil
    }

    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            guard let left = stored.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, stored.count) == 0
        }
    }
}
