import Policy
import Testing

@testable import PalisadeCore

@Suite("Input kinds")
struct InputKindTests {
    @Test("Every rule input is served by a kind, and fixture file names and kind names are unique")
    func registryIsConsistent() {
        for input in RuleInput.allCases {
            #expect(!InputKinds.serving(input).isEmpty, "no kind reads inputs for \(input.rawValue) rules")
        }
        let fixtureNames = InputKinds.all.map { $0.fixtureFileName }
        #expect(Set(fixtureNames).count == fixtureNames.count)
        let names = InputKinds.all.map { $0.name }
        #expect(Set(names).count == names.count)
    }

    @Test("Content decides a named file's kind; JSON that is neither plan nor state is refused")
    func recognition() throws {
        func kind(_ path: String, _ text: String) throws -> String? {
            let probe = InputProbe(
                DiscoveredInput(path: path, bytes: Array(text.utf8), foundInDirectory: false))
            return try InputKinds.kind(of: probe)?.name
        }
        #expect(try kind("plan.json", #"{"format_version":"1.2","resource_changes":[]}"#) == "plan")
        #expect(try kind("x", #"{"format_version":"1.0","values":{"root_module":{}}}"#) == "state")
        #expect(try kind("build", "FROM alpine:3.20\n") == "dockerfile")
        #expect(try kind("other.json", #"{"a":1}"#) == nil)
        #expect(throws: InputError.self) { try kind("broken.json", "{") }
    }
}
