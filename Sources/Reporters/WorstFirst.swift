import PalisadeCore

/// The order of formats read by people in a hurry: failures before unknowns, then the most
/// severe first, then report order.
enum WorstFirst {
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if (x.outcome == .fail) != (y.outcome == .fail) { return x.outcome == .fail }
            if x.severity != y.severity { return x.severity > y.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}
