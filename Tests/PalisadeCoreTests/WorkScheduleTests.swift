import Policy
import Testing

@testable import PalisadeCore

@Suite("Work schedule: blocks of subjects, results back in rule order")
struct WorkScheduleTests {
    /// An object whose identity stands for one plan resource.
    final class Resource {}

    static func subject(_ resource: Resource?, _ name: String) -> Subject {
        var subject = Subject(
            variables: [:], location: Location(file: "plan.json", resource: name), fingerprintKey: name)
        subject.identity = resource.map(ObjectIdentifier.init)
        return subject
    }

    @Test("Runs cover every item once, in rule order, each within one rule and one block of subjects")
    func runsAndTasks() throws {
        let rules = try ["AWS-S3-001", "AWS-S3-002", "AWS-EBS-001"].map(FixtureRunner.rule)
        let resources = (0..<11).map { _ in Resource() }
        // Lists that share resources in different orders and sizes, as rules of overlapping
        // resource types select them, and subjects without an identity.
        let lists: [[Subject]] = [
            resources.indices.map { Self.subject(resources[$0], "r\($0)") },
            [3, 1, 4, 9, 2, 6].map { Self.subject(resources[$0], "r\($0)") },
            (0..<6).map { Self.subject(nil, "provider\($0)") } + [Self.subject(resources[10], "r10")],
        ]
        let schedule = WorkSchedule(rules, subjectLists: lists, cores: 2)
        #expect(schedule.subjectsPerBlock == WorkSchedule.smallestBlock)
        let expected = zip(rules, lists).flatMap { rule, list in list.indices.map { (rule.id, $0) } }
        #expect(schedule.items.map { "\($0.rule.id) \($0.index)" } == expected.map { "\($0.0) \($0.1)" })
        // Consecutive, in order, covering every item.
        #expect(schedule.runs.first?.lowerBound == 0)
        #expect(schedule.runs.last?.upperBound == schedule.items.count)
        for (run, next) in zip(schedule.runs, schedule.runs.dropFirst()) {
            #expect(run.upperBound == next.lowerBound && !run.isEmpty)
        }
        // Every run in exactly one task, and no task empty.
        #expect(schedule.tasks.allSatisfy { !$0.isEmpty })
        let scheduled = schedule.tasks.flatMap { $0 }
        #expect(scheduled.sorted() == Array(schedule.runs.indices))
        // A block's subjects: the same resource is in the same task whichever rule selects it.
        var taskOfResource: [ObjectIdentifier: Int] = [:]
        for (task, runs) in schedule.tasks.enumerated() {
            var subjects = Set<String>()
            for run in runs {
                let items = schedule.items[schedule.runs[run]]
                #expect(Set(items.map(\.rule.id)).count == 1, "a run holds one rule")
                for item in items {
                    let subject = item.subjects[item.index]
                    subjects.insert(subject.fingerprintKey)
                    if let identity = subject.identity {
                        #expect(taskOfResource[identity, default: task] == task, "\(subject.fingerprintKey)")
                        taskOfResource[identity] = task
                    }
                }
            }
            #expect(subjects.count <= schedule.subjectsPerBlock, "task \(task): \(subjects.sorted())")
        }
    }

    @Test("Blocks grow with the plan, leave every core many tasks, and stop at the largest block")
    func blockSize() throws {
        #expect(WorkSchedule.subjectsPerBlock(subjects: 10, cores: 2) == WorkSchedule.smallestBlock)
        #expect(WorkSchedule.subjectsPerBlock(subjects: 3_500, cores: 2) == 109)
        #expect(WorkSchedule.subjectsPerBlock(subjects: 10_500, cores: 2) == WorkSchedule.largestBlock)
        #expect(WorkSchedule.subjectsPerBlock(subjects: 10_500, cores: 0) == WorkSchedule.largestBlock)
        // A schedule over 1,000 resources on two cores: blocks of 31, 33 tasks.
        let rule = try FixtureRunner.rule("AWS-S3-001")
        let resources = (0..<1_000).map { _ in Resource() }
        let schedule = WorkSchedule(
            [rule, rule],
            subjectLists: [resources, resources.reversed()].map { list in
                list.map { Self.subject($0, "r") }
            }, cores: 2)
        #expect(schedule.subjectsPerBlock == 31)
        #expect(schedule.tasks.count == 33)
        #expect(schedule.tasks.count >= 2 * WorkSchedule.tasksPerCore)
        // Each task holds one run of each rule: the reversed list meets the same blocks.
        #expect(schedule.tasks.allSatisfy { $0.count == 2 })
    }

    @Test("Nothing to run gives no runs and no tasks")
    func empty() throws {
        let schedule = WorkSchedule([try FixtureRunner.rule("AWS-S3-001")], subjectLists: [[]])
        #expect(schedule.items.isEmpty && schedule.runs.isEmpty && schedule.tasks.isEmpty)
        #expect(schedule.rulesWithSubjects.isEmpty)
    }

    @Test("The rules compiled before the evaluation are those with subjects, each once, in rule order")
    func rulesWithSubjects() throws {
        let rules = try ["AWS-S3-001", "AWS-S3-002", "AWS-EBS-001", "AWS-EBS-002"].map(FixtureRunner.rule)
        let resources = (0..<3).map { _ in Resource() }
        let some = resources.map { Self.subject($0, "r") }
        let schedule = WorkSchedule(rules, subjectLists: [some, [], some, [some[0]]], cores: 2)
        #expect(schedule.rulesWithSubjects.map(\.id) == ["AWS-S3-001", "AWS-EBS-001", "AWS-EBS-002"])
    }
}
