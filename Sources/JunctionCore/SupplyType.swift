/// Whether a sale stays within one state or crosses a state border, which decides the GST it bears.
public enum SupplyType: String, Hashable, Sendable, Codable {
    /// Supplier and place of supply in the same state: CGST and SGST, half the rate each.
    case intraState
    /// Supplier and place of supply in different states: IGST at the whole rate.
    case interState

    /// The supply type of a sale from a location in `supplier` delivered to `placeOfSupply`.
    public init(supplier: IndianState, placeOfSupply: IndianState) {
        self = supplier == placeOfSupply ? .intraState : .interState
    }
}
