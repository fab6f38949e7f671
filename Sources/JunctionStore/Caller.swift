import JunctionCore

/// Who is calling: the admin, or one partner (a channel, ERP, EFS, POS or aggregator).
public enum Caller: Sendable, Hashable {
    case admin
    case partner(name: String, type: ChannelType)

    public var isAdmin: Bool { self == .admin }

    /// The partner's channel name, `nil` for the admin.
    public var partnerName: String? {
        if case .partner(let name, _) = self { return name }
        return nil
    }

    /// The channel a call acts for: the partner's own, or the one an admin names.
    public func channel(named requested: String?, field: String = "channelName") throws -> String {
        switch self {
        case .partner(let name, _):
            if let requested, !requested.isEmpty, requested != name {
                throw DomainError.forbidden("credentials of \(name) cannot act for channel \(requested)")
            }
            return name
        case .admin:
            guard let requested, !requested.isEmpty else {
                throw DomainError.invalid(field, "is required when the admin calls")
            }
            return requested
        }
    }

    /// Only the admin may do this.
    public func requireAdmin() throws {
        guard isAdmin else { throw DomainError.forbidden("only the admin may do this") }
    }
}

extension Caller {
    /// Whether the caller works with a location so tied to it: the admin with all, a partner by
    /// ``LocationTies/reachable(by:)``.
    func reaches(_ ties: LocationTies) -> Bool {
        guard let partner = partnerName else { return true }
        return ties.reachable(by: partner)
    }
}
