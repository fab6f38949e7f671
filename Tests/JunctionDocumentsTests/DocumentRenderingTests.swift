import Foundation
import JunctionCore
@testable import JunctionDocuments
import Testing

/// Realistic data for the four documents: a Bengaluru warehouse selling within Karnataka and to Maharashtra.
enum DocumentFixtures {
    static let invoiceNumber = "WH1-2425-000001"
    static let supplierGSTIN = "29ABCDE1234F1Z5"
    static let karnatakaBuyerGSTIN = "29AAACR5055K1Z7"
    static let maharashtraBuyerGSTIN = "27AAPFU0939F1ZV"
    static let irn = "a5c12dca80e743321740b001fd70953e8738d109865d28ba4013750f2046f229"
    /// 20:00 UTC on 4 July is already 5 July in India.
    static let date = Timestamp(parsing: "2024-07-04T20:00:00Z")!

    static let supplier = DocumentParty(name: "Junction Retail Pvt. Ltd.", addressLines: ["Plot 14, Peenya Industrial Area"],
                                        city: "Bengaluru", state: "Karnataka", stateCode: "29", zip: "560058",
                                        gstin: supplierGSTIN, phone: "080 4123 4567")

    static func buyer(interState: Bool) -> DocumentParty {
        interState
            ? DocumentParty(name: "Meera Kulkarni", addressLines: ["5 FC Road", "Shivajinagar"], city: "Pune", state: "Maharashtra",
                            stateCode: "27", zip: "411005", gstin: maharashtraBuyerGSTIN, phone: "98220 54321")
            : DocumentParty(name: "Asha Raman", addressLines: ["22 MG Road", "Indiranagar"], city: "Bengaluru", state: "Karnataka",
                            stateCode: "29", zip: "560038", gstin: karnatakaBuyerGSTIN, phone: "98450 12345")
    }

    /// Two kurtas at ₹560 (12% GST, base ₹500) and a table runner at ₹1,180 (18% GST, base ₹1,000): ₹2,300 in all.
    static func invoice(supply: SupplyType, extraLines: Int = 0) throws -> TaxInvoiceData {
        var lines = [
            TaxInvoiceLine(description: "Cotton kurta, indigo, size M", channelSkuCode: "KURTA-IND-M", hsnCode: "6211",
                           tax: try TaxCalculator.line(unitPrice: Paise(56_000), quantity: 2,
                                                       source: .rate(TaxRate(basisPoints: 1200), supply), field: "orderItems[0]")),
            TaxInvoiceLine(description: "Café table runner – 150 cm", channelSkuCode: "RUNNER-150", hsnCode: "6302",
                           tax: try TaxCalculator.line(unitPrice: Paise(118_000), quantity: 1,
                                                       source: .rate(TaxRate(basisPoints: 1800), supply), field: "orderItems[1]")),
        ]
        for index in 0..<extraLines {
            lines.append(TaxInvoiceLine(description: "Cotton socks, pack of \(index % 5 + 1)", channelSkuCode: "SOCKS-\(index + 1)",
                                        hsnCode: "6115",
                                        tax: try TaxCalculator.line(unitPrice: Paise(29_900), quantity: index % 3 + 1,
                                                                    source: .rate(TaxRate(basisPoints: 500), supply),
                                                                    field: "orderItems[\(index + 2)]")))
        }
        let buyer = buyer(interState: supply == .interState)
        return TaxInvoiceData(invoiceNumber: invoiceNumber, invoiceDate: date, orderCode: "SO-778812", channelName: "MYSHOP",
                              shipmentCode: "SHP-778812-1", irn: supply == .intraState ? irn : nil, supplier: supplier,
                              billTo: buyer, shipTo: buyer, placeOfSupply: supply == .intraState ? "Karnataka (29)" : "Maharashtra (27)",
                              supplyType: supply, lines: lines, totals: InvoiceTaxTotals(lines.map(\.tax)))
    }

    static func label(awb: String, cod: Paise?) -> ShippingLabelData {
        ShippingLabelData(transporter: "Delhivery Surface", awbNumber: awb, orderCode: "SO-778812", shipmentCode: "SHP-778812-1",
                          invoiceNumber: invoiceNumber, shipFrom: supplier, shipTo: buyer(interState: true),
                          paymentMethod: cod == nil ? "PREPAID" : "COD", codAmount: cod, weightGrams: 450,
                          dimensions: "30 × 20 × 10 cm", packedAt: date, units: 3)
    }

    /// `count` shipments; every third is prepaid and every fourth has no invoice number or weight.
    static func entries(_ count: Int) -> [DispatchEntry] {
        (1...count).map { index in
            DispatchEntry(orderCode: "SO-\(700_000 + index)", shipmentCode: "SHP-\(700_000 + index)-1",
                          awbNumber: "JNC\(String(1_000_000_000 + index).dropFirst())",
                          invoiceNumber: index % 4 == 0 ? nil : "WH1-2425-\(String(1_000_000 + index).dropFirst())",
                          boxes: index % 2 + 1, weightGrams: index % 4 == 0 ? nil : Double(250 * index),
                          codAmount: index % 3 == 0 ? nil : Paise(Int64(index) * 49_900))
        }
    }

    static func manifest(entries count: Int) -> ManifestData {
        ManifestData(manifestCode: "MAN-WH1-000042", transporter: "Delhivery Surface", location: supplier, locationCode: "WH-BLR",
                     createdAt: date, entries: entries(count))
    }

    static func handover(entries count: Int) -> HandoverData {
        HandoverData(handoverCode: "HND-WH1-000017", transporter: "Delhivery Surface", location: supplier, locationCode: "WH-BLR",
                     handedOverAt: date, vehicleNumber: "KA-01-AB-1234", lrNumber: "LR-5566778", ewayBillNumber: "331009876543",
                     remarks: "Two sealed bags; seal numbers 4471 and 4472", entries: entries(count))
    }
}

/// Renders each document, reads it back with poppler-utils as a printer or reader would, and checks what it says.
@Suite struct DocumentRenderingTests {
    /// A rendered document written to disk, with what `pdfinfo` and `pdftotext` make of it.
    struct ReadBack {
        let path: String
        /// The text with every run of whitespace squeezed to one space, so wrapped lines read as one.
        let text: String
        /// The text of each page, in order.
        let pages: [String]
        let info: String
    }

    func readBack(_ pdf: Data, as name: String) throws -> ReadBack {
        let path = try TestArtifacts.write(pdf, as: name)
        let text = try PopplerTool.run("pdftotext", ["-layout", path, "-"])
        let info = try PopplerTool.run("pdfinfo", [path])
        #expect(text.standardError.isEmpty && info.standardError.isEmpty, "poppler complained about \(name)")
        let pages = text.standardOutput.components(separatedBy: "\u{0C}").dropLast().map(Self.squeezed)
        return ReadBack(path: path, text: Self.squeezed(text.standardOutput), pages: pages,
                        info: info.standardOutput.replacing(/\ {2,}/, with: " "))
    }

    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func intraStateInvoiceShowsCGSTAndSGSTAndItsTotals() throws {
        let invoice = try DocumentFixtures.invoice(supply: .intraState)
        #expect(invoice.totals.actualSellingPriceTotal == Paise(230_000))
        let read = try readBack(invoice.pdf(), as: "invoice-intra.pdf")
        #expect(read.info.contains("Pages: 1"))
        #expect(read.info.contains("Page size: 595 x 842 pts (A4)"))
        #expect(read.info.contains("Title: Tax Invoice WH1-2425-000001"))
        for expected in ["TAX INVOICE", "WH1-2425-000001", "05-07-2024", "SO-778812", "MYSHOP", "SHP-778812-1",
                         DocumentFixtures.irn, DocumentFixtures.supplierGSTIN, DocumentFixtures.karnatakaBuyerGSTIN,
                         "Bill to", "Ship to", "Karnataka (State code 29)", "Place of supply Karnataka (29)",
                         "Cafe table runner - 150 cm", "SKU: KURTA-IND-M", "CGST", "SGST",
                         "Taxable value Rs. 2,000.00", "CGST Rs. 150.00", "SGST Rs. 150.00", "Grand total Rs. 2,300.00",
                         "Amount in words: Rupees Two Thousand Three Hundred Only", "This is a computer-generated invoice.",
                         "Page 1 of 1"] {
            #expect(read.text.contains(expected), "invoice lacks \(expected)")
        }
        #expect(!read.text.contains("IGST"))
        // The kurta line: 2 × 560.00, taxable 1,000.00, CGST 6% 60.00, SGST 6% 60.00, total 1,120.00.
        #expect(read.text.contains("2 560.00 1,000.00 6.00 60.00 6.00 60.00 1,120.00"))
    }

    @Test func interStateInvoiceShowsIGSTOnly() throws {
        let invoice = try DocumentFixtures.invoice(supply: .interState)
        let read = try readBack(invoice.pdf(), as: "invoice-inter.pdf")
        for expected in ["WH1-2425-000001", DocumentFixtures.supplierGSTIN, DocumentFixtures.maharashtraBuyerGSTIN, "IGST",
                         "Place of supply Maharashtra (27)", "IGST Rs. 300.00", "Grand total Rs. 2,300.00",
                         "Amount in words: Rupees Two Thousand Three Hundred Only",
                         "1 1,180.00 1,000.00 18.00 180.00 1,180.00"] {
            #expect(read.text.contains(expected), "invoice lacks \(expected)")
        }
        #expect(!read.text.contains("CGST") && !read.text.contains("SGST"))
        #expect(!read.text.contains("IRN"))
    }

    @Test func invoiceFiguresAreRightAlignedInTheirColumns() throws {
        let path = try TestArtifacts.write(try DocumentFixtures.invoice(supply: .intraState).pdf(), as: "invoice-bbox.pdf")
        let words = try PopplerWords(xhtml: PopplerTool.run("pdftotext", ["-bbox", path, "-"]).standardOutput)
        // The line totals end at the table's right edge (40 + 515) less the 3 points of cell padding; the runner's
        // unit price, also 1,180.00, sits far further left.
        let lineTotals = words.filter { ($0.text == "1,120.00" || $0.text == "1,180.00") && $0.xMin > 450 }
        #expect(lineTotals.count == 2)
        #expect(lineTotals.allSatisfy { abs($0.xMax - 552) < 0.01 })
        // The totals box's figures end 6 points inside its right edge.
        let grandTotal = try #require(words.first { $0.text == "2,300.00" })
        #expect(abs(grandTotal.xMax - 549) < 0.01)
    }

    @Test func sixtyLineInvoiceRunsOverPagesWithTheHeaderRepeated() throws {
        let invoice = try DocumentFixtures.invoice(supply: .intraState, extraLines: 58)
        #expect(invoice.lines.count == 60)
        let read = try readBack(invoice.pdf(), as: "invoice-60-lines.pdf")
        let pageCount = try #require(read.info.firstMatch(of: /Pages: (\d+)/).flatMap { Int($0.output.1) })
        #expect(pageCount > 1)
        #expect(read.pages.count == pageCount)
        for (index, page) in read.pages.enumerated() {
            #expect(page.contains("Page \(index + 1) of \(pageCount)"))
            #expect(page.contains("Description / SKU") && page.contains("HSN"), "page \(index + 1) lacks the table header")
            #expect(page.contains("This is a computer-generated invoice."))
        }
        #expect(read.pages.dropFirst().allSatisfy { $0.contains("TAX INVOICE WH1-2425-000001 (continued)") })
        for sku in ["KURTA-IND-M", "RUNNER-150"] + (1...58).map({ "SOCKS-\($0)" }) {
            #expect(read.text.contains("SKU: \(sku) "), "no line for \(sku)")
        }
        let grandTotal = invoice.totals.actualSellingPriceTotal
        #expect(read.pages.last?.contains("Grand total Rs. \(grandTotal.groupedRupees)") == true)
        #expect(read.pages.last?.contains("Amount in words: \(grandTotal.inWords)") == true)
    }

    @Test func codLabelShowsTheAmountToCollectAndItsReferences() throws {
        let label = DocumentFixtures.label(awb: "JNC0000012345", cod: Paise(118_000))
        let read = try readBack(label.pdf(), as: "label-cod.pdf")
        #expect(read.info.contains("Pages: 1"))
        #expect(read.info.contains("Page size: 288 x 432 pts"))
        for expected in ["Delhivery Surface", "JNC0000012345", "SHIP TO", "Meera Kulkarni", "Pune, Maharashtra 411005",
                         "COD Rs. 1,180.00", "COLLECT", "SO-778812", "SHP-778812-1", "WH1-2425-000001", "0.450 kg",
                         "30 x 20 x 10 cm", "Units 3", "05-07-2024", "FROM / RETURN TO", "Junction Retail Pvt. Ltd."] {
            #expect(read.text.contains(expected), "label lacks \(expected)")
        }
        #expect(!read.text.contains("PREPAID"))
    }

    @Test func prepaidLabelSaysPrepaid() throws {
        let read = try readBack(DocumentFixtures.label(awb: "JNC0000012346", cod: nil).pdf(), as: "label-prepaid.pdf")
        #expect(read.text.contains("PREPAID"))
        #expect(!read.text.contains("COLLECT") && !read.text.contains("COD Rs."))
    }

    /// The AWB, short or long, fills the label's width and scans back from a 288 dpi rendering.
    @Test(arguments: ["JNC0000012345", "1Z999AA10123456784RT7"])
    func labelAWBBarcodeScansFromTheRenderedPage(awb: String) throws {
        let label = DocumentFixtures.label(awb: awb, cod: Paise(118_000))
        let placed = try #require(label.awbBarcode)
        let barcodeWidth = placed.barcode.width(moduleWidth: placed.moduleWidth)
        #expect(placed.origin.x >= 6 && placed.origin.x + barcodeWidth <= 282, "the barcode stays inside the border")
        #expect(barcodeWidth > 0.75 * 288 || placed.moduleWidth == 2, "the barcode is scaled up to the label's width")
        let path = try TestArtifacts.write(label.pdf(), as: "label-scan-\(awb).pdf")
        let image = TestArtifacts.directory.appendingPathComponent("label-scan-\(awb)")
        _ = try PopplerTool.run("pdftoppm", ["-gray", "-r", "288", "-aa", "no", "-aaVector", "no", "-singlefile", path, image.path])
        let gray = try GrayImage(pgm: Data(contentsOf: image.appendingPathExtension("pgm")))
        // At 288 dpi a point is 4 pixels; scan across the middle of the bars, quiet zones included.
        let scan = gray.darkPixels(row: Int((placed.origin.y + placed.barHeight / 2) * 4))
        let start = Int(placed.origin.x * 4), end = Int((placed.origin.x + barcodeWidth) * 4)
        // Without anti-aliasing poppler also darkens the pixel a bar's right edge touches, so the last bar may reach one
        // pixel into the right quiet zone.
        let quietZone = Int(Double(Code128.quietZoneModules) * placed.moduleWidth * 4)
        #expect(scan[start..<(start + quietZone)].allSatisfy { !$0 })
        #expect(scan[(end - quietZone + 1)..<end].allSatisfy { !$0 })
        let widths = Code128Decoder.elementWidths(scanLine: Array(scan[start..<end]), pixelsPerModule: placed.moduleWidth * 4)
        let decoded = try Code128Decoder.decode(elementWidths: widths)
        #expect(decoded.text == awb)
    }

    @Test func manifestListsEveryShipmentWithTotalsAndSignatures() throws {
        let manifest = DocumentFixtures.manifest(entries: 5)
        let read = try readBack(manifest.pdf(), as: "manifest.pdf")
        #expect(read.info.contains("Title: Manifest MAN-WH1-000042"))
        for expected in ["MANIFEST", "MAN-WH1-000042", "Delhivery Surface", "WH-BLR", "Plot 14, Peenya Industrial Area",
                         "05-07-2024", "AWB", "COD (Rs.)", "Shipments 5", "Boxes 8", "Total weight 2.750 kg",
                         "COD to collect Rs. 5,988.00", "Handed over by", "Received by (transporter)", "Page 1 of 1"] {
            #expect(read.text.contains(expected), "manifest lacks \(expected)")
        }
        // Shipment 3 is prepaid and shipment 4 has neither invoice nor weight: dashes, not zeros.
        #expect(read.text.contains("3 SO-700003 SHP-700003-1 JNC000000003 WH1-2425-000003 2 0.750 -"))
        #expect(read.text.contains("4 SO-700004 SHP-700004-1 JNC000000004 - 1 - 1,996.00"))
        for entry in manifest.entries {
            #expect(read.text.contains(entry.awbNumber), "manifest lacks \(entry.awbNumber)")
        }
    }

    @Test func longManifestRunsOverPagesAndKeepsEveryAWB() throws {
        let manifest = DocumentFixtures.manifest(entries: 90)
        let read = try readBack(manifest.pdf(), as: "manifest-90.pdf")
        #expect(read.pages.count > 1)
        #expect(read.info.contains("Pages: \(read.pages.count)"))
        for (index, page) in read.pages.enumerated() {
            #expect(page.contains("Order code Shipment code AWB Invoice No."), "page \(index + 1) lacks the table header")
            #expect(page.contains("Page \(index + 1) of \(read.pages.count)"))
        }
        for entry in manifest.entries {
            #expect(read.text.contains(" \(entry.awbNumber) "), "manifest lacks \(entry.awbNumber)")
        }
        #expect(read.pages.last?.contains("Shipments 90") == true)
        #expect(read.pages.last?.contains("Received by (transporter)") == true)
    }

    @Test func handoverSheetAddsTheTransportDetails() throws {
        let handover = DocumentFixtures.handover(entries: 4)
        let read = try readBack(handover.pdf(), as: "handover.pdf")
        #expect(read.info.contains("Title: Handover Sheet HND-WH1-000017"))
        for expected in ["HANDOVER SHEET", "HND-WH1-000017", "Vehicle No. KA-01-AB-1234", "LR No. LR-5566778",
                         "E-way bill No. 331009876543", "Two sealed bags; seal numbers 4471 and 4472", "Shipments 4",
                         "Handed over by", "Received by (transporter)"] {
            #expect(read.text.contains(expected), "handover sheet lacks \(expected)")
        }
        for entry in handover.entries {
            #expect(read.text.contains(entry.awbNumber), "handover sheet lacks \(entry.awbNumber)")
        }
    }

    @Test func handoverSheetLeavesOutUnknownTransportDetails() throws {
        var handover = DocumentFixtures.handover(entries: 2)
        handover.vehicleNumber = nil
        handover.ewayBillNumber = nil
        handover.remarks = nil
        let read = try readBack(handover.pdf(), as: "handover-partial.pdf")
        #expect(read.text.contains("LR No. LR-5566778"))
        #expect(!read.text.contains("Vehicle No.") && !read.text.contains("E-way bill") && !read.text.contains("Remarks"))
    }

    @Test func figuresAndDatesArePrintedTheIndianWay() throws {
        #expect(Paise(123_456_789).groupedRupees == "12,34,567.89")
        #expect(Paise(56_000).groupedRupees == "560.00")
        #expect(Paise(5).groupedRupees == "0.05")
        #expect(Paise(-100_000).groupedRupees == "-1,000.00")
        #expect(Paise(100_000_000_000).groupedRupees == "1,00,00,00,000.00")
        #expect(Paise(236_000).rupeesText == "Rs. 2,360.00")
        #expect(DocumentFixtures.date.documentDate == "05-07-2024")
        #expect(try #require(Timestamp(parsing: "2024-07-04T18:29:59Z")).documentDate == "04-07-2024")
        #expect(try #require(Timestamp(parsing: "2024-12-31T18:30:00Z")).documentDate == "01-01-2025")
        #expect(DocumentNumber.kilograms(grams: 450) == "0.450")
        #expect(DocumentNumber.kilograms(grams: 12_345.6) == "12.346")
        #expect(DocumentNumber.percent(6) == "6.00" && DocumentNumber.percent(2.5) == "2.50" && DocumentNumber.percent(0.25) == "0.25")
    }
}
