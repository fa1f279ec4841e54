import PalisadeCore
import Policy

/// The variables a plan rule sees.
let environment = Environment(variables: ["resource", "params", "item"], functions: RulePack.functions)

/// Compiles and evaluates one fuzzed policy expression; never a crash, a hang or unbounded memory.
///
/// A small document to evaluate against: nested maps and lists, every scalar kind, an unknown
/// and an error.
let attributes: Value = .map([
    "type": .string("aws_s3_bucket"), "name": .string("logs"), "count": .int(3),
    "ratio": .double(0.5), "enabled": .bool(true), "nothing": .null,
    "tags": .map(["Name": .string("logs"), "env": .string("prod")]),
    "cidr_blocks": .list([.string("0.0.0.0/0"), .string("10.0.0.0/8"), .string("::/0")]),
    "rules": .list([.map(["from_port": .int(22), "to_port": .int(22)]), .map(["from_port": .int(0)])]),
    "arn": .unknown(UnknownCause(path: "arn", computed: true)),
])

/// The resource as plan rules see it (attributes under `values`), and one `item` of an `each`.
let bindings = Bindings(
    [
        "resource": .map([
            "type": .string("aws_s3_bucket"), "address": .string("aws_s3_bucket.logs"), "values": attributes,
        ]),
        "params": .map(["allowed": .list([.string("a"), .string("b")]), "max": .int(10)]),
        "item": attributes,
    ],
    stepBudget: 100_000)

/// Compiles and evaluates one fuzzed policy expression with a small step budget.
///
/// Any text is a value or a `PolicyError`: never a crash, a hang or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicyExpression(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    if let expression = try? Expression.compile(source, environment: environment) {
        _ = expression.evaluate(bindings)
    }
    return 0
}
