import Parallel
import Policy
import TerraformPlan

/// What `palisade scan` was asked to do.
public struct ScanOptions: Sendable {
    /// Files, directories or `-`.
    public var paths: [String]
    /// `--fail-on`, overriding the config.
    public var failOn: FailThreshold?
    /// `--unknown`, overriding the config.
    public var unknown: UnknownPolicy?
    /// `--policies` folders, added to the config's.
    public var policyFolders: [String]
    /// `--only` rule ids.
    public var only: [String]
    /// `--skip` rule ids.
    public var skip: [String]
    /// `--changed-only`.
    public var changedOnly: Bool
    /// `--target` stage.
    public var target: String?
    /// `--config` file.
    public var configPath: String?
    /// `--exclude` globs, added to the config's.
    public var excludes: [String] = []
    /// `--source`: the Terraform configuration directory plan findings are located in.
    public var sourceDirectory: String?
    /// The day waivers are judged on; nil means ``CalendarDay/today()``.
    public var today: CalendarDay?
    /// `--baseline`: an earlier JSON report whose findings do not fail the gate again.
    public var baselinePath: String?
    /// Whether the parsed inputs are freed when the scan returns.
    ///
    /// A command-line run that exits right after reporting sets this to false: freeing a large
    /// plan's tree node by node costs about as much as parsing it, and the operating system
    /// reclaims the memory at exit for nothing.
    public var releasesInputs = true
    /// Whether the report lists the checks that passed (``ScanReport/passedChecks``); off by
    /// default, since a large plan passes hundreds of thousands of them.
    public var recordsPasses = false
    /// Whether the report carries ``ScanReport/evidence``: every evaluation, the inputs' digests
    /// and the configuration, for the evidence report; off by default.
    public var recordsEvidence = false

    /// Creates options.
    public init(
        paths: [String], failOn: FailThreshold? = nil, unknown: UnknownPolicy? = nil,
        policyFolders: [String] = [],
        only: [String] = [], skip: [String] = [], changedOnly: Bool = false, target: String? = nil,
        configPath: String? = nil
    ) {
        self.paths = paths
        self.failOn = failOn
        self.unknown = unknown
        self.policyFolders = policyFolders
        self.only = only
        self.skip = skip
        self.changedOnly = changedOnly
        self.target = target
        self.configPath = configPath
    }
}

/// Runs a whole scan: config, rule pack, inputs, engine, findings.
public enum Scan {
    /// The effective configuration: defaults, then the config file, then flags.
    public static func configuration(for options: ScanOptions) throws(InputError) -> Configuration {
        var configuration = Configuration()
        if let path = options.configPath ?? ConfigurationLoader.find(from: FileSystem.currentDirectory()) {
            configuration = try ConfigurationLoader.load(path: path, over: configuration)
        }
        if let failOn = options.failOn { configuration.failOn = failOn }
        if let unknown = options.unknown { configuration.unknown = unknown }
        configuration.policyFolders += options.policyFolders
        configuration.excludes += options.excludes
        if let target = options.target { configuration.target = target }
        return configuration
    }

    /// Scans and returns the report and the configuration it used.
    public static func run(_ options: ScanOptions) -> (ScanReport, Configuration) {
        run(options, configuration: Result { () throws(InputError) in try Self.configuration(for: options) })
    }

    /// Scans with a configuration the caller already read (``configuration(for:)``), so the
    /// config file is read once per run; a config error is reported as the scan's first error
    /// and the defaults apply.
    public static func run(
        _ options: ScanOptions, configuration loaded: Result<Configuration, InputError>
    ) -> (ScanReport, Configuration) {
        var errors: [InputError] = []
        var configuration = Configuration()
        switch loaded {
        case .success(let read): configuration = read
        case .failure(let error): errors.append(error)
        }
        // The rule pack loads beside the inputs, for the kinds their names predict: a big plan's
        // text is validated on one core, and the pack takes as long as a small plan. When the
        // inputs turn out to be other kinds, it loads again below for the kinds they are.
        func predictedKinds(_ fileNames: [String]) -> Set<RuleInput> {
            Set(
                fileNames.flatMap { name in
                    InputKinds.all.filter { $0.isCandidate(fileName: name) }.map { $0.ruleInput }
                })
        }
        func loadPack(for kinds: Set<RuleInput>) -> BackgroundWork<Result<RulePack, RulePackError>> {
            BackgroundWork { [configuration] in
                Result { () throws(RulePackError) in
                    try PhaseTimings.measure("rule pack") { () throws(RulePackError) in
                        try RulePack.load(configuration: configuration, inputs: kinds)
                    }
                }
            }
        }
        // Files named on the command line predict their kinds before a byte is read, so the pack
        // also loads while they are read (14 ms for a 14 MB plan, on one core); a directory's
        // files are known only once it is listed.
        let namesFilesOnly = options.paths.allSatisfy { $0 != "-" && FileSystem.kind(of: $0) == .file }
        let early = namesFilesOnly ? predictedKinds(options.paths.map(DiscoveredInput.fileName(of:))) : nil
        let earlyPack = early.map(loadPack(for:))
        let (inputs, discoveryErrors) = PhaseTimings.measure("read inputs") {
            InputDiscovery.discover(
                options.paths, excludes: configuration.excludes, maximumBytes: configuration.maximumInputBytes
            )
        }
        errors += discoveryErrors
        let predictedInputs = early ?? predictedKinds(inputs.map(\.fileName))
        let speculativePack = earlyPack ?? loadPack(for: predictedInputs)
        // Inputs load on every core: a monorepo's hundreds of Dockerfiles are small each, so
        // one at a time would leave a core idle (a big plan parses in parallel by itself).
        let loadOptions = LoadOptions(
            target: configuration.target, changedOnly: options.changedOnly,
            dockerfileLimits: configuration.dockerfileLimits)
        let recordsEvidence = options.recordsEvidence
        let loadResults = inputs.parallelMap { input in
            Result { () throws(InputError) -> (any InputDocument, EvidenceInput?)? in
                let document = try PhaseTimings.measure("load \(input.path)") { () throws(InputError) in
                    try DocumentLoader.load(input, options: loadOptions)
                }
                guard let document else { return nil }
                guard recordsEvidence else { return (document, nil) }
                let digest = PhaseTimings.measure("digest \(input.path)") { SHA256.hex(input.bytes) }
                return (
                    document,
                    EvidenceInput(
                        path: input.path, kind: document.kind.name, size: input.bytes.count, sha256: digest)
                )
            }
        }
        var documents: [any InputDocument] = []
        var evidenceInputs: [EvidenceInput] = []
        for result in loadResults {
            switch result {
            case .success(let (document, evidence)?):
                documents.append(document)
                if let evidence { evidenceInputs.append(evidence) }
            case .success(nil): break
            case .failure(let error): errors.append(error)
            }
        }
        var rules: [Rule] = []
        var knownRuleIDs = Set<String>()
        var packDigest = EmbeddedPack.digest
        var packRules: [PackRule] = []
        do {
            let inputKinds = Set(documents.map { $0.kind.ruleInput })
            let predicted = speculativePack.wait()
            let pack =
                inputKinds == predictedInputs
                ? try predicted.get()
                : try PhaseTimings.measure("rule pack") { () throws(RulePackError) in
                    try RulePack.load(configuration: configuration, inputs: inputKinds)
                }
            packDigest = pack.digest
            rules = pack.selected(configuration: configuration, only: options.only, skip: options.skip)
            if options.recordsEvidence {
                // Every built-in rule, not only those for this run's inputs (only when asked).
                let everyBuiltIn = PhaseTimings.measure("every built-in rule") {
                    (try? RulePack.builtInDefinitions()) ?? []
                }
                packRules = PackRule.rules(from: everyBuiltIn + pack.definitions, ran: Set(rules.map(\.id)))
            }
            // Only a Dockerfile's suppression comments are judged against every rule id.
            if documents.contains(where: {
                ($0 as? DockerfileDocument)?.suppressions.entries.isEmpty == false
            }) {
                knownRuleIDs = Set(pack.definitions.map(\.id)).union(RulePack.builtInIDs)
            }
        } catch {
            errors.append(contentsOf: error.errors)
        }
        // A directory that yielded no input (its *.json are not plans) must not pass silently.
        for path in options.paths where FileSystem.kind(of: path) == .directory {
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let covered =
                documents.contains { $0.path.hasPrefix(prefix) }
                || errors.contains { $0.file == path || $0.file.hasPrefix(prefix) }
            if !covered {
                errors.append(
                    InputError(
                        file: path,
                        message:
                            "no Terraform plan, state or Dockerfile found in this directory (JSON files that are neither are skipped)"
                    ))
            }
        }
        let today = options.today ?? CalendarDay.today()
        var waivers = WaiverLedger(waivers: configuration.waivers, today: today)
        errors += waivers.lifetimeErrors(maximumDays: configuration.maxWaiverDays)
        let engine = Engine(rules: rules)
        var summary = ScanSummary()
        summary.files = documents.count
        summary.rules = rules.count
        var reported: [(Evaluation, Rule, AppliedWaiver?)] = []
        var unusedSuppressions: [UnusedSuppression] = []
        var passedChecks: [PassedCheck] = []
        var records: [EvaluationRecord] = []
        func record(_ evaluation: Evaluation, waiver: AppliedWaiver? = nil) {
            guard options.recordsEvidence else { return }
            records.append(
                EvaluationRecord(
                    ruleID: evaluation.ruleID, outcome: evaluation.outcome, location: evaluation.location,
                    fingerprint: evaluation.fingerprint, unknownReason: evaluation.unknownReason,
                    supersededBy: evaluation.supersededBy, waiver: waiver,
                    suppression: evaluation.suppression,
                    message: evaluation.message))
        }
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A plan's configuration is read before the plan is judged: findings are placed in it
        // afterwards, and its local values, which the plan does not record, are followed while
        // references are resolved.
        let resolvers: [Result<PlanSourceResolver?, InputError>] = documents.map { document in
            guard let plan = document as? PlanDocument else { return .success(nil) }
            let made = Result { () throws(InputError) in
                try PlanSourceResolver.make(
                    for: plan, sourceDirectory: options.sourceDirectory ?? configuration.sourceDirectory)
            }
            if case .success(let resolver?) = made {
                plan.plan.useLocalValues(resolver.localValueReferences())
                plan.plan.useBuiltValues(resolver.builtValues())
            }
            return made
        }
        // Documents are judged on every core, then their results are gathered in input order.
        var judged = documents.parallelMap { document in
            // Passes and not-applicable results are only counted unless a format lists them.
            PhaseTimings.measure("evaluate \(document.path)") {
                engine.evaluateInPieces(
                    document, keepingPasses: options.recordsPasses || options.recordsEvidence)
            }
        }
        for (documentIndex, document) in documents.enumerated() {
            // Moved out of the results, so the loop below takes each evaluation without a copy.
            var evaluations = EvaluationList(pieces: [])
            swap(&evaluations, &judged[documentIndex].evaluations)
            let evaluationErrors = judged[documentIndex].errors
            summary.resources += document.judgedResourceCount
            summary.pass += evaluations.omitted.pass
            summary.notApplicable += evaluations.omitted.notApplicable
            summary.suppressed += evaluations.omitted.suppressed
            errors += evaluationErrors
            if let dockerfile = document as? DockerfileDocument, !dockerfile.suppressions.entries.isEmpty,
                !knownRuleIDs.isEmpty
            {
                unusedSuppressions += dockerfile.unusedSuppressions(
                    evaluations.all, ranRules: Set(rules.map(\.id)), knownRules: knownRuleIDs)
            }
            var resolver: PlanSourceResolver?
            switch resolvers[documentIndex] {
            case .success(let made): resolver = made
            case .failure(let error): errors.append(error)
            }
            var sourceErrors = Set<String>()
            evaluations.consume { evaluation in
                if let resolver, evaluation.outcome == .fail || evaluation.outcome == .unknown,
                    !evaluation.suppressed
                {
                    do throws(InputError) {
                        try resolver.resolve(&evaluation)
                    } catch {
                        if sourceErrors.insert(error.description).inserted { errors.append(error) }
                    }
                }
                if evaluation.suppressed {
                    summary.suppressed += 1
                    // Kept in the report with its comment, so an auditor sees what was silenced.
                    if evaluation.outcome == .fail || evaluation.outcome == .unknown,
                        let rule = rulesByID[evaluation.ruleID]
                    {
                        evaluation.outcome = .suppressed
                        reported.append((evaluation, rule, nil))
                    }
                    record(evaluation)
                    return
                }
                if evaluation.supersededBy != nil {
                    summary.superseded += 1
                    record(evaluation)
                    return
                }
                // A waived finding stays in the report, with its waiver, so an auditor sees it.
                let waiver =
                    evaluation.outcome == .fail || evaluation.outcome == .unknown
                    ? waivers.apply(to: &evaluation) : nil
                record(evaluation, waiver: waiver)
                switch evaluation.outcome {
                case .pass:
                    summary.pass += 1
                    if options.recordsPasses {
                        passedChecks.append(
                            PassedCheck(ruleID: evaluation.ruleID, location: evaluation.location))
                    }
                case .notApplicable: summary.notApplicable += 1
                case .fail:
                    summary.fail += 1
                    summary.bySeverity[evaluation.severity, default: 0] += 1
                case .unknown: summary.unknown += 1
                case .waived, .suppressed: summary.suppressed += 1
                }
                guard
                    evaluation.outcome == .fail || evaluation.outcome == .waived
                        || (evaluation.outcome == .unknown && configuration.unknown != .pass),
                    let rule = rulesByID[evaluation.ruleID]
                else { return }
                // Moved out, not copied (a copy retains its many strings): the list drops it next.
                var taken = Evaluation.empty
                swap(&taken, &evaluation)
                reported.append((taken, rule, waiver))
            }
        }
        // Building a finding hashes its fingerprint, so findings are built on every core.
        let findings = PhaseTimings.measure("findings") {
            var built = reported.parallelMap { evaluation, rule, waiver in
                var finding = finding(evaluation, rule: rule)
                finding.waiver = waiver
                finding.suppression = evaluation.suppression
                return finding
            }
            // Sorting positions: the sort moves its elements many times, and a finding is large.
            // The halves are sorted on two cores; the order is the stable sort's. The findings
            // are then swapped into place, not copied.
            built.permute(toPositions: ReportOrderKeys.sortedPositions(built))
            return built
        }
        if !options.releasesInputs {
            RetainedInputs.keepUntilExit(documents)
        }
        var report = ScanReport(
            toolVersion: PalisadeVersion.current, rulePack: "\(PalisadeVersion.current)+sha256:\(packDigest)",
            findings: findings, summary: summary, errors: errors, rules: rules.map(\.summary),
            passedChecks: passedChecks)
        report.unusedWaivers = waivers.unused
        if let baselinePath = options.baselinePath {
            do {
                report.baseline = try Baseline.load(path: baselinePath).compare(&report.findings)
            } catch {
                report.errors.append(error)
            }
        }
        report.unusedSuppressions = unusedSuppressions
        if options.recordsEvidence {
            report.evidence = evidence(
                configuration: configuration, packDigest: packDigest, rules: packRules,
                inputs: evidenceInputs,
                records: records, findings: report.findings, errors: &report.errors)
        }
        return (report, configuration)
    }

    /// The evidence of a run: its records marked with the baseline's verdicts, the config file's
    /// digest and the custom policy folders' digests (an unreadable folder is an error).
    private static func evidence(
        configuration: Configuration, packDigest: String, rules: [PackRule], inputs: [EvidenceInput],
        records: [EvaluationRecord],
        findings: [Finding], errors: inout [InputError]
    ) -> ScanEvidence {
        var evidence = ScanEvidence(configuration: configuration, packDigest: packDigest)
        evidence.inputs = inputs
        evidence.rules = rules
        let existing = Set(findings.filter { $0.baselineState == .existing }.map(\.fingerprint))
        evidence.evaluations = records.map { record in
            var marked = record
            marked.inBaseline = existing.contains(record.fingerprint)
            return marked
        }
        if let source = configuration.source, let bytes = try? FileSystem.read(source) {
            evidence.configurationFileDigest = SHA256.hex(bytes)
        }
        for folder in configuration.policyFolders {
            do {
                evidence.policyFolders.append(try PolicyFolderDigest.compute(folder))
            } catch {
                errors.append(error)
            }
        }
        return evidence
    }

    static func finding(_ evaluation: Evaluation, rule: Rule) -> Finding {
        Finding(
            ruleID: rule.id, title: rule.summary.title, severity: evaluation.severity,
            outcome: evaluation.outcome,
            category: rule.summary.category, controls: rule.summary.controls,
            message: evaluation.location.action == PlanResource.driftActionName
                ? "changed outside Terraform since the last apply: " + evaluation.message
                : evaluation.message,
            remediation: rule.summary.remediation, location: evaluation.location,
            unknownReason: evaluation.unknownReason,
            unknownReasonMarksCode: evaluation.unknownReasonMarksCode,
            references: evaluation.references, fingerprint: evaluation.fingerprint,
            snippet: evaluation.snippet, unknownValues: evaluation.unknownValues)
    }
}
