/// Applies the config's waivers to evaluations during one scan and remembers which were used.
struct WaiverLedger {
    private let waivers: [Waiver]
    private let today: CalendarDay
    private var used: [Bool]

    init(waivers: [Waiver], today: CalendarDay) {
        self.waivers = waivers
        self.today = today
        self.used = Array(repeating: false, count: waivers.count)
    }

    /// Errors for waivers that run longer than `maximumDays` from today (`max_waiver_days`).
    func lifetimeErrors(maximumDays: Int?) -> [InputError] {
        guard let maximumDays else { return [] }
        return waivers.filter { $0.daysLeft(on: today) > maximumDays }.map { waiver in
            InputError(
                file: waiver.configFile, line: waiver.configLine,
                message:
                    "the waiver of \(waiver.rule) expires on \(waiver.expires), more than max_waiver_days "
                    + "(\(maximumDays)) after today (\(today))")
        }
    }

    /// Waives a failing or unknown evaluation with the first live waiver that covers it, turning
    /// its outcome to `waived`; an evaluation covered only by expired waivers keeps failing and
    /// its message says when the waiver expired.
    mutating func apply(to evaluation: inout Evaluation) -> AppliedWaiver? {
        var expired: Waiver?
        for (index, waiver) in waivers.enumerated()
        where waiver.covers(ruleID: evaluation.ruleID, location: evaluation.location) {
            used[index] = true
            let daysLeft = waiver.daysLeft(on: today)
            if daysLeft >= 0 {
                evaluation.outcome = .waived
                return AppliedWaiver(waiver: waiver, daysLeft: daysLeft)
            }
            if expired == nil { expired = waiver }
        }
        if let expired {
            evaluation.message +=
                " (the waiver by \(expired.owner) expired on \(expired.expires); "
                + "\(expired.configFile):\(expired.configLine))"
        }
        return nil
    }

    /// Waivers that matched nothing in this scan.
    var unused: [Waiver] {
        zip(waivers, used).filter { !$0.1 }.map(\.0)
    }
}
