/// What ties a location to one partner: whether the partner's channel lists it, and which partner, if any,
/// fulfils there as an external fulfilment service (EFS).
public struct LocationTies: Sendable, Hashable {
    public var listedByChannel: Bool
    public var efsChannel: String?

    public init(listedByChannel: Bool, efsChannel: String?) {
        self.listedByChannel = listedByChannel
        self.efsChannel = efsChannel
    }

    /// A partner works with the locations its channel lists and with those it fulfils as an EFS: it reads
    /// their stock and sets it there.
    public func reachable(by partner: String) -> Bool {
        listedByChannel || efsChannel == partner
    }
}
