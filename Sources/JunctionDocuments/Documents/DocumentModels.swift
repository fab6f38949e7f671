import JunctionCore

/// A party printed on a document: a supplier, a buyer, a consignee or a location.
public struct DocumentParty: Sendable, Hashable {
    public var name: String
    /// Street lines, already without empty ones.
    public var addressLines: [String]
    public var city: String?
    /// The state's name as printed.
    public var state: String?
    /// The two-digit GST state code, when the state is known.
    public var stateCode: String?
    public var zip: String?
    public var gstin: String?
    public var phone: String?

    public init(name: String, addressLines: [String], city: String?, state: String?, stateCode: String?, zip: String?,
                gstin: String?, phone: String?) {
        self.name = name; self.addressLines = addressLines; self.city = city; self.state = state
        self.stateCode = stateCode; self.zip = zip; self.gstin = gstin; self.phone = phone
    }
}

/// One line of a GST tax invoice.
public struct TaxInvoiceLine: Sendable, Hashable {
    public var description: String
    public var channelSkuCode: String
    public var hsnCode: String?
    /// The line's figures: quantity, base, taxes and tax-inclusive price, per unit and total.
    public var tax: LineTax

    public init(description: String, channelSkuCode: String, hsnCode: String?, tax: LineTax) {
        self.description = description; self.channelSkuCode = channelSkuCode; self.hsnCode = hsnCode; self.tax = tax
    }
}

/// Everything a GST tax invoice shows.
public struct TaxInvoiceData: Sendable, Hashable {
    public var invoiceNumber: String
    public var invoiceDate: Timestamp
    public var orderCode: String
    public var channelName: String
    public var shipmentCode: String
    /// The e-invoice reference number, when the supplier's location has e-invoicing on.
    public var irn: String?
    public var supplier: DocumentParty
    public var billTo: DocumentParty
    public var shipTo: DocumentParty
    /// The state the supply is made to, as printed ("Karnataka (29)").
    public var placeOfSupply: String
    public var supplyType: SupplyType
    public var lines: [TaxInvoiceLine]
    public var totals: InvoiceTaxTotals

    public init(invoiceNumber: String, invoiceDate: Timestamp, orderCode: String, channelName: String,
                shipmentCode: String, irn: String?, supplier: DocumentParty, billTo: DocumentParty, shipTo: DocumentParty,
                placeOfSupply: String, supplyType: SupplyType, lines: [TaxInvoiceLine], totals: InvoiceTaxTotals) {
        self.invoiceNumber = invoiceNumber; self.invoiceDate = invoiceDate; self.orderCode = orderCode
        self.channelName = channelName; self.shipmentCode = shipmentCode; self.irn = irn; self.supplier = supplier
        self.billTo = billTo; self.shipTo = shipTo; self.placeOfSupply = placeOfSupply; self.supplyType = supplyType
        self.lines = lines; self.totals = totals
    }
}

/// Everything a 4×6 inch shipping label shows.
public struct ShippingLabelData: Sendable, Hashable {
    public var transporter: String
    public var awbNumber: String
    public var orderCode: String
    public var shipmentCode: String
    public var invoiceNumber: String?
    public var shipFrom: DocumentParty
    public var shipTo: DocumentParty
    /// `COD` or `PREPAID`.
    public var paymentMethod: String
    /// The amount to collect on delivery; nil for prepaid parcels.
    public var codAmount: Paise?
    public var weightGrams: Double?
    /// "30 × 20 × 10 cm", when known.
    public var dimensions: String?
    public var packedAt: Timestamp
    /// Units in the parcel.
    public var units: Int

    public init(transporter: String, awbNumber: String, orderCode: String, shipmentCode: String, invoiceNumber: String?,
                shipFrom: DocumentParty, shipTo: DocumentParty, paymentMethod: String, codAmount: Paise?,
                weightGrams: Double?, dimensions: String?, packedAt: Timestamp, units: Int) {
        self.transporter = transporter; self.awbNumber = awbNumber; self.orderCode = orderCode
        self.shipmentCode = shipmentCode; self.invoiceNumber = invoiceNumber; self.shipFrom = shipFrom; self.shipTo = shipTo
        self.paymentMethod = paymentMethod; self.codAmount = codAmount; self.weightGrams = weightGrams
        self.dimensions = dimensions; self.packedAt = packedAt; self.units = units
    }
}

/// One shipment listed on a manifest or a handover sheet.
public struct DispatchEntry: Sendable, Hashable {
    public var orderCode: String
    public var shipmentCode: String
    public var awbNumber: String
    public var invoiceNumber: String?
    public var boxes: Int
    public var weightGrams: Double?
    /// The amount the courier collects; nil for prepaid parcels.
    public var codAmount: Paise?

    public init(orderCode: String, shipmentCode: String, awbNumber: String, invoiceNumber: String?, boxes: Int,
                weightGrams: Double?, codAmount: Paise?) {
        self.orderCode = orderCode; self.shipmentCode = shipmentCode; self.awbNumber = awbNumber
        self.invoiceNumber = invoiceNumber; self.boxes = boxes; self.weightGrams = weightGrams; self.codAmount = codAmount
    }
}

/// A manifest (§5.8): the packed shipments of one transporter at one location.
public struct ManifestData: Sendable, Hashable {
    public var manifestCode: String
    public var transporter: String
    public var location: DocumentParty
    public var locationCode: String
    public var createdAt: Timestamp
    public var entries: [DispatchEntry]

    public init(manifestCode: String, transporter: String, location: DocumentParty, locationCode: String,
                createdAt: Timestamp, entries: [DispatchEntry]) {
        self.manifestCode = manifestCode; self.transporter = transporter; self.location = location
        self.locationCode = locationCode; self.createdAt = createdAt; self.entries = entries
    }
}

/// A handover sheet (§5.9): shipments given to the transporter, with the transport details kept.
public struct HandoverData: Sendable, Hashable {
    public var handoverCode: String
    public var transporter: String
    public var location: DocumentParty
    public var locationCode: String
    public var handedOverAt: Timestamp
    public var vehicleNumber: String?
    public var lrNumber: String?
    public var ewayBillNumber: String?
    public var remarks: String?
    public var entries: [DispatchEntry]

    public init(handoverCode: String, transporter: String, location: DocumentParty, locationCode: String,
                handedOverAt: Timestamp, vehicleNumber: String?, lrNumber: String?, ewayBillNumber: String?,
                remarks: String?, entries: [DispatchEntry]) {
        self.handoverCode = handoverCode; self.transporter = transporter; self.location = location
        self.locationCode = locationCode; self.handedOverAt = handedOverAt; self.vehicleNumber = vehicleNumber
        self.lrNumber = lrNumber; self.ewayBillNumber = ewayBillNumber; self.remarks = remarks; self.entries = entries
    }
}
