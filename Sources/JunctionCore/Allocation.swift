/// One order line's demand: `units` sellable units, each consuming `components`.
public struct LineDemand: Hashable, Sendable {
    public var lineNo: Int
    public var units: Int
    public var components: [Component]

    public init(lineNo: Int, units: Int, components: [Component]) {
        self.lineNo = lineNo; self.units = units; self.components = components
    }
}

/// A location that could fulfil an order, with the ATP of the articles the order needs.
public struct LocationStock: Hashable, Sendable {
    public var locationCode: String
    /// Smaller numbers are tried first (1 is the highest priority).
    public var priority: Int
    public var atp: [Int64: Int]

    public init(locationCode: String, priority: Int, atp: [Int64: Int]) {
        self.locationCode = locationCode; self.priority = priority; self.atp = atp
    }
}

/// `units` sellable units of line `lineNo` promised from `locationCode`.
public struct LineAllocation: Hashable, Sendable, Codable {
    public var lineNo: Int
    public var locationCode: String
    public var units: Int

    public init(lineNo: Int, locationCode: String, units: Int) {
        self.lineNo = lineNo; self.locationCode = locationCode; self.units = units
    }
}

/// A reservation of stock units of one article at one location.
public struct StockReservation: Hashable, Sendable {
    public var locationCode: String
    public var articleId: Int64
    public var quantity: Int

    public init(locationCode: String, articleId: Int64, quantity: Int) {
        self.locationCode = locationCode; self.articleId = articleId; self.quantity = quantity
    }
}

/// Decides where an order's units come from. Allocation is all-or-nothing: an order is either fully
/// promised or waits (UNALLOCATED) for stock.
///
/// Rules: with a `locationCode` the order is fulfilled there or waits. Otherwise the channel's locations are
/// tried in priority order (ties: more stock of what the order needs first, then code), and the first
/// that can fulfil every line takes the whole order. Only when none can and the order allows splitting
/// (`isSplitRequired`) are units spread across locations, line by line, highest priority first, keeping
/// every unit of a bundle at one location.
public enum AllocationPlanner {
    public static func plan(_ demands: [LineDemand], locations: [LocationStock], pinnedLocation: String?,
                            allowSplit: Bool) -> [LineAllocation]? {
        let open = demands.filter { $0.units > 0 }
        guard !open.isEmpty else { return [] }
        if let pinnedLocation {
            guard let location = locations.first(where: { $0.locationCode == pinnedLocation }),
                  fitsWhole(open, at: location) else { return nil }
            return open.map { LineAllocation(lineNo: $0.lineNo, locationCode: pinnedLocation, units: $0.units) }
        }
        let ranked = rank(locations, for: open)
        if let whole = ranked.first(where: { fitsWhole(open, at: $0) }) {
            return open.map { LineAllocation(lineNo: $0.lineNo, locationCode: whole.locationCode, units: $0.units) }
        }
        return allowSplit ? split(open, over: ranked) : nil
    }

    /// The stock reservations an allocation needs, one per (location, article).
    public static func reservations(for allocations: [LineAllocation], demands: [LineDemand]) -> [StockReservation] {
        reservations(for: [(allocations, demands)])
    }

    /// The stock several orders' allocations take, summed per (location, article), sorted the same way.
    public static func reservations(for orders: [(allocations: [LineAllocation], demands: [LineDemand])]) -> [StockReservation] {
        var totals: [String: [Int64: Int]] = [:]
        for (allocations, demands) in orders {
            let componentsByLine = Dictionary(uniqueKeysWithValues: demands.map { ($0.lineNo, $0.components) })
            for allocation in allocations {
                for component in componentsByLine[allocation.lineNo] ?? [] {
                    totals[allocation.locationCode, default: [:]][component.articleId, default: 0] +=
                        allocation.units * component.quantity
                }
            }
        }
        return totals.keys.sorted().flatMap { location in
            totals[location]!.keys.sorted().map {
                StockReservation(locationCode: location, articleId: $0, quantity: totals[location]![$0]!)
            }
        }
    }

    static func need(_ demands: [LineDemand]) -> [Int64: Int] {
        var need: [Int64: Int] = [:]
        for demand in demands {
            for component in demand.components { need[component.articleId, default: 0] += demand.units * component.quantity }
        }
        return need
    }

    static func fitsWhole(_ demands: [LineDemand], at location: LocationStock) -> Bool {
        need(demands).allSatisfy { location.atp[$0.key, default: 0] >= $0.value }
    }

    static func rank(_ locations: [LocationStock], for demands: [LineDemand]) -> [LocationStock] {
        let articles = Set(need(demands).keys)
        func stock(_ location: LocationStock) -> Int { articles.reduce(0) { $0 + location.atp[$1, default: 0] } }
        return locations.sorted {
            if $0.priority != $1.priority { return $0.priority < $1.priority }
            let (left, right) = (stock($0), stock($1))
            return left != right ? left > right : $0.locationCode < $1.locationCode
        }
    }

    static func split(_ demands: [LineDemand], over ranked: [LocationStock]) -> [LineAllocation]? {
        var remainingATP = ranked.map(\.atp)
        var result: [LineAllocation] = []
        for demand in demands {
            var remaining = demand.units
            for (index, location) in ranked.enumerated() where remaining > 0 {
                let possible = ATP.units(of: demand.components) { remainingATP[index][$0, default: 0] }
                let take = min(remaining, possible)
                guard take > 0 else { continue }
                for component in demand.components { remainingATP[index][component.articleId, default: 0] -= take * component.quantity }
                result.append(LineAllocation(lineNo: demand.lineNo, locationCode: location.locationCode, units: take))
                remaining -= take
            }
            if remaining > 0 { return nil }
        }
        return result
    }
}
