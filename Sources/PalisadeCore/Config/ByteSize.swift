/// A size in bytes as `.palisade.yaml` writes it (`2GiB`, `512MiB`, `64KiB`, `1000`) and as
/// messages show it.
enum ByteSize {
    /// The binary units a size may be written in, largest first.
    private static let units: [(name: String, bytes: Int)] = [
        ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10),
    ]

    /// The bytes `text` names: a whole number, optionally followed by `KiB`, `MiB` or `GiB`
    /// (with or without a space); nil when it is anything else or not positive.
    static func parse(_ text: String) -> Int? {
        var number = Substring(text.trimmingSpaces())
        var multiplier = 1
        for unit in units where number.hasSuffix(unit.name) {
            number = number.dropLast(unit.name.count)
            multiplier = unit.bytes
            break
        }
        if number.hasSuffix(" ") { number = number.dropLast() }
        guard let count = Int(number), count > 0 else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }

    /// `2 GiB` for a whole number of a unit, else `1500 bytes`.
    static func describe(_ bytes: Int) -> String {
        for unit in units where bytes >= unit.bytes && bytes % unit.bytes == 0 {
            return "\(bytes / unit.bytes) \(unit.name)"
        }
        return "\(bytes) bytes"
    }
}
