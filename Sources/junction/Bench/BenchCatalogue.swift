import JunctionCore
import JunctionStore

/// What `junction bench` seeds through the stores before timing anything: three locations, one
/// marketplace on all three, `skus` articles with plentiful stock spread over the locations and
/// `hotCount` scarce ones at the first location, each listed on the marketplace.
struct BenchCatalogue: Sendable {
    static let channel = (name: "BENCH_MP", secret: "bench-marketplace-secret")
    static let locations = ["BW-BLR", "BW-MUM", "BS-DEL"]
    static let hotCount = 20
    static let hotStock = 50
    static let plentifulStock = 1_000_000
    /// Entries per store call, to keep each transaction a reasonable size.
    static let batchSize = 1_000

    let skus: Int

    /// The marketplace's code for plentiful SKU `index`.
    func listingCode(_ index: Int) -> String { "MP-" + Self.articleCode(index) }
    /// The marketplace's code for hot SKU `index`.
    func hotListingCode(_ index: Int) -> String { "MP-" + Self.hotArticleCode(index) }
    static func articleCode(_ index: Int) -> String { "SKU-\(index)" }
    static func hotArticleCode(_ index: Int) -> String { "HOT-\(index)" }
    /// Units of stock across all hot SKUs.
    static var totalHotStock: Int { hotCount * hotStock }

    /// Seeds everything; the database must be empty.
    func seed(_ junction: Junction) async throws {
        _ = try await junction.masters.upsertLocations([
            Self.location(Self.locations[0], "Bengaluru", "Karnataka", "560068", gstin: "29ABCDE1234F1Z5", priority: 1),
            Self.location(Self.locations[1], "Mumbai", "Maharashtra", "400050", gstin: "27ABCDE1234F1Z9", priority: 2),
            Self.location(Self.locations[2], "Delhi", "Delhi", "110001", gstin: nil, priority: 3),
        ])
        _ = try await junction.masters.createChannel(name: Self.channel.name, type: .marketplace, locationCodes: Self.locations,
                                                     outbound: .object([:]), secret: Self.channel.secret)
        let codes = (0..<skus).map(Self.articleCode) + (0..<Self.hotCount).map(Self.hotArticleCode)
        for batch in codes.chunked(Self.batchSize) {
            _ = try await junction.catalogue.createArticles(batch.map(Self.article))
            let listings = try await junction.catalogue.createListings(channel: Self.channel.name, batch.map {
                ListingInput(channelSkuCode: "MP-" + $0, barcode: $0)
            })
            if let failure = listings.failureSkuListingData.first {
                throw BenchError("listing seeding failed: \(failure.channelSku): \(failure.errorMessage)")
            }
        }
        let share = Self.plentifulStock / Self.locations.count
        var stock = (0..<skus).flatMap { index in
            Self.locations.map { StockEntry(channelSkuCode: Self.articleCode(index), locationCode: $0, quantity: share) }
        }
        stock += (0..<Self.hotCount).map {
            StockEntry(channelSkuCode: Self.hotArticleCode($0), locationCode: Self.locations[0], quantity: Self.hotStock)
        }
        for batch in stock.chunked(Self.batchSize) {
            let result = try await junction.inventory.setAbsolute(Array(batch), caller: .admin)
            if !result.failureList.isEmpty { throw BenchError("stock seeding failed: \(result.failureList.prefix(3))") }
        }
    }

    private static func location(_ code: String, _ city: String, _ state: String, _ zip: String, gstin: String?,
                                 priority: Int) -> Location {
        Location(locationCode: code, name: "Bench \(city)", locationType: .warehouse,
                 address: Address(name: "Bench \(city)", line1: "1 Bench Road", city: city, state: state, zip: zip, country: "India"),
                 gstin: gstin, priority: priority)
    }

    private static func article(_ code: String) -> ArticleInput {
        var article = ArticleInput()
        article.channelSkuCode = code; article.clientSkuId = code; article.barcode = code; article.name = "Bench \(code)"
        article.brand = "Junction"; article.mrp = Paise(99_900); article.hsn = "6109"; article.taxRule = "GST_APPAREL"
        return article
    }
}
