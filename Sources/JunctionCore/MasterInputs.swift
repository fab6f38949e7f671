/// A location as the admin defines it.
public struct LocationInput: Codable, Sendable, Hashable {
    public var locationCode: String?
    public var name: String?
    public var locationType: String?
    public var address: Address?
    public var gstin: String?
    public var priority: Int?
    public var efsChannelName: String?
    /// One to four letters or digits starting this location's invoice numbers (default: from the code).
    public var invoicePrefix: String?
    /// Whether invoices from here get an e-invoice reference number (IRN); needs a GSTIN.
    public var eInvoicing: FlexBool?
}

/// A validated location.
public struct Location: Codable, Sendable, Hashable {
    public var locationCode: String
    public var name: String
    public var locationType: LocationType
    public var address: Address
    public var gstin: String?
    /// 1 is the highest; smaller numbers are tried first when routing.
    public var priority: Int
    public var efsChannelName: String?
    /// The invoice series prefix as configured; ``invoiceSeriesPrefix`` is the one in use.
    public var invoicePrefix: String?
    /// E-invoicing as configured; nil means off.
    public var eInvoicing: Bool?

    public static let defaultPriority = 100

    /// The prefix of this location's invoice numbers: the configured one, else the first four letters and
    /// digits of the location code.
    public var invoiceSeriesPrefix: String {
        invoicePrefix ?? String(locationCode.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(4))
    }

    /// Whether invoices issued here carry an IRN.
    public var eInvoicingOn: Bool { eInvoicing ?? false }

    public init(locationCode: String, name: String, locationType: LocationType, address: Address, gstin: String?,
                priority: Int = Location.defaultPriority, efsChannelName: String? = nil) {
        self.locationCode = locationCode; self.name = name; self.locationType = locationType; self.address = address
        self.gstin = gstin; self.priority = priority; self.efsChannelName = efsChannelName
    }

    public static func validate(_ input: LocationInput, _ prefix: String, into errors: inout FieldErrors) -> Location? {
        let code = errors.required(input.locationCode, "\(prefix).locationCode")
        let name = errors.required(input.name, "\(prefix).name")
        let type = parseEnum(input.locationType, "\(prefix).locationType", required: true,
                             { LocationType(rawValue: $0.uppercased()) }, names: LocationType.spelledOut, into: &errors)
        if input.address == nil { errors.add("\(prefix).address", "is required") }
        input.address?.check("\(prefix).address", into: &errors)
        if input.address != nil { errors.required(input.address?.state, "\(prefix).address.state") }
        let gstin = errors.optional(input.gstin, "\(prefix).gstin", maxLength: 15)
        if let priority = input.priority, priority < 1 { errors.add("\(prefix).priority", "must be 1 or more") }
        let efs = errors.optional(input.efsChannelName, "\(prefix).efsChannelName")
        let invoicePrefix = input.invoicePrefix.flatMap { text -> String? in
            do {
                return try InvoiceNumbering(prefix: text, financialYear: FinancialYear(startYear: 2000)).prefix
            } catch {
                errors.add("\(prefix).invoicePrefix", "must be 1 to \(InvoiceNumbering.maximumPrefixLength) letters or digits")
                return nil
            }
        }
        let eInvoicing = input.eInvoicing?.value
        if eInvoicing == true && gstin == nil { errors.add("\(prefix).gstin", "is required when eInvoicing is on") }
        if let code, input.invoicePrefix == nil, !code.contains(where: { $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            errors.add("\(prefix).invoicePrefix", "is required: the location code has no letters or digits to derive it from")
        }
        guard let code, let name, let type, let address = input.address else { return nil }
        var location = Location(locationCode: code, name: name, locationType: type, address: address, gstin: gstin,
                                priority: input.priority ?? defaultPriority, efsChannelName: efs)
        location.invoicePrefix = invoicePrefix
        location.eInvoicing = eInvoicing
        return location
    }
}

/// A partner as the admin registers it.
public struct ChannelInput: Decodable, Sendable {
    public var channelName: String?
    public var channelType: String?
    public var locationCodes: [String]?
    public var outbound: JSONValue?

    public func validate() throws -> (name: String, type: ChannelType, locations: [String], outbound: JSONValue) {
        var errors = FieldErrors()
        let name = errors.required(channelName, "channelName")
        if let name, name == "admin" { errors.add("channelName", "admin is reserved") }
        let type = parseEnum(channelType, "channelType", required: true, { ChannelType(rawValue: $0.uppercased()) },
                             names: ChannelType.spelledOut, into: &errors)
        for (index, code) in (locationCodes ?? []).enumerated() { errors.required(code, "locationCodes[\(index)]") }
        if let outbound, case .object = outbound {
            do {
                _ = try OutboundConfig.validate(outbound)
            } catch DomainError.invalid(let problems) {
                errors.add(contentsOf: problems)
            }
        } else if outbound != nil && outbound != .null {
            errors.add("outbound", "must be an object")
        }
        try errors.throwIfAny()
        return (name!, type!, Array(Set(locationCodes ?? [])).sorted(), outbound ?? .object([:]))
    }
}

/// Custom attribute definitions for both levels.
public struct AttributeDefinitionsInput: Codable, Sendable {
    public var orderAttributes: [AttributeDefinitionInput]?
    public var itemAttributes: [AttributeDefinitionInput]?

    public func validate() throws -> [AttributeLevel: [AttributeDefinition]] {
        var errors = FieldErrors()
        var result: [AttributeLevel: [AttributeDefinition]] = [:]
        for (level, list, name) in [(AttributeLevel.order, orderAttributes, "orderAttributes"),
                                    (.item, itemAttributes, "itemAttributes")] {
            guard let list else { continue }
            var seen = Set<String>()
            result[level] = list.enumerated().compactMap { index, item in
                item.validate("\(name)[\(index)]", seen: &seen, into: &errors)
            }
        }
        try errors.throwIfAny()
        return result
    }
}

/// One custom attribute definition as sent.
public struct AttributeDefinitionInput: Codable, Sendable {
    public var key: String?
    public var label: String?
    public var type: String?
    public var values: [String]?
    public var searchable: FlexBool?

    func validate(_ prefix: String, seen: inout Set<String>, into errors: inout FieldErrors) -> AttributeDefinition? {
        let key = errors.required(key, "\(prefix).key")
        if let key {
            if !AttributeDefinition.allowedKeys.contains(key) {
                errors.add("\(prefix).key", "must be attribute1 … attribute10")
            } else if !seen.insert(key).inserted {
                errors.add("\(prefix).key", "\(key) is defined twice")
            }
        }
        let type = parseEnum(type ?? "STRING", "\(prefix).type", required: true,
                             { AttributeType(rawValue: $0.uppercased()) }, names: AttributeType.spelledOut, into: &errors)
        if type == .enumeration, (values ?? []).isEmpty { errors.add("\(prefix).values", "an ENUM needs values") }
        guard let key, let type, AttributeDefinition.allowedKeys.contains(key) else { return nil }
        return AttributeDefinition(key: key, label: label ?? key, type: type,
                                   values: type == .enumeration ? values : nil, searchable: searchable.or(false))
    }
}
