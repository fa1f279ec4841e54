import Policy

/// Domain functions over the plan index (filled in with the plan model).
enum PlanFunctions {
    static let overloads: [FunctionOverload] = []
}
