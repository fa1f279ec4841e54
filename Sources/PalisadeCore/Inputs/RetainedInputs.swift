/// Inputs deliberately never freed, by a command that exits right after using them.
///
/// Freeing a large plan's tree node by node costs about a third of parsing it (json-c frees
/// every object and string one by one), and the operating system reclaims the memory at exit
/// for nothing: `parse --check` of a 3,500-resource plan spent 370 M of its 880 M instructions
/// freeing the plan.
public final class RetainedInputs: Sendable {
    private let documents: [any InputDocument]

    private init(documents: [any InputDocument]) {
        self.documents = documents
    }

    /// Keeps `documents` alive until the process exits.
    public static func keepUntilExit(_ documents: [any InputDocument]) {
        _ = Unmanaged.passRetained(RetainedInputs(documents: documents))
    }
}
