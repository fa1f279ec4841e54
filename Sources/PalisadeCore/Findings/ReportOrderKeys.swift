import Foundation
import Parallel

/// Findings sorted in ``Finding/reportOrder(_:_:)``, by byte keys when their texts allow.
///
/// Sorting tens of thousands of findings with the comparator compares up to four strings per
/// step. When every text a finding is ordered by is ASCII without NUL, Swift orders and equates
/// those texts as their bytes, so one key per finding (file, line, resource, rule id and
/// attribute, each text ended by a NUL and the line as eight big-endian bytes) compares as the
/// comparator does with one `memcmp`. One text outside that set and the comparator sorts them all.
enum ReportOrderKeys {
    /// The positions of `findings` in report order; a stable sort, as the comparator's is.
    static func sortedPositions(_ findings: [Finding]) -> [Int] {
        guard let keys = keys(findings) else {
            return Array(findings.indices).parallelSorted { Finding.reportOrder(findings[$0], findings[$1]) }
        }
        return Array(findings.indices).parallelSorted { keys.precedes($0, $1) }
    }

    /// Every finding's key in one buffer, the key of finding `i` at `starts[i]..<starts[i + 1]`.
    struct Keys: Sendable {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]

        /// True when finding `a`'s key sorts strictly before `b`'s.
        func precedes(_ a: Int, _ b: Int) -> Bool {
            bytes.withUnsafeBufferPointer { buffer in
                let (startA, countA) = (starts[a], starts[a + 1] - starts[a])
                let (startB, countB) = (starts[b], starts[b + 1] - starts[b])
                let order = memcmp(
                    buffer.baseAddress! + startA, buffer.baseAddress! + startB, min(countA, countB))
                return order != 0 ? order < 0 : countA < countB
            }
        }
    }

    /// The keys of `findings`, in their order; nil when a text is not ASCII or holds a NUL.
    static func keys(_ findings: [Finding]) -> Keys? {
        var keys = Keys()
        keys.starts.reserveCapacity(findings.count + 1)
        // Read in place: a copied finding retains its twenty-odd strings and arrays.
        let complete = findings.withUnsafeBufferPointer { findings in
            for index in findings.indices {
                guard append(findings[index].location.file, to: &keys.bytes) else { return false }
                // Lines are never negative; the sign bit is flipped anyway so any Int keeps its order.
                let line = UInt64(bitPattern: Int64(findings[index].location.line ?? 0)) ^ (1 << 63)
                for shift in stride(from: 56, through: 0, by: -8) {
                    keys.bytes.append(UInt8(truncatingIfNeeded: line >> shift))
                }
                guard append(findings[index].location.resource ?? "", to: &keys.bytes),
                    append(findings[index].ruleID, to: &keys.bytes),
                    append(findings[index].location.attribute ?? "", to: &keys.bytes)
                else { return false }
                keys.starts.append(keys.bytes.count)
            }
            return true
        }
        return complete ? keys : nil
    }

    /// Appends `text` and a NUL; false when `text` is not ASCII or holds a NUL.
    private static func append(_ text: String, to bytes: inout [UInt8]) -> Bool {
        var text = text
        let fits = text.withUTF8 { utf8 in
            // One pass that gathers what it needs to know, instead of a test per byte.
            var highBits: UInt8 = 0
            var hasNUL = false
            for byte in utf8 {
                highBits |= byte
                hasNUL = hasNUL || byte == 0
            }
            guard highBits < 0x80, !hasNUL else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        bytes.append(0)
        return fits
    }
}
