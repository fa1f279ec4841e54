import JSON
import TerraformPlan

/// One input on its way to a kind: its bytes, and what the kinds learned reading it.
///
/// Kinds are asked in turn whether they recognise the input; the probe keeps what an earlier one
/// parsed, so a plan of a gigabyte is parsed once whichever kind takes it.
public final class InputProbe {
    /// The discovered file.
    public let input: DiscoveredInput
    private var terraformJSON: Result<JSONDocument, InputError>?

    /// Creates a probe over a discovered input.
    public init(_ input: DiscoveredInput) {
        self.input = input
    }

    /// True when the input starts like a zip archive, as a binary `terraform plan -out` file does.
    public var isZipArchive: Bool {
        input.bytes.withUnsafeBytes { PlanDetection.isBinaryPlan($0) }
    }

    /// True when the input is JSON by name (`*.json`, so a broken one gets a JSON error) or, for
    /// a named file, by its first significant byte.
    public var isJSON: Bool {
        if input.path.hasSuffix(".json") { return true }
        var index = 0
        let bytes = input.bytes
        // Skip a BOM of any width and the zero bytes of UTF-16/32 so `{` is seen.
        while index < bytes.count, index < 4096 {
            switch bytes[index] {
            case 0, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF, 0x20, 0x0A, 0x0D, 0x09:
                index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return true
            default:
                return false
            }
        }
        return false
    }

    /// The input parsed as `terraform show -json` output, once; JSON errors name the position.
    public func terraformDocument() throws(InputError) -> JSONDocument {
        if let terraformJSON { return try terraformJSON.get() }
        let path = input.path
        let result = input.bytes.withUnsafeBytes { bytes in
            Result { () throws(InputError) in
                do throws(PlanLoadError) {
                    return try TerraformJSON.parse(bytes: bytes, path: path)
                } catch {
                    throw InputError(
                        file: path, line: error.line, column: error.column, message: error.message)
                }
            }
        }
        terraformJSON = result
        return try result.get()
    }

    /// What the Terraform JSON is (plan, state, other), parsing it if no kind did yet.
    public func terraformClassification() throws(InputError) -> PlanDetection.Classification {
        PlanDetection.classify(try terraformDocument())
    }
}
