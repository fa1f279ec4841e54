import Policy

/// Domain functions over the Dockerfile document (filled in with the Dockerfile model).
enum DockerfileFunctions {
    static let overloads: [FunctionOverload] = []
}
