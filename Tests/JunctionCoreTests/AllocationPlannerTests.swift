import JunctionCore
import Testing

@Suite struct AllocationPlannerTests {
    let wh1 = LocationStock(locationCode: "WH1", priority: 1, atp: [1: 5, 2: 1])
    let wh2 = LocationStock(locationCode: "WH2", priority: 2, atp: [1: 5, 2: 5])
    let wh3 = LocationStock(locationCode: "WH3", priority: 2, atp: [1: 9, 2: 9])

    func demand(_ lineNo: Int, _ article: Int64, _ units: Int) -> LineDemand {
        LineDemand(lineNo: lineNo, units: units, components: [Component(articleId: article, quantity: 1)])
    }

    @Test func takesTheFirstLocationByPriorityThenStockThatHasEverything() {
        let plan = AllocationPlanner.plan([demand(0, 1, 2), demand(1, 2, 2)], locations: [wh1, wh2, wh3],
                                          pinnedLocation: nil, allowSplit: false)
        #expect(plan == [LineAllocation(lineNo: 0, locationCode: "WH3", units: 2), LineAllocation(lineNo: 1, locationCode: "WH3", units: 2)])
        let small = AllocationPlanner.plan([demand(0, 1, 1), demand(1, 2, 1)], locations: [wh2, wh1], pinnedLocation: nil, allowSplit: false)
        #expect(small?.allSatisfy { $0.locationCode == "WH1" } == true)
    }

    @Test func aPinnedLocationIsUsedOrTheOrderWaits() {
        #expect(AllocationPlanner.plan([demand(0, 2, 2)], locations: [wh1, wh2], pinnedLocation: "WH1", allowSplit: true) == nil)
        #expect(AllocationPlanner.plan([demand(0, 2, 2)], locations: [wh1, wh2], pinnedLocation: "WH2", allowSplit: false)
                == [LineAllocation(lineNo: 0, locationCode: "WH2", units: 2)])
    }

    @Test func splitsAcrossLocationsOnlyWhenAllowedAndOnlyIfComplete() {
        let big = [demand(0, 1, 12)]
        #expect(AllocationPlanner.plan(big, locations: [wh1, wh2], pinnedLocation: nil, allowSplit: false) == nil)
        #expect(AllocationPlanner.plan([demand(0, 1, 11)], locations: [wh1, wh2], pinnedLocation: nil, allowSplit: true) == nil)
        #expect(AllocationPlanner.plan([demand(0, 1, 8)], locations: [wh1, wh2], pinnedLocation: nil, allowSplit: true)
                == [LineAllocation(lineNo: 0, locationCode: "WH1", units: 5), LineAllocation(lineNo: 0, locationCode: "WH2", units: 3)])
    }

    @Test func bundlesKeepEachUnitAtOneLocationAndReserveTheirChildren() {
        let bundle = LineDemand(lineNo: 0, units: 3, components: [Component(articleId: 1, quantity: 1), Component(articleId: 2, quantity: 2)])
        #expect(AllocationPlanner.plan([bundle], locations: [wh1, wh2], pinnedLocation: nil, allowSplit: true) == nil)
        var two = bundle
        two.units = 2
        #expect(AllocationPlanner.plan([two], locations: [wh1, wh2], pinnedLocation: nil, allowSplit: true)
                == [LineAllocation(lineNo: 0, locationCode: "WH2", units: 2)])
        let reservations = AllocationPlanner.reservations(for: [LineAllocation(lineNo: 0, locationCode: "WH2", units: 2)], demands: [bundle])
        #expect(reservations.map(\.quantity) == [2, 4])
        #expect(ATP.units(of: bundle.components) { [1: 7, 2: 5][$0] ?? 0 } == 2)
    }

    @Test func cancellationIsAbsoluteAndReleasesWhatIsNoLongerNeeded() throws {
        let line = LineState(lineNo: 0, orderItemCode: "L1", channelSkuCode: "SKU", quantity: 5, cancelled: 1,
                             allocations: [LineAllocation(lineNo: 0, locationCode: "WH1", units: 3),
                                           LineAllocation(lineNo: 0, locationCode: "WH2", units: 1)])
        var input = CancelOrderInput()
        input.orderItems = [CancelItemInput(channelSkuCode: "SKU", orderItemCode: "L1", cancelledQuantity: 3)]
        let plan = try CancellationPlan.make(input, lines: [line])
        #expect(plan.cancelled == [0: 3])
        #expect(plan.releases == [LineAllocation(lineNo: 0, locationCode: "WH2", units: 1), LineAllocation(lineNo: 0, locationCode: "WH1", units: 1)])
        #expect(plan.cancelsWholeOrder == false)
        input.orderItems = [CancelItemInput(channelSkuCode: "SKU", orderItemCode: "L1", cancelledQuantity: 6)]
        #expect(throws: DomainError.invalid("orderItems[0].cancelledQuantity", "cancelled quantity 6 exceeds the ordered quantity 5")) {
            try CancellationPlan.make(input, lines: [line])
        }
    }
}
