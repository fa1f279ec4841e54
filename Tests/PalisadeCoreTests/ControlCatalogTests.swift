import PackGeneration
import Policy
import Testing

@testable import PalisadeCore

/// The control catalogue (`controls/*.yaml`): embedded fresh, complete for the scope the
/// evidence report names, and holding every control a rule cites.
@Suite("Control catalogue")
struct ControlCatalogTests {
    static func catalog() throws -> ControlCatalog { try ControlCatalog.builtIn() }

    @Test("The embedded catalogue matches controls/ (regenerate with `swift run palisade generate-controls`)")
    func embeddedCatalogueIsFresh() throws {
        let folder = RepositoryPaths.root + "/" + ControlCatalogGenerator.catalogFolder
        let expected = try ControlCatalogGenerator.render(try ControlCatalogGenerator.collect(folder: folder))
        let committed = String(
            decoding: try FileSystem.read(RepositoryPaths.root + "/" + ControlCatalogGenerator.outputPath),
            as: UTF8.self)
        #expect(
            committed == expected,
            "\(ControlCatalogGenerator.outputPath) is stale: run `\(ControlCatalogGenerator.command)` from the repository root and commit it"
        )
    }

    @Test("Every control a built-in rule cites is in the catalogue, and none of them is manual")
    func everyCitedControlIsCatalogued() throws {
        let catalog = try Self.catalog()
        let definitions = try RulePack.builtInDefinitions()
        var cited = 0
        for definition in definitions {
            for reference in definition.controls.map(\.description) {
                cited += 1
                let found = catalog.lookup(reference)
                #expect(
                    found != nil,
                    "\(definition.id) cites \(reference), which controls/ does not hold: add it to the framework's file and run `\(ControlCatalogGenerator.command)`"
                )
                #expect(
                    found?.control.manual == nil,
                    "\(reference) is marked manual in controls/, but \(definition.id) checks it: remove `manual:`"
                )
            }
        }
        #expect(cited > 100)
    }

    @Test("The catalogue holds the scope the evidence report names, with short titles")
    func scopeIsComplete() throws {
        let catalog = try Self.catalog()
        func ids(_ framework: String) -> [String] {
            catalog.frameworks.first { $0.framework == framework }?.controls.map(\.id) ?? []
        }
        let nist =
            (1...5).map { "4.1.\($0)" } + (1...3).map { "4.2.\($0)" } + (1...5).map { "4.3.\($0)" }
            + (1...5).map { "4.4.\($0)" } + (1...5).map { "4.5.\($0)" } + ["4.6"]
        #expect(ids("NIST-800-190") == nist)
        #expect(ids("CIS-DOCKER") == (1...12).map { "4.\($0)" } + (1...31).map { "5.\($0)" })
        let aws =
            (1...22).map { "1.\($0)" } + [
                "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.3.1", "2.3.2", "2.3.3", "2.4.1",
            ]
            + (1...9).map { "3.\($0)" } + (1...16).map { "4.\($0)" } + (1...6).map { "5.\($0)" }
        #expect(ids("CIS-AWS") == aws)
        for framework in catalog.frameworks {
            #expect(!framework.scope.isEmpty && !framework.version.isEmpty)
            for control in framework.controls {
                #expect(!control.title.hasSuffix("."), "\(control.id): title ends with a period")
                #expect(control.title.count <= 90, "\(framework.framework):\(control.id): title too long")
                if let manual = control.manual {
                    #expect(manual.hasSuffix("."), "\(control.id): the manual reason is a sentence")
                    #expect(
                        !manual.dropLast().contains(". "), "\(control.id): the manual reason is one sentence")
                }
            }
        }
    }

    @Test("A reference resolves by framework and id, with an edition only when it matches")
    func lookup() throws {
        let catalog = try Self.catalog()
        #expect(catalog.lookup("CIS-AWS:2.1.4")?.control.id == "2.1.4")
        #expect(catalog.lookup("CIS-AWS-3.0:2.1.4")?.control.id == "2.1.4")
        #expect(catalog.lookup("CIS-AWS-1.4:2.1.4") == nil)
        #expect(catalog.lookup("NIST-800-190:4.4.3")?.framework.framework == "NIST-800-190")
        #expect(catalog.lookup("CIS-DOCKER:9.9") == nil)
        #expect(catalog.lookup("no colon") == nil)
    }

    @Test(
        "A broken catalogue file is an error naming the file and line",
        arguments: [
            (
                "framework: X\nname: n\nversion: \"1\"\nscope: s\ncontrols:\n  - id: \"1\"\n    title: t\n  - id: \"1\"\n    title: u\n",
                "listed twice", 8
            ),
            (
                "framework: X\nname: n\nversion: \"1\"\nscope: s\ncontrols:\n  - id: \"1\"\n",
                "non-empty id and title", 6
            ),
            (
                "framework: X\nname: n\nversion: \"1\"\nscope: s\ncontrols:\n  - id: \"1\"\n    title: t\n    why: x\n",
                "unknown field", 6
            ),
            (
                "framework: X\nname: n\nversion: \"1\"\nscope: s\ncontrols:\n  - id: \"1\"\n    title: t\n    manual: \"\"\n",
                "manual must say why", 6
            ),
        ])
    func brokenFile(text: String, problem: String, line: Int) {
        #expect {
            try ControlCatalog.parse([(path: "controls/x.yaml", contents: text)])
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file == "controls/x.yaml" && error.line == line && error.message.contains(problem)
        }
        #expect(throws: InputError.self) {
            try ControlCatalog.parse([(path: "controls/x.yaml", contents: "framework: X\n")])
        }
    }
}
