import JunctionCore
import JunctionStore

/// A small catalogue to try Junction with: two locations in two states, three articles with HSN codes and
/// tax rules, a bundle of two of them, a marketplace and an ERP partner with fixed demo credentials,
/// listings, stock and two custom attributes. Seeding twice changes nothing.
enum DemoCatalogue {
    static let marketplace = (name: "DEMO_MARKETPLACE", secret: "demo-marketplace-secret")
    static let erp = (name: "DEMO_ERP", secret: "demo-erp-secret")

    static func seed(_ junction: Junction) async throws {
        if try await junction.masters.channels(named: marketplace.name).first != nil {
            print("Demo catalogue already present.")
            printCredentials()
            return
        }
        _ = try await junction.masters.upsertLocations([
            Location(locationCode: "WH-BLR", name: "Bengaluru warehouse", locationType: .warehouse,
                     address: Address(name: "Junction Demo WH", line1: "12 Hosur Road", city: "Bengaluru",
                                      state: "Karnataka", zip: "560068", country: "India"),
                     gstin: "29ABCDE1234F1Z5", priority: 1),
            Location(locationCode: "ST-MUM", name: "Mumbai store", locationType: .store,
                     address: Address(name: "Junction Demo Store", line1: "4 Linking Road", city: "Mumbai",
                                      state: "Maharashtra", zip: "400050", country: "India"),
                     gstin: "27ABCDE1234F1Z9", priority: 2),
        ])
        try await junction.masters.putAttributeDefinitions([
            .order: [AttributeDefinition(key: "attribute1", label: "Coupon code", type: .string, searchable: true),
                     AttributeDefinition(key: "attribute2", label: "Gift card discount", type: .number)],
            .item: [AttributeDefinition(key: "attribute1", label: "Promotion", type: .string)],
        ])
        var articles: [ArticleInput] = []
        for (code, name, mrp, hsn, rule) in [("TSHIRT-BLK-M", "Black T-shirt M", 999, "6109", "GST_APPAREL"),
                                             ("JEANS-BLU-32", "Blue jeans 32", 2499, "6203", "GST_APPAREL"),
                                             ("CAP-RED", "Red cap", 560, "6505", "GST_12")] {
            var article = ArticleInput()
            article.channelSkuCode = code; article.clientSkuId = code; article.barcode = code; article.name = name
            article.brand = "Junction"; article.styleCode = String(code.prefix(5)); article.mrp = Paise(Int64(mrp) * 100)
            article.hsn = hsn; article.taxRule = rule
            articles.append(article)
        }
        var bundle = ArticleInput()
        bundle.channelSkuCode = "COMBO-TEE-CAP"; bundle.clientSkuId = "COMBO-TEE-CAP"; bundle.barcode = "COMBO-TEE-CAP"
        bundle.name = "T-shirt and cap combo"; bundle.brand = "Junction"; bundle.mrp = Paise(149_900); bundle.hsn = "6109"
        bundle.taxRule = "GST_APPAREL"; bundle.isBundled = FlexBool(true)
        bundle.virtualSkuDefinition = VirtualSkuDefinition(childSkus: [
            ChildSku(channelSkuCode: "TSHIRT-BLK-M", qty: 1), ChildSku(channelSkuCode: "CAP-RED", qty: 1)])
        articles.append(bundle)
        _ = try await junction.catalogue.createArticles(articles)
        _ = try await junction.masters.createChannel(name: marketplace.name, type: .marketplace,
                                                     locationCodes: ["WH-BLR", "ST-MUM"], outbound: .object([:]),
                                                     secret: marketplace.secret)
        _ = try await junction.masters.createChannel(name: erp.name, type: .erp, locationCodes: [], outbound: .object([:]),
                                                     secret: erp.secret)
        _ = try await junction.catalogue.createListings(channel: marketplace.name, articles.map {
            ListingInput(channelSkuCode: "MP-" + $0.channelSkuCode!, channelSerialNo: nil, barcode: $0.barcode,
                         clientSkuCode: nil, toleranceDays: nil)
        })
        _ = try await junction.inventory.setAbsolute([
            StockEntry(channelSkuCode: "TSHIRT-BLK-M", locationCode: "WH-BLR", quantity: 50),
            StockEntry(channelSkuCode: "JEANS-BLU-32", locationCode: "WH-BLR", quantity: 20),
            StockEntry(channelSkuCode: "CAP-RED", locationCode: "WH-BLR", quantity: 10),
            StockEntry(channelSkuCode: "TSHIRT-BLK-M", locationCode: "ST-MUM", quantity: 5),
            StockEntry(channelSkuCode: "CAP-RED", locationCode: "ST-MUM", quantity: 5),
        ], caller: .admin)
        print("Demo catalogue seeded: locations WH-BLR (Karnataka) and ST-MUM (Maharashtra); listings MP-TSHIRT-BLK-M, MP-JEANS-BLU-32, MP-CAP-RED, MP-COMBO-TEE-CAP (bundle).")
        printCredentials()
    }

    static func printCredentials() {
        print("Marketplace partner: authUsername: \(marketplace.name)  authPassword: \(marketplace.secret)")
        print("ERP partner:         authUsername: \(erp.name)  authPassword: \(erp.secret)")
    }
}
