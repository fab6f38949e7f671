import Crypto
import Foundation
import JunctionCore
import Testing

/// Whole orders from create to delivered through HTTP (§5.6–5.9, §4.8), with real PDFs.
@Suite struct FulfilmentFlowTests {
    /// The seed's posting example: ₹560 at 12% within a state is base 500, CGST 6% 30 and SGST 6% 30 a unit.
    @Test(arguments: TestBackend.available)
    func intraStateOrderIsPackedInvoicedDispatchedAndDelivered(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 5)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("FL-1", [("MP-A", 2, "560")]))

            let packed = try await api.post("/usp/order/pack", packJSON("FL-1", at: "WH2", [("MP-A", 2)], type: "BLOCK_COMPLETE"))
            #expect(packed.status == 200, "\(packed.text)")
            #expect(packed.json["shipmentCode"].string == "FL-1-1" && packed.json["channelId"].string == "MP")
            #expect(packed.json["invoiceCode"].string == invoiceNumber("WH2", 1))
            let detail = packed.json["invoiceDetails"][0]
            #expect(paise(detail["baseSellingPricePerUnit"]) == 500_00 && paise(detail["baseSellingPriceTotal"]) == 1000_00)
            #expect(paise(detail["netTaxAmountPerUnit"]) == 60_00 && paise(detail["netTaxAmountTotal"]) == 120_00)
            #expect(paise(detail["actualSellingPriceTotal"]) == 1120_00 && detail["quantity"].int == 2)
            let taxes = detail["taxItems"].array
            #expect(taxes.map { $0["type"].string } == ["CGST", "SGST"])
            #expect(taxes.allSatisfy { $0["rate"].int == 6 && paise($0["taxPerUnit"]) == 30_00 && paise($0["taxTotal"]) == 60_00 })
            let awb = try #require(packed.json["shippingLabel"]["awbNumber"].string)
            #expect(awb.hasPrefix("JNC") && packed.json["shippingLabel"]["transporter"].string == "SELF_SHIP")
            #expect(packed.json["irn"] == .null, "WH2 has e-invoicing off")

            let again = try await api.post("/usp/order/pack", packJSON("FL-1", at: "WH2", [("MP-A", 2)], type: "BLOCK_COMPLETE"))
            #expect(again.status == 200 && again.json["shipmentId"] == packed.json["shipmentId"], "\(again.text)")

            let invoice = try await documentText(api, packed.json["invoiceUrl"].string)
            #expect(invoice.contains(invoiceNumber("WH2", 1)) && invoice.contains("CGST") && invoice.contains("1,120.00"), "\(invoice)")
            let label = try await documentText(api, packed.json["shippingLabel"]["shippingLabelUrl"].string)
            #expect(label.contains(awb) && label.contains("FL-1"))

            var order = try await api.get("/orders/outward/FL-1", as: partners.marketplace)
            #expect(order.json["status"].string == "COMPLETED")
            #expect(order.json["orderItems"][0]["invoicedQuantity"].int == 2)
            #expect(order.json["shipments"][0]["shipmentStatus"].string == "INVOICED")
            let refused = try await api.put("/orders/FL-1/cancel", as: partners.marketplace,
                                            #"{"orderItems": [{"channelSkuCode": "MP-A", "cancelledQuantity": 1}]}"#)
            #expect(refused.status == 422, "\(refused.text)")

            let early = try await api.post("/usp/handover", dispatchJSON(["FL-1"], at: "WH2"))
            #expect(early.status == 422, "handover needs a manifest: \(early.text)")
            let manifest = try await api.post("/usp/manifest", dispatchJSON(["FL-1"], at: "WH2", extra: #""externalManifestCode": "EXT-9","#))
            #expect(manifest.status == 200 && manifest.json["externalManifestCode"].string == "EXT-9", "\(manifest.text)")
            let manifestCode = try #require(manifest.json["manifestCode"].string)
            let manifestText = try await documentText(api, manifest.json["manifestUrl"].string)
            #expect(manifestText.contains(awb) && manifestText.contains(manifestCode))

            let handover = try await api.post("/usp/handover", dispatchJSON(["FL-1"], at: "WH2", extra: """
                "vehicleNumber": "KA01AB1234", "lrNumber": "LR-77", "ewayBillDocument": "EWB-1", "remarks": "two bags",
                """))
            #expect(handover.status == 200, "\(handover.text)")
            let sheet = try await documentText(api, handover.json["handoverDocumentUrl"].string)
            #expect(sheet.contains(awb) && sheet.contains("KA01AB1234") && sheet.contains("LR-77"))
            let twice = try await api.post("/usp/handover", dispatchJSON(["FL-1"], at: "WH2"))
            #expect(twice.status == 422, "\(twice.text)")
            let stock = try await stockLevel(api, "A", "WH2")
            #expect(stock.onHand == 3 && stock.reserved == 0)

            let delivered = try await api.put("/orders/FL-1/delivered", as: partners.marketplace, """
                {"channelOrderStatus": "Delivered", "channelShipmentDeliveredData": [{"shipmentCode": "FL-1-1", "deliveredAt": "2026-11-20T10:00:00Z"}]}
                """)
            #expect(delivered.status == 200, "\(delivered.text)")
            let repeated = try await api.put("/orders/FL-1/delivered", as: partners.marketplace,
                                             #"{"channelShipmentDeliveredData": [{"shipmentCode": "FL-1-1"}]}"#)
            #expect(repeated.status == 200, "a repeated proof of delivery succeeds")
            order = try await api.get("/orders/outward/FL-1", as: partners.marketplace)
            #expect(order.json["status"].string == "DELIVERED")
            #expect(order.json["orderItems"][0]["deliveredQuantity"].int == 2)
            #expect(order.json["shipments"][0]["manifestCode"].string == manifestCode)
            let types = order.json["timeline"].array.compactMap { $0["eventType"].string }
            #expect(types.suffix(8) == ["SHIPMENT_PACKED", "SHIPMENT_INVOICED", "SHIPMENT_LABELLED", "ORDER_COMPLETED",
                                        "SHIPMENT_MANIFESTED", "SHIPMENT_DISPATCHED", "SHIPMENT_DELIVERED", "ORDER_DELIVERED"])
        }
    }

    /// Bengaluru to Pune is inter-state: IGST at the full rate; a bundle is invoiced as its own line and
    /// its children leave stock at dispatch; the combined call manifests and hands over at once.
    @Test(arguments: TestBackend.available)
    func interStateBundleOrderTakesIGSTAndTheCombinedHandover(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            _ = try await api.post("/master/locations", """
                {"locations": [{"locationCode": "WH1", "name": "Bengaluru WH", "locationType": "WAREHOUSE", "priority": 1,
                  "gstin": "29ABCDE1234F1Z5", "invoicePrefix": "BLR", "eInvoicing": true,
                  "address": {"name": "WH1", "line1": "1 Road", "city": "Bengaluru", "state": "KA", "zip": "560001"}}]}
                """)
            try await setStock(api, [("A", "WH1", 4), ("B", "WH1", 4)])
            let created = try await api.post("/orders/outward", as: partners.marketplace,
                                             orderJSON("FL-2", [("MP-A", 1, "1120"), ("MP-BND", 1, "1800")], location: "WH1"))
            #expect(created.json["status"].string == "ALLOCATED", "\(created.text)")

            let packed = try await api.post("/usp/order/pack", packJSON("FL-2", at: "WH1", [("MP-A", 1), ("MP-BND", 1)]))
            #expect(packed.status == 200, "\(packed.text)")
            let code = invoiceNumber("BLR", 1)
            #expect(packed.json["invoiceCode"].string == code)
            let year = FinancialYear(containing: Timestamp(millis: Int64(Date().timeIntervalSince1970 * 1000)))
            let irnInput = IRN.hashInput(supplierGSTIN: "29ABCDE1234F1Z5", financialYear: year, documentType: .invoice, documentNumber: code)
            let irn = SHA256.hash(data: Array(irnInput.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(packed.json["irn"].string == irn)
            let lines = packed.json["invoiceDetails"].array
            #expect(lines.map { $0["taxItems"].array.map { $0["type"].string } } == [["IGST"], ["IGST"]])
            #expect(paise(lines[0]["baseSellingPricePerUnit"]) == 1000_00 && paise(lines[0]["taxItems"][0]["taxPerUnit"]) == 120_00)
            #expect(lines[1]["taxItems"][0]["rate"].int == 5, "a ₹1,800 garment is in the 5% slab")
            #expect(paise(lines[1]["baseSellingPricePerUnit"]) == 1714_29 && paise(lines[1]["netTaxAmountPerUnit"]) == 85_71)
            let sum = lines.compactMap { paise($0["actualSellingPriceTotal"]) }.reduce(0, +)
            #expect(sum == 2920_00 && paise(packed.json["invoiceTotal"]) == 2920_00 && paise(packed.json["codAmount"]) == 2920_00)
            let invoice = try await documentText(api, packed.json["invoiceUrl"].string)
            #expect(invoice.contains("IGST") && invoice.contains(irn) && invoice.contains("29ABCDE1234F1Z5"))

            let handover = try await api.post("/ewms/push/usp/handover/combined", dispatchJSON(["FL-2"], at: "WH1"))
            #expect(handover.status == 200 && handover.json["handoverDocumentUrl"].string != nil, "\(handover.text)")
            #expect(try await stockLevel(api, "A", "WH1") == (onHand: 2, reserved: 0))
            #expect(try await stockLevel(api, "B", "WH1") == (onHand: 2, reserved: 0))
            let order = try await api.get("/orders/outward/FL-2", as: partners.marketplace)
            #expect(order.json["shipments"][0]["shipmentStatus"].string == "DISPATCHED")
            let viaProperties = try await api.put("/orders/FL-2", as: partners.marketplace,
                                                  #"{"orderStatus": "DELIVERED", "deliveredAt": "2026-11-21T09:00:00Z"}"#)
            #expect(viaProperties.json["status"].string == "DELIVERED", "\(viaProperties.text)")
        }
    }
}
