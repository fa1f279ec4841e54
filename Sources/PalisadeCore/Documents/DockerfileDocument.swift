/// A Dockerfile as the engine sees it (wired to the Dockerfile model).
struct DockerfileDocument {
    static func load(_ input: DiscoveredInput, target: String?) throws(InputError) -> (any InputDocument)? {
        throw InputError(file: input.path, message: "Dockerfile support is not built yet")
    }
}
