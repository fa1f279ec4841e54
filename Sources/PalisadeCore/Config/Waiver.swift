/// An accepted risk from `.palisade.yaml`: one rule on matching resources or files, for a time.
public struct Waiver: Sendable, Equatable {
    /// The rule id it waives (upper case).
    public var rule: String
    /// An address glob (`module.site.aws_s3_bucket_acl.*`) for plan findings, if given.
    public var resource: String?
    /// A path glob for findings of that input (Dockerfiles, or a whole plan), if given.
    public var file: String?
    /// Why the risk is accepted.
    public var reason: String
    /// Who accepted it.
    public var owner: String
    /// The last day it applies (it stops working the day after).
    public var expires: CalendarDay
    /// The config file it was written in.
    public var configFile: String
    /// The config line of its entry.
    public var configLine: Int

    /// Creates a waiver.
    public init(
        rule: String, resource: String?, file: String?, reason: String, owner: String, expires: CalendarDay,
        configFile: String, configLine: Int
    ) {
        self.rule = rule
        self.resource = resource
        self.file = file
        self.reason = reason
        self.owner = owner
        self.expires = expires
        self.configFile = configFile
        self.configLine = configLine
    }

    /// Days left on `today`: 0 on the expiry day, negative once expired.
    public func daysLeft(on today: CalendarDay) -> Int {
        expires.daysSinceEpoch - today.daysSinceEpoch
    }

    /// True when the waiver covers a finding of `ruleID` at `location` (expiry aside).
    public func covers(ruleID: String, location: Location) -> Bool {
        guard ruleID.uppercased() == rule else { return false }
        if let resource {
            guard let address = location.resource, Glob.matches(resource, address) else { return false }
        }
        if let file {
            // The plan, the .tf line, or for a downloaded module's resource also its file there.
            let sourceFiles = [location.source?.file, location.source?.inModule?.file].compactMap { $0 }
            guard Glob.matches(file, location.file) || sourceFiles.contains(where: { Glob.matches(file, $0) })
            else {
                return false
            }
        }
        return true
    }
}

/// A waiver as applied to one finding.
public struct AppliedWaiver: Sendable, Equatable {
    /// Waivers expiring within this many days are flagged.
    public static let soonDays = 14

    /// The waiver.
    public var waiver: Waiver
    /// Days left on the scan's day (0 on the expiry day).
    public var daysLeft: Int

    /// Creates an applied waiver.
    public init(waiver: Waiver, daysLeft: Int) {
        self.waiver = waiver
        self.daysLeft = daysLeft
    }

    /// True when the waiver runs out within ``soonDays`` days.
    public var expiresSoon: Bool { daysLeft <= Self.soonDays }
}

/// Shell-style globs over addresses and paths: `*` is any run of characters (dots, brackets
/// and slashes included), `?` any one character; everything else is literal.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let pattern = Array(pattern.unicodeScalars)
        let text = Array(text.unicodeScalars)
        var (p, t) = (0, 0)
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
