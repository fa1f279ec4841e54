import Foundation

/// Validates YAML documents against docs/schemas/rule.schema.json with python3's `jsonschema`.
///
/// The schema is for editors and other tools; checking it with an independent implementation
/// keeps it honest about the format the Swift loader accepts.
enum RuleSchemaValidator {
    /// Reads `{"schema": path, "documents": {name: yaml}}` on stdin and prints `{name: [errors]}`.
    private static let script = """
        import json, sys
        import jsonschema, yaml
        request = json.load(sys.stdin)
        schema = json.load(open(request["schema"]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        result = {}
        for name, text in request["documents"].items():
            try:
                document = yaml.safe_load(text)
            except Exception as error:
                result[name] = ["YAML: " + str(error).splitlines()[0]]
                continue
            result[name] = [error.message for error in validator.iter_errors(document)]
        json.dump(result, sys.stdout)
        """

    /// Schema errors per document name; an empty list means the document is valid.
    static func validate(_ documents: [String: String]) throws -> [String: [String]] {
        let request: [String: Any] = ["schema": RuleFileTestSupport.schemaPath, "documents": documents]
        let input = try JSONSerialization.data(withJSONObject: request)
        let result = try run(arguments: ["-c", script], input: input)
        guard result.status == 0,
            let decoded = try JSONSerialization.jsonObject(with: result.output) as? [String: [String]]
        else {
            throw ValidatorFailure(
                status: result.status, output: String(decoding: result.output, as: UTF8.self))
        }
        return decoded
    }

    /// python3 exited abnormally (for example, the schema itself is invalid).
    struct ValidatorFailure: Error {
        let status: Int32
        let output: String
    }

    private static func run(arguments: [String], input: Data) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
