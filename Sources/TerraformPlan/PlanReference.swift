/// A configuration reference resolved to a full address in this plan.
///
/// `aws_kms_key.cmk.arn` written inside the module instance `module.a["x"]` becomes the address
/// `module.a["x"].aws_kms_key.cmk` with attribute `arn`.
public struct PlanReference: Sendable, Hashable, CustomStringConvertible {
    /// The full address of the referenced resource or data source; without an instance key when
    /// the reference names a whole `count`/`for_each` collection.
    public let address: String
    /// The attribute referenced (`arn`, `id`, or a deeper path), nil when the whole object is.
    public let attribute: String?

    /// Creates a reference.
    public init(address: String, attribute: String?) {
        self.address = address
        self.attribute = attribute
    }

    /// The reference as Terraform would print it: `address.attribute`.
    public var description: String {
        guard let attribute else { return address }
        return address + "." + attribute
    }
}
