/// A postal address as every Increff payload carries it.
public struct Address: Hashable, Sendable, Codable {
    public var name: String?
    public var line1: String?
    public var line2: String?
    public var line3: String?
    public var city: String?
    public var state: String?
    public var zip: String?
    public var country: String?
    public var email: String?
    public var phone: String?

    public init(name: String? = nil, line1: String? = nil, line2: String? = nil, line3: String? = nil,
                city: String? = nil, state: String? = nil, zip: String? = nil, country: String? = nil,
                email: String? = nil, phone: String? = nil) {
        self.name = name; self.line1 = line1; self.line2 = line2; self.line3 = line3; self.city = city
        self.state = state; self.zip = zip; self.country = country; self.email = email; self.phone = phone
    }

    /// Checks lengths (the newest Increff table marks every sub-field optional, so presence is not required).
    public func check(_ prefix: String, into errors: inout FieldErrors) {
        let fields: [(String, String?)] = [
            ("name", name), ("line1", line1), ("line2", line2), ("line3", line3), ("city", city),
            ("state", state), ("zip", zip), ("country", country), ("email", email), ("phone", phone),
        ]
        for (key, value) in fields { errors.optional(value, "\(prefix).\(key)") }
    }
}
