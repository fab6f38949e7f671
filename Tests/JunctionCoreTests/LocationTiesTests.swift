import JunctionCore
import Testing

/// Which locations a partner works with.
@Suite struct LocationTiesTests {
    @Test func aPartnerReachesWhatItsChannelListsAndWhereItFulfils() {
        #expect(LocationTies(listedByChannel: true, efsChannel: nil).reachable(by: "MP"))
        #expect(LocationTies(listedByChannel: false, efsChannel: "WMS").reachable(by: "WMS"))
        #expect(LocationTies(listedByChannel: true, efsChannel: "WMS").reachable(by: "MP"))
        #expect(!LocationTies(listedByChannel: false, efsChannel: "WMS").reachable(by: "MP"))
        #expect(!LocationTies(listedByChannel: false, efsChannel: nil).reachable(by: "MP"))
    }
}
