import Foundation

/// Validates JSON against the committed report schema with python3's `jsonschema` package
/// (Draft 2020-12), the reference implementation other tools will use to read our reports.
enum SchemaValidator {
    /// The validation script: schema path in argv[1], instance path in argv[2]; prints one line
    /// per error.
    private static let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        instance = json.load(open(sys.argv[2], encoding="utf-8"))
        errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            print("/".join(str(part) for part in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """

    /// Schema violations of `json` (empty when valid), or one line describing why it could not run.
    static func violations(
        of json: String, schema relativeSchema: String = TestPaths.reportSchema
    ) -> [String] {
        let schema = TestPaths.absolute(relativeSchema)
        let instance = FileManager.default.temporaryDirectory
            .appendingPathComponent("palisade-report-\(UUID().uuidString).json").path
        guard FileManager.default.createFile(atPath: instance, contents: Data(json.utf8)) else {
            return ["could not write \(instance)"]
        }
        defer { try? FileManager.default.removeItem(atPath: instance) }
        guard let result = run(["-c", script, schema, instance]) else {
            return ["python3 could not be started"]
        }
        if result.status == 0 { return [] }
        let lines = result.output.split(separator: "\n").map(String.init)
        return lines.isEmpty ? ["the validator exited with status \(result.status)"] : lines
    }

    /// Runs python3 with stdout and stderr on one pipe, read to the end before waiting.
    private static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
