/// An attribute path such as `ingress[0].cidr_blocks[1]`, split into its steps once.
///
/// A function that reads the same path of many resources (a join reads its attribute of every
/// candidate) parses it once rather than once per resource.
public struct AttributePath: Sendable {
    let segments: [AddressSyntax.Segment]

    /// The steps of `text`; nil when it does not parse as a traversal.
    public init?(_ text: String) {
        guard let segments = AddressSyntax.segments(text) else { return nil }
        self.segments = segments
    }
}
