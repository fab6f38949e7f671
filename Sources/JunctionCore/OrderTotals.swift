/// The money of one order line for a quantity, in exact paise.
public struct LineAmounts: Hashable, Sendable {
    public var quantity: Int
    public var sellingPricePerUnit: Paise
    public var discountPerUnit: Paise
    public var shippingChargePerUnit: Paise
    public var giftChargePerUnit: Paise

    public init(quantity: Int, sellingPricePerUnit: Paise, discountPerUnit: Paise,
                shippingChargePerUnit: Paise, giftChargePerUnit: Paise) {
        self.quantity = quantity; self.sellingPricePerUnit = sellingPricePerUnit
        self.discountPerUnit = discountPerUnit; self.shippingChargePerUnit = shippingChargePerUnit
        self.giftChargePerUnit = giftChargePerUnit
    }

    /// Selling price × quantity (selling prices are tax-inclusive and already net of discounts).
    public var itemTotal: Paise { sellingPricePerUnit * quantity }
    public var discountTotal: Paise { discountPerUnit * quantity }
    public var shippingTotal: Paise { shippingChargePerUnit * quantity }
    public var giftTotal: Paise { giftChargePerUnit * quantity }
    /// What the customer pays for the line: items + shipping + gift wrap.
    public var grandTotal: Paise { itemTotal + shippingTotal + giftTotal }
}

/// An order's money: each figure is the exact sum of the same figure over its lines.
public struct OrderTotals: Hashable, Sendable {
    public var itemTotal: Paise = .zero
    public var discountTotal: Paise = .zero
    public var shippingTotal: Paise = .zero
    public var giftTotal: Paise = .zero
    public var grandTotal: Paise = .zero

    public init(_ lines: [LineAmounts]) {
        for line in lines {
            itemTotal += line.itemTotal
            discountTotal += line.discountTotal
            shippingTotal += line.shippingTotal
            giftTotal += line.giftTotal
            grandTotal += line.grandTotal
        }
    }
}
