/// A compliance framework whose controls a rule may cite.
public enum ControlFramework: String, Sendable, CaseIterable {
    /// NIST SP 800-190, Application Container Security Guide.
    case nist800190 = "NIST-800-190"
    /// CIS Docker Benchmark.
    case cisDocker = "CIS-DOCKER"
    /// CIS Amazon Web Services Foundations Benchmark.
    case cisAWS = "CIS-AWS"
    /// CIS Microsoft Azure Foundations Benchmark.
    case cisAzure = "CIS-AZURE"
    /// CIS Google Cloud Platform Foundation Benchmark.
    case cisGCP = "CIS-GCP"
    /// CIS Kubernetes Benchmark.
    case cisK8S = "CIS-K8S"
}

/// A control cited by a rule, written `FRAMEWORK:ID` or `FRAMEWORK-VERSION:ID`.
///
/// The version suffix is allowed for the CIS benchmarks because their numbering changes between
/// versions (`CIS-AWS-3.0:2.3.1`).
public struct ControlReference: Sendable, Equatable, CustomStringConvertible {
    /// The framework.
    public let framework: ControlFramework
    /// The benchmark version, such as `3.0`, when the reference names one.
    public let version: String?
    /// The control number within the framework, such as `4.3.2`.
    public let control: String

    /// Creates a reference.
    public init(framework: ControlFramework, version: String?, control: String) {
        self.framework = framework
        self.version = version
        self.control = control
    }

    /// The reference as written in rule files.
    public var description: String {
        let prefix = version.map { "\(framework.rawValue)-\($0)" } ?? framework.rawValue
        return "\(prefix):\(control)"
    }

    /// Why a reference is invalid, used to build diagnostics.
    enum Problem: Equatable {
        case missingColon
        case unknownFramework(String)
        case invalidVersion(String)
        case invalidControl(String)
    }

    /// Parses `FRAMEWORK[-VERSION]:ID`.
    static func parse(_ text: String) -> Result<ControlReference, ParseFailure> {
        guard let colon = text.firstIndex(of: ":") else { return .failure(ParseFailure(.missingColon)) }
        let prefix = String(text[..<colon])
        let control = String(text[text.index(after: colon)...])
        // The longest framework name that prefixes the text wins (NIST-800-190 contains dashes).
        let framework = ControlFramework.allCases
            .filter { prefix == $0.rawValue || prefix.hasPrefix($0.rawValue + "-") }
            .max { $0.rawValue.count < $1.rawValue.count }
        guard let framework else { return .failure(ParseFailure(.unknownFramework(prefix))) }
        var version: String?
        if prefix != framework.rawValue {
            let suffix = String(prefix.dropFirst(framework.rawValue.count + 1))
            guard framework != .nist800190, isVersion(suffix) else {
                return .failure(ParseFailure(.invalidVersion(suffix)))
            }
            version = suffix
        }
        guard isControlNumber(control) else { return .failure(ParseFailure(.invalidControl(control))) }
        return .success(ControlReference(framework: framework, version: version, control: control))
    }

    /// A failed parse, wrapped so it can be a `Result` failure.
    struct ParseFailure: Error {
        let problem: Problem
        init(_ problem: Problem) { self.problem = problem }
    }

    private static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// Dot- or dash-separated alphanumeric parts: `4.3.2`, `5.1`, `A.1`.
    private static func isControlNumber(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "-" }
        return !parts.isEmpty
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCIIDigit || $0.isASCIILetter } }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
