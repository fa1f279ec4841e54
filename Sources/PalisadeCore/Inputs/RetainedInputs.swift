/// Inputs deliberately never freed, by a command that exits right after using them.
///
/// Freeing a large plan object by object is work the operating system does for nothing at
/// exit: when json-c held the tree, `parse --check` of a 3,500-resource plan spent 370 M of its
/// 880 M instructions freeing the plan. The JSON tree is now a few arena chunks, but the plan's
/// resources, views and indexes are still many small objects.
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
