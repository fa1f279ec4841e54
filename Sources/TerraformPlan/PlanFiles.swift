import Foundation
import JSON

/// Reads plans from files and directories, recognising plans by content rather than by name.
public enum PlanFiles {
    /// Reads the plan in the file at `path`.
    ///
    /// A missing path, a directory, an unreadable file and every content problem are reported
    /// as a one-line ``PlanLoadError`` naming the file.
    public static func load(path: String) throws(PlanLoadError) -> Plan {
        let data = try readFile(path)
        return try data.withUnsafeBytes { buffer in
            Result { () throws(PlanLoadError) in try Plan.load(bytes: buffer, path: path) }
        }.get()
    }

    /// Loads every plan JSON under `directory`, recognised by content, in path order.
    ///
    /// The scan is recursive and skips hidden entries such as `.terraform`. Files that are not
    /// JSON, and JSON that is not a plan, are skipped; a file that is a plan but cannot be loaded
    /// yields its error.
    ///
    /// - Throws: ``PlanLoadError`` when the directory is missing or holds no plan at all.
    public static func loadDirectory(
        _ directory: String
    ) throws(PlanLoadError) -> [Result<Plan, PlanLoadError>] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw PlanLoadError(file: directory, message: "no such file or directory", kind: .fileNotFound)
        }
        guard isDirectory.boolValue else {
            return [Result { () throws(PlanLoadError) in try load(path: directory) }]
        }
        var results: [Result<Plan, PlanLoadError>] = []
        var binaryPlans: [String] = []
        for file in regularFiles(under: directory) {
            guard let data = try? readFile(file) else { continue }
            let outcome: Result<Plan, PlanLoadError>? = data.withUnsafeBytes { buffer in
                if PlanDetection.isBinaryPlan(buffer) {
                    binaryPlans.append(file)
                    return nil
                }
                guard let document = try? JSONDocument.parse(buffer),
                    PlanDetection.classify(document) == .plan
                else {
                    return nil
                }
                return Result { () throws(PlanLoadError) in try Plan.load(document: document, path: file) }
            }
            if let outcome { results.append(outcome) }
        }
        guard !results.isEmpty else {
            var message = "no Terraform plan JSON found in this directory"
            if let binary = binaryPlans.first {
                message += "; \(binary) is a binary plan: run `terraform show -json \(binary) > plan.json`"
            }
            throw PlanLoadError(file: directory, message: message, kind: .noPlanInDirectory)
        }
        return results
    }

    /// The regular files under `directory`, sorted, without hidden files or directories.
    private static func regularFiles(under directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else {
                continue
            }
            files.append(url.path)
        }
        return files.sorted()
    }

    private static func readFile(_ path: String) throws(PlanLoadError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PlanLoadError(file: path, message: "no such file or directory", kind: .fileNotFound)
        }
        guard !isDirectory.boolValue else {
            throw PlanLoadError(file: path, message: "is a directory, not a plan file", kind: .unreadable)
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw PlanLoadError(
                file: path, message: "cannot read the file (permission denied?)", kind: .unreadable)
        }
    }
}
