import Foundation

/// One rule on one selected subject, before `each` expansion.
///
/// The subject is named by its place in the rule's subject list, which every item of the rule
/// shares: a copy of the subject per item cost its strings' retains and held one subject per
/// rule and resource at the scan's peak memory.
struct WorkItem: Sendable {
    let rule: Rule
    let subjects: [Subject]
    let index: Int
}

/// The work items of one document in rule order, cut into runs and grouped into tasks by subject.
///
/// The results are wanted in rule order, then subject order. Run in that order, each rule walks
/// every resource of the plan, and the resource's nodes have left the caches by the time the next
/// rule reads them. A task instead takes a block of subjects and runs every rule on them, rule
/// after rule: a rule runs on the whole block while its code and data are hot, and the rules
/// after it find the block's nodes still in the core's second-level cache. A rule's items in one
/// task are consecutive in rule order (a run), so the results go back into rule order by putting
/// runs in order, without moving any evaluation.
struct WorkSchedule: Sendable {
    /// Every item, rule by rule, each rule's in subject order.
    let items: [WorkItem]
    /// Consecutive items of one rule whose subjects lie in one block, in the order of `items`.
    let runs: [Range<Int>]
    /// The runs of each task, each task being one block of subjects.
    let tasks: [[Int]]
    /// How many subjects a block holds.
    let subjectsPerBlock: Int

    /// The rules that have at least one item, in rule order.
    var rulesWithSubjects: [Rule] {
        var rules: [Rule] = []
        // Items are rule by rule: a rule's items are consecutive.
        for item in items where rules.last !== item.rule { rules.append(item.rule) }
        return rules
    }

    /// The largest block, about as many resources as a core's second-level cache holds the nodes of.
    ///
    /// On dense-10k, blocks of 4, 64, 128, 256 and 1,024 subjects took 134, 116, 110, 108 and
    /// 113 ms of CPU to evaluate (medians of eight alternating runs).
    static let largestBlock = 256
    /// The smallest block, for small plans.
    static let smallestBlock = 4
    /// Tasks per core at least, so that the cores finish together: tasks are handed out as
    /// cores free up, and the last one can leave the other cores idle.
    static let tasksPerCore = 16

    /// The block size for `subjects` distinct subjects on `cores` cores.
    static func subjectsPerBlock(subjects: Int, cores: Int) -> Int {
        min(largestBlock, max(smallestBlock, subjects / (max(1, cores) * tasksPerCore)))
    }

    /// The schedule of `rules` over the subject list each selected, in the same order.
    init(
        _ rules: [Rule], subjectLists: [[Subject]], cores: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        // A subject's block follows the order subjects are first met in, rule by rule: the same
        // resource selected by several rules falls in one block. A subject without an identity
        // (a provider block, a Dockerfile part) is met once.
        var ranks: [ObjectIdentifier: Int] = [:]
        var nextRank = 0
        let subjectRanks = subjectLists.map { subjects in
            subjects.map { subject in
                guard let identity = subject.identity else {
                    defer { nextRank += 1 }
                    return nextRank
                }
                if let known = ranks[identity] { return known }
                ranks[identity] = nextRank
                defer { nextRank += 1 }
                return nextRank
            }
        }
        let blockSize = Self.subjectsPerBlock(subjects: nextRank, cores: cores)
        var items: [WorkItem] = []
        var runs: [Range<Int>] = []
        var runBlocks: [Int] = []
        for (rule, (subjects, subjectRanks)) in zip(rules, zip(subjectLists, subjectRanks)) {
            var runStart = items.count
            var runBlock: Int?
            for index in subjects.indices {
                let subjectBlock = subjectRanks[index] / blockSize
                if subjectBlock != runBlock {
                    if let runBlock, runStart < items.count {
                        runs.append(runStart..<items.count)
                        runBlocks.append(runBlock)
                    }
                    runStart = items.count
                    runBlock = subjectBlock
                }
                items.append(WorkItem(rule: rule, subjects: subjects, index: index))
            }
            if let runBlock, runStart < items.count {
                runs.append(runStart..<items.count)
                runBlocks.append(runBlock)
            }
        }
        // Ranks are dense and every rank has an item, so every block up to the last has runs.
        var tasks = [[Int]](repeating: [], count: (nextRank + blockSize - 1) / blockSize)
        for (run, block) in runBlocks.enumerated() { tasks[block].append(run) }
        self.items = items
        self.runs = runs
        self.tasks = tasks
        self.subjectsPerBlock = blockSize
    }
}
