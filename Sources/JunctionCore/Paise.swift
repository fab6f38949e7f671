import Foundation

/// An exact amount of money in Indian paise (1/100 rupee).
///
/// Money never travels as `Double` inside Junction: amounts arrive as JSON numbers in rupees, are read as
/// `Decimal`, rounded once to the nearest paisa (half away from zero) and kept as integers from then on.
public struct Paise: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in paise.
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static let zero = Paise(0)
    /// The largest amount accepted from a partner: ₹10,000 crore.
    public static let limit = Paise(10_000_000_000_000)

    /// Converts a rupee amount, rounding to the nearest paisa (half away from zero).
    public init?(rupees: Decimal) {
        guard rupees.isFinite else { return nil }
        var scaled = rupees * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        let number = NSDecimalNumber(decimal: rounded)
        guard abs(number.doubleValue) <= Double(Paise.limit.value) else { return nil }
        self.value = number.int64Value
    }

    /// The amount in rupees, exact.
    public var rupees: Decimal { Decimal(value) / 100 }

    public static func < (lhs: Paise, rhs: Paise) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Paise, rhs: Paise) -> Paise { Paise(lhs.value + rhs.value) }
    public static func - (lhs: Paise, rhs: Paise) -> Paise { Paise(lhs.value - rhs.value) }
    public static func * (lhs: Paise, rhs: Int) -> Paise { Paise(lhs.value * Int64(rhs)) }

    /// "560.00" style text.
    public var description: String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension Paise: Codable {
    /// Reads a rupee amount given as a JSON number or numeric string.
    ///
    /// A number with at most two decimals (nearly every price) is read through `Double`: when the nearest
    /// whole number of paise, divided back, gives the same `Double`, the text named exactly that amount. Any
    /// other number goes through `Decimal` and is rounded half away from zero.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let double = try? container.decode(Double.self), double.magnitude <= Double(Paise.limit.value) / 100 {
            let paise = (double * 100).rounded()
            if paise / 100 == double {
                self.init(Int64(paise))
                return
            }
        }
        let rupees: Decimal
        if let number = try? container.decode(Decimal.self) {
            rupees = number
        } else {
            let text = try container.decode(String.self)
            guard let parsed = Decimal(string: text.trimmingCharacters(in: .whitespaces)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a number")
            }
            rupees = parsed
        }
        guard let amount = Paise(rupees: rupees) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "amount out of range")
        }
        self = amount
    }

    /// Writes the rupee amount as a JSON number with at most two decimals. Up to ₹10^13 a `Double` prints
    /// exactly those digits (fewer than 16 significant ones) and is much cheaper to write than a `Decimal`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if value.magnitude <= UInt64(Self.exactDoubleRupees * 100) {
            try container.encode(Double(value) / 100)
        } else {
            try container.encode(rupees)
        }
    }

    /// Rupee amounts up to here have at most 15 significant digits with their paise, so `Double` keeps them
    /// exactly apart.
    private static let exactDoubleRupees: Double = 10_000_000_000_000
}
