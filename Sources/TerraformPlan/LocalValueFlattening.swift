/// Replaces, in the references of a module's local values, every `local.` reference by the
/// references of that local, so that resolving a local never follows another.
///
/// Locals are a graph (a local names others); its strongly connected components are found with
/// Tarjan's algorithm, walked without recursion, and each component's references are built once
/// from its members' own references and those of the components it names, which Tarjan's order
/// has already built. Every local of a component gets the same list: locals defined in a cycle
/// (which Terraform refuses, but the files read need not be the ones planned) end, and the work
/// is linear in the graph, not quadratic in a chain of locals.
enum LocalValueFlattening {
    /// How many references one local may stand for; a local past it is left out (resolved as if
    /// its files were not read), so a configuration built to be large cannot make every
    /// resolution slow.
    static let maximumReferences = 1024

    /// The flattened references of every local of `locals` (name to references as a plan writes
    /// them); a local past ``maximumReferences``, or made of one, is absent.
    static func flatten(_ locals: [String: [String]]) -> [String: [String]] {
        let names = locals.keys.sorted()
        let indexOf = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        var own = [[String]](repeating: [], count: names.count)
        var edges = [[Int]](repeating: [], count: names.count)
        for (index, name) in names.enumerated() {
            var named = Set<Int>()
            for text in locals[name] ?? [] {
                guard text.hasPrefix("local.") else {
                    own[index].append(text)
                    continue
                }
                // `local.a.b` and its shorter form `local.a` both name local `a`.
                let other = String(text.dropFirst("local.".count).prefix { $0 != "." && $0 != "[" })
                if let target = indexOf[other], named.insert(target).inserted { edges[index].append(target) }
            }
        }
        let components = stronglyConnectedComponents(edges)
        var componentOf = [Int](repeating: 0, count: names.count)
        for (component, members) in components.enumerated() {
            for member in members { componentOf[member] = component }
        }
        // Tarjan's algorithm emits a component after every component it reaches.
        var built = [[String]?](repeating: nil, count: components.count)
        for (component, members) in components.enumerated() {
            var texts: [String] = []
            var seen = Set<String>()
            var fits = true
            for member in members {
                for text in own[member] where seen.insert(text).inserted { texts.append(text) }
            }
            for member in members {
                for target in edges[member] where componentOf[target] != component {
                    guard let reached = built[componentOf[target]] else {
                        fits = false
                        break
                    }
                    for text in reached where seen.insert(text).inserted { texts.append(text) }
                }
            }
            built[component] = fits && texts.count <= maximumReferences ? texts : nil
        }
        var result: [String: [String]] = [:]
        for (index, name) in names.enumerated() {
            if let texts = built[componentOf[index]] { result[name] = texts }
        }
        return result
    }

    /// The strongly connected components of the graph `edges` (node to the nodes it names), each
    /// listed in ascending node order, in Tarjan's order: a component after all it reaches.
    static func stronglyConnectedComponents(_ edges: [[Int]]) -> [[Int]] {
        let count = edges.count
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        // The walk's own stack: a node and the position of the next edge to follow from it.
        var work: [(node: Int, edge: Int)] = []
        for root in 0..<count where index[root] < 0 {
            work.append((root, 0))
            while let (node, edge) = work.last {
                if edge == 0 {
                    index[node] = nextIndex
                    lowLink[node] = nextIndex
                    nextIndex += 1
                    stack.append(node)
                    onStack[node] = true
                }
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let target = edges[node][edge]
                    if index[target] < 0 {
                        work.append((target, 0))
                    } else if onStack[target] {
                        lowLink[node] = min(lowLink[node], index[target])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                var members: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    members.append(member)
                    if member == node { break }
                }
                components.append(members.sorted())
            }
        }
        return components
    }
}
