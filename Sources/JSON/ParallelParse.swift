import CJSONC
import CJSONTree
import Parallel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds the tree of a big root object on every core, building only the members the caller
/// keeps.
///
/// ``JSONValidator`` checks the whole text first and records where each root member, and each
/// element of a member that is an array, lies. Each kept member value is then built in an arena
/// of its own (``JSONTreeBuilder``); a big array is cut into runs of elements of about equal
/// size, each built as one array whose elements are copied into the whole array afterwards. The
/// root is assembled in document order with `pal_json_make_object`, which treats keys as the
/// builder does, so keys, order and duplicate keys (the first position keeps the last value)
/// come out as in one build.
enum ParallelParse {
    /// The tuning of one parse; tests shrink the sizes to drive small inputs through every path.
    struct Options {
        /// Inputs smaller than this many bytes are built in one go, on one core.
        var threshold = 1 << 20
        /// The smallest run of array elements, in bytes, built as one task; nil picks it from
        /// the input size and the number of cores.
        var chunkBytes: Int?
        /// Bytes that begin an element of the root's biggest array, for validating on two cores
        /// (``JSONValidator/validateSplitting(_:maximumDepth:elementStart:minimumSize:)``).
        var elementStart: [UInt8]?
    }

    /// The active cores (`concurrentPerform` runs on as many threads), asked once: the answer
    /// can take a few system calls, and small parses never need it.
    private static let activeProcessorCount = ProcessInfo.processInfo.activeProcessorCount

    /// One unit of work: a member value, or a run of its elements when it is a big array.
    private struct Task: Sendable {
        let member: Int
        /// Element indices for a run of a split array; nil for the whole value.
        let elements: Range<Int>?
        let byteCount: Int
        /// An omitted member that a strict parse still scans (``StrictJSON``) but never builds.
        var checkOnly = false
    }

    /// A built tree and, for a strict parse, the first problem ``StrictJSON`` found.
    struct Parsed {
        let tree: JSONDocument.Tree
        let problem: StrictJSON.Problem?
    }

    /// Parses `utf8` (no BOM) as a root object without the members `omit` names.
    ///
    /// A `strict` parse also runs ``StrictJSON`` over every member, omitted ones included, each
    /// on the core that parsed it, while its bytes are still in cache.
    ///
    /// - Returns: the tree, with the first strict problem; nil when the text is invalid, is not
    ///   an object, or the builder declines a part, in which case the caller parses it in one go
    ///   to report the error exactly as json-c sees it.
    static func parse(
        _ utf8: UnsafeRawBufferPointer, maximumDepth: Int, options: Options, strict: Bool = false,
        omitting omit: ([JSONTopLevelMember]) -> Set<String>
    ) -> Parsed? {
        guard let base = utf8.baseAddress,
            let layout = options.elementStart.map({
                JSONValidator.validateSplitting(utf8, maximumDepth: maximumDepth, elementStart: $0)
            }) ?? JSONValidator.validate(utf8, maximumDepth: maximumDepth),
            layout.rootIsObject
        else { return nil }
        let members = layout.members
        var keys: [[CChar]] = []
        keys.reserveCapacity(members.count)
        for member in members {
            guard let key = JSONTreeBuilder.decodeKey(UnsafeRawBufferPointer(rebasing: utf8[member.key]))
            else { return nil }
            keys.append(key)
        }
        let omitted = omit(describe(members, keys: keys, in: utf8))
        let kept = members.indices.filter { !omitted.contains(text(of: keys[$0])) }
        var tasks = plan(kept.map { (index: $0, member: members[$0]) }, options: options)
        if strict {
            tasks += members.indices.filter { omitted.contains(text(of: keys[$0])) }.map {
                Task(member: $0, elements: nil, byteCount: members[$0].value.count, checkOnly: true)
            }
        }

        // The validator has held every value to the nesting limit; the builder needs none.
        let input = SharedInput(base: base, count: utf8.count, layout: layout)
        var results = tasks.parallelMap { parse($0, input: input, strict: strict) }
        // From here the arenas belong to the tree (or are freed with it on failure).
        guard results.allSatisfy(\.succeeded), let arena = pal_json_arena_new() else {
            release(&results)
            return nil
        }
        let tree = JSONDocument.Tree(root: nil, arenas: [arena] + results.compactMap(\.arena))
        var problem: StrictJSON.Problem?
        if strict {
            let rootDuplicate = StrictJSON.firstRootDuplicate(
                keys: members.map(\.key), values: members.map(\.value), in: utf8)
            problem = (results.compactMap(\.problem) + [rootDuplicate].compactMap { $0 }).min {
                $0.offset < $1.offset
            }
        }
        guard
            let root = assemble(
                kept: kept, keys: keys, layout: layout, tasks: tasks, results: results, in: arena)
        else { return nil }
        guard tree.replaceRoot(root) else { return nil }
        return Parsed(tree: tree, problem: problem)
    }

    /// Cuts the kept members into tasks, biggest first so the long ones start early.
    private static func plan(_ kept: [(index: Int, member: JSONLayout.Member)], options: Options) -> [Task] {
        let keptBytes = kept.reduce(0) { $0 + $1.member.value.count }
        // About eight runs per core, so a core that finishes early takes over the remaining ones.
        let chunkBytes = max(
            1, options.chunkBytes ?? max(256 << 10, keptBytes / max(1, activeProcessorCount * 8)))
        var tasks: [Task] = []
        for (index, member) in kept {
            guard member.elements.count > 1, member.value.count > chunkBytes else {
                tasks.append(Task(member: index, elements: nil, byteCount: member.value.count))
                continue
            }
            var runStart = 0
            while runStart < member.elements.count {
                var runEnd = runStart + 1
                while runEnd < member.elements.count,
                    member.elements[runEnd - 1].upperBound - member.elements[runStart].lowerBound < chunkBytes
                {
                    runEnd += 1
                }
                let bytes = member.elements[runEnd - 1].upperBound - member.elements[runStart].lowerBound
                tasks.append(Task(member: index, elements: runStart..<runEnd, byteCount: bytes))
                runStart = runEnd
            }
        }
        // Stable for equal sizes, so the runs of one array stay in order among themselves.
        return tasks.enumerated().sorted {
            $0.element.byteCount != $1.element.byteCount
                ? $0.element.byteCount > $1.element.byteCount : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Builds one task, then scans it when the parse is strict.
    private static func parse(_ task: Task, input: SharedInput, strict: Bool) -> ParsedTask {
        var parsed =
            task.checkOnly ? ParsedTask(nil, arena: nil, true) : parse(task, input: input)
        if strict, parsed.succeeded {
            let member = input.layout.members[task.member]
            let range =
                task.elements.map {
                    member.elements[$0.lowerBound].lowerBound..<member.elements[$0.upperBound - 1].upperBound
                } ?? member.value
            parsed.problem = StrictJSON.firstProblem(
                in: UnsafeRawBufferPointer(start: input.base, count: input.count), range: range)
        }
        return parsed
    }

    /// Builds one task in an arena of its own.
    ///
    /// The validator has accepted every byte of the text, UTF-8 included, before any task runs.
    private static func parse(_ task: Task, input: SharedInput) -> ParsedTask {
        guard let arena = pal_json_arena_new() else { return ParsedTask(nil, arena: nil, false) }
        let member = input.layout.members[task.member]
        let range =
            task.elements.map {
                member.elements[$0.lowerBound].lowerBound..<member.elements[$0.upperBound - 1].upperBound
            } ?? member.value
        let text = UnsafeRawBufferPointer(start: input.base + range.lowerBound, count: range.count)
        guard let node = JSONTreeBuilder.build(text, elementsOnly: task.elements != nil, in: arena),
            task.elements.map({ Int(node.count) == $0.count }) ?? true
        else {
            pal_json_arena_free(arena)
            return ParsedTask(nil, arena: nil, false)
        }
        return ParsedTask(node, arena: arena, true)
    }

    /// The root object of the parsed values, in document order, in `arena`.
    private static func assemble(
        kept: [Int], keys: [[CChar]], layout: JSONLayout, tasks: [Task], results: [ParsedTask],
        in arena: OpaquePointer
    ) -> pal_json_node? {
        var wholeValue: [Int: Int] = [:]
        var runs: [Int: [(first: Int, task: Int)]] = [:]
        for (position, task) in tasks.enumerated() where !task.checkOnly {
            if let elements = task.elements {
                runs[task.member, default: []].append((elements.lowerBound, position))
            } else {
                wholeValue[task.member] = position
            }
        }
        var members: [pal_json_member] = []
        members.reserveCapacity(kept.count)
        for index in kept {
            let value: pal_json_node
            if let position = wholeValue[index], let node = results[position].node {
                value = node
            } else {
                let memberRuns = (runs[index] ?? []).sorted { $0.first < $1.first }.map(\.task)
                guard
                    let joined = join(
                        memberRuns, count: layout.members[index].elements.count, results, in: arena)
                else { return nil }
                value = joined
            }
            guard
                let member = keys[index].withUnsafeBufferPointer({
                    JSONTreeBuilder.member(
                        key: UnsafeBufferPointer(rebasing: $0.dropLast()), value: value, in: arena)
                })
            else { return nil }
            members.append(member)
        }
        return JSONTreeBuilder.object(members, in: arena)
    }

    /// One array of the elements of the built runs, in order.
    private static func join(
        _ positions: [Int], count: Int, _ results: [ParsedTask], in arena: OpaquePointer
    ) -> pal_json_node? {
        var elements: [pal_json_node] = []
        elements.reserveCapacity(count)
        for position in positions {
            guard let run = results[position].node, let first = run.as.elements else { return nil }
            elements.append(contentsOf: UnsafeBufferPointer(start: first, count: Int(run.count)))
        }
        guard elements.count == count else { return nil }
        return JSONTreeBuilder.array(elements, in: arena)
    }

    /// The members as the caller sees them: each key once, at its first position, with the
    /// kind of its last value (the one json-c keeps).
    private static func describe(
        _ members: [JSONLayout.Member], keys: [[CChar]], in utf8: UnsafeRawBufferPointer
    ) -> [JSONTopLevelMember] {
        var described: [JSONTopLevelMember] = []
        // By json-c's own key bytes: two keys that differ only in invalid UTF-8 are two members.
        var positions: [[CChar]: Int] = [:]
        for (index, member) in members.enumerated() {
            let key = JSONTopLevelMember(
                key: text(of: keys[index]), valueKind: valueKind(startingWith: utf8[member.value.lowerBound]))
            if let position = positions[keys[index]] {
                described[position] = key
            } else {
                positions[keys[index]] = described.count
                described.append(key)
            }
        }
        return described
    }

    /// A NUL-terminated key as a Swift string, repaired like `String(cString:)` repairs it.
    private static func text(of key: [CChar]) -> String {
        String(decoding: key.dropLast().lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func valueKind(startingWith byte: UInt8) -> JSONTopLevelMember.ValueKind {
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .boolean
        case UInt8(ascii: "n"): return .null
        default: return .number
        }
    }

    /// The read-only input every worker reads.
    ///
    /// `@unchecked Sendable` is safe: the bytes and layout are never written while the workers
    /// run, and the caller keeps the bytes alive until they have all finished.
    private struct SharedInput: @unchecked Sendable {
        let base: UnsafeRawPointer
        let count: Int
        let layout: JSONLayout
    }

    /// What one worker built: a node whose parts lie in the worker's arena, and whether the
    /// build held.
    ///
    /// `@unchecked Sendable` is safe: the arena is filled by one worker and handed over whole;
    /// nothing else touches it until the caller takes it after every worker has finished.
    private struct ParsedTask: @unchecked Sendable {
        let node: pal_json_node?
        let arena: OpaquePointer?
        let succeeded: Bool
        /// The first strict problem in the task's bytes, for a strict parse.
        var problem: StrictJSON.Problem?

        init(_ node: pal_json_node?, arena: OpaquePointer?, _ succeeded: Bool) {
            self.node = node
            self.arena = arena
            self.succeeded = succeeded
        }
    }

    /// Frees the arenas of the built tasks, when no tree takes them.
    private static func release(_ results: inout [ParsedTask]) {
        for result in results {
            if let arena = result.arena { pal_json_arena_free(arena) }
        }
        results = []
    }
}
