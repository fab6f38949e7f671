import JunctionCore
import Testing

/// Packing plans, order progress and cancellation once units are shipped.
@Suite struct PackPlanTests {
    private func pack(_ items: [(String, Int)], type: String? = nil, boxes: [PackBox]? = nil) -> PackInput {
        var input = PackInput()
        input.fulfillmentType = type
        input.shipmentItems = items.map { PackItemInput(channelSkuCode: $0.0, quantityToPack: $0.1, externalSerialCodes: nil) }
        input.packboxDetailsList = boxes
        return input
    }

    let lines = [PackableLine(lineNo: 0, channelSkuCode: "A", packable: 3), PackableLine(lineNo: 1, channelSkuCode: "B", packable: 1)]

    @Test func fulfillmentTypesDecideWhatHappensToTheRest() throws {
        let multi = try PackPlan.make(pack([("A", 1)]), lines: lines)
        #expect(multi.fulfillmentType == .multiShipmentPartial && multi.packed == [0: 1] && multi.sellerCancelled.isEmpty)
        let single = try PackPlan.make(pack([("A", 1)], type: "single_shipment_partial"), lines: lines)
        #expect(single.packed == [0: 1] && single.sellerCancelled == [0: 2, 1: 1])
        #expect(throws: DomainError.self) { try PackPlan.make(pack([("A", 3)], type: "BLOCK_COMPLETE"), lines: lines) }
        let whole = try PackPlan.make(pack([("A", 3), ("B", 1)], type: "BLOCK_COMPLETE"), lines: lines)
        #expect(whole.packed == [0: 3, 1: 1])
        let split = [PackableLine(lineNo: 0, channelSkuCode: "A", packable: 1, outstandingElsewhere: 1)]
        #expect(throws: DomainError.self) { try PackPlan.make(pack([("A", 1)], type: "BLOCK_COMPLETE"), lines: split) }
    }

    @Test func badItemsAndBoxesAreNamed() {
        func fields(_ input: PackInput) -> [String] {
            do {
                _ = try PackPlan.make(input, lines: lines)
                return []
            } catch DomainError.invalid(let errors) {
                return errors.map(\.field)
            } catch {
                return ["unexpected \(error)"]
            }
        }
        #expect(fields(pack([])) == ["shipmentItems"])
        #expect(fields(pack([("Z", 1), ("A", 0), ("B", 2)], type: "SOMETIMES")) == [
            "fulfillmentType", "shipmentItems[0].channelSkuCode", "shipmentItems[1].quantityToPack", "shipmentItems[2].quantityToPack"])
        #expect(fields(pack([("A", 1), ("A", 1)])) == ["shipmentItems[1].channelSkuCode"])
        let box = PackBox(boxId: 1, skuQuantityDataList: [BoxSkuQuantity(channelSkuCode: "A", clientSkuId: nil, count: 2)])
        #expect(fields(pack([("A", 1)], boxes: [box])) == ["packboxDetailsList"])
    }

    @Test func ordersCompleteWhenEveryOpenUnitIsInvoiced() {
        #expect(OrderProgress.status([LineProgress(quantity: 3, cancelled: 0, invoiced: 2, delivered: 0)]) == nil)
        #expect(OrderProgress.status([LineProgress(quantity: 3, cancelled: 1, invoiced: 2, delivered: 0)]) == .completed)
        #expect(OrderProgress.status([LineProgress(quantity: 3, cancelled: 1, invoiced: 2, delivered: 2)]) == .delivered)
        #expect(OrderProgress.status([LineProgress(quantity: 2, cancelled: 2, invoiced: 0, delivered: 0)]) == nil)
    }

    @Test func invoicedUnitsCannotBeCancelledAndReleasesSkipThem() throws {
        let line = LineState(lineNo: 0, orderItemCode: "I0", channelSkuCode: "A", quantity: 4, cancelled: 0,
                             allocations: [LineAllocation(lineNo: 0, locationCode: "WH1", units: 2),
                                           LineAllocation(lineNo: 0, locationCode: "WH2", units: 2)],
                             shipped: ["WH2": 2])
        var input = CancelOrderInput()
        input.orderItems = [CancelItemInput(channelSkuCode: "A", orderItemCode: nil, cancelledQuantity: 3)]
        #expect(throws: DomainError.self) { try CancellationPlan.make(input, lines: [line]) }
        input.orderItems = [CancelItemInput(channelSkuCode: "A", orderItemCode: nil, cancelledQuantity: 2)]
        let plan = try CancellationPlan.make(input, lines: [line])
        #expect(plan.releases == [LineAllocation(lineNo: 0, locationCode: "WH1", units: 2)])
    }
}
