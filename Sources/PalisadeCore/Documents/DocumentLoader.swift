import JSON
import TerraformPlan

/// Reads discovered inputs into documents the engine can evaluate.
public enum DocumentLoader {
    /// Reads one input.
    ///
    /// Returns nil for a JSON file found in a directory that is not a plan (it
    /// is skipped, as DESIGN §4 says); every other problem is an error naming the file.
    public static func load(
        _ input: DiscoveredInput, target: String?, changedOnly: Bool
    ) throws(InputError)
        -> (any InputDocument)?
    {
        if input.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputError(
                file: input.path, message: "the file is empty: expected a Terraform plan JSON or a Dockerfile"
            )
        }
        switch input.kind {
        case .plan:
            guard input.foundInDirectory else {
                return PlanDocument(
                    path: input.path, plan: try loadPlan(bytes: input.bytes, path: input.path),
                    changedOnly: changedOnly)
            }
            // In a directory, a *.json that parses but is not a plan is skipped; one that does
            // not parse is an error.
            let document: JSONDocument
            do throws(JSONParseError) {
                document = try JSONDocument.parse(input.bytes)
            } catch {
                throw InputError(
                    file: input.path, line: error.line, column: error.column, message: error.message)
            }
            guard case .plan = PlanDetection.classify(document) else { return nil }
            return PlanDocument(
                path: input.path, plan: try loadPlan(document: document, path: input.path),
                changedOnly: changedOnly)
        case .dockerfile:
            return try DockerfileDocument.load(input, target: target)
        }
    }

    /// Reads a named file or `-` for `palisade parse`.
    public static func load(path: String, target: String?) throws(InputError) -> any InputDocument {
        let (inputs, errors) = InputDiscovery.discover([path])
        if let error = errors.first { throw error }
        guard let input = inputs.first else { throw InputError(file: path, message: "nothing to read") }
        guard inputs.count == 1 else {
            throw InputError(
                file: path, message: "parse reads one file; name a plan JSON file or a Dockerfile")
        }
        guard let document = try load(input, target: target, changedOnly: false) else {
            throw InputError(file: path, message: "not a Terraform plan")
        }
        return document
    }

    static func loadPlan(bytes: [UInt8], path: String) throws(InputError) -> Plan {
        do throws(PlanLoadError) {
            return try Plan.load(bytes: bytes, path: path)
        } catch {
            throw InputError(file: path, line: error.line, column: error.column, message: error.message)
        }
    }

    static func loadPlan(document: JSONDocument, path: String) throws(InputError) -> Plan {
        do throws(PlanLoadError) {
            return try Plan.load(document: document, path: path)
        } catch {
            throw InputError(file: path, line: error.line, column: error.column, message: error.message)
        }
    }
}
