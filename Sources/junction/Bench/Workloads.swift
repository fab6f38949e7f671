/// The scenarios as workloads over the seeded catalogue.
enum Workloads {
    static func make(_ scenario: BenchScenario, catalogue: BenchCatalogue, history: Int) -> any Workload {
        switch scenario {
        case .baseline: BaselineWorkload(catalogue: catalogue)
        case .create: CreateWorkload(catalogue: catalogue)
        case .hot: HotWorkload(catalogue: catalogue)
        case .mixed: MixedWorkload(catalogue: catalogue)
        case .atp: ATPWorkload(catalogue: catalogue)
        case .read: ReadWorkload(orders: history)
        case .deliver: TimedCreateWorkload(catalogue: catalogue)
        }
    }
}

extension BenchCatalogue {
    /// `count` distinct plentiful listing codes picked at random.
    func randomListings(_ count: Int) -> [String] {
        var picked = Set<Int>()
        while picked.count < min(count, skus) { picked.insert(Int.random(in: 0..<skus)) }
        return picked.map(listingCode)
    }

    /// A new 3-line order on random plentiful SKUs, one unit each.
    func randomOrder(code: String) -> BenchOrder {
        BenchOrder(code: code, lines: randomListings(3).map { ($0, 1) })
    }
}

extension BenchOrder {
    var createCall: PlannedCall {
        PlannedCall(method: .POST, path: "/orders/outward", body: OrderJSON.order(code: code, lines: lines), creates: self)
    }
}

/// The same 3-line order, again and again, to `POST /bench/baseline`.
struct BaselineWorkload: Workload {
    let body: String

    init(catalogue: BenchCatalogue) {
        body = OrderJSON.order(code: "BASELINE", lines: catalogue.randomListings(3).map { ($0, 1) })
    }

    func next(worker: Int, sequence: Int) async -> PlannedCall {
        PlannedCall(method: .POST, path: "/bench/baseline", body: body)
    }
}

/// New 3-line orders on plentiful stock.
struct CreateWorkload: Workload {
    let catalogue: BenchCatalogue
    /// Starts every order code, so that scenarios never reuse each other's codes.
    var prefix = "C"

    func next(worker: Int, sequence: Int) async -> PlannedCall {
        catalogue.randomOrder(code: "\(prefix)-\(worker)-\(sequence)").createCall
    }
}

/// New 1-unit orders on the scarce SKUs, going on after they run out (those orders wait unallocated).
struct HotWorkload: Workload {
    let catalogue: BenchCatalogue

    func next(worker: Int, sequence: Int) async -> PlannedCall {
        let sku = catalogue.hotListingCode(Int.random(in: 0..<BenchCatalogue.hotCount))
        return BenchOrder(code: "H-\(worker)-\(sequence)", lines: [(sku, 1)]).createCall
    }
}

/// 70 % creates, 10 % full cancellations of orders created earlier in the run, 10 % ATP reads and
/// 10 % order reads.
struct MixedWorkload: Workload {
    let catalogue: BenchCatalogue
    let created = CreatedOrders()

    func next(worker: Int, sequence: Int) async -> PlannedCall {
        let roll = Int.random(in: 0..<100)
        if roll >= 70 && roll < 80, let order = await created.takeOpen() {
            return PlannedCall(method: .PUT, path: "/orders/\(order.code)/cancel",
                               body: OrderJSON.cancelAll(code: order.code, lines: order.lines))
        }
        if roll >= 90, let code = await created.anyCode() {
            return PlannedCall(method: .GET, path: "/orders/outward/\(code)")
        }
        if roll >= 80 {
            return PlannedCall(method: .POST, path: "/inventories/search-sku",
                               body: OrderJSON.search(catalogue.randomListings(Int.random(in: 1...3))))
        }
        return catalogue.randomOrder(code: "M-\(worker)-\(sequence)").createCall
    }

    func finished(_ call: PlannedCall, succeeded: Bool) async {
        if succeeded, let order = call.creates { await created.add(order) }
    }
}

/// Reads of random orders of the copied history (see ``OrderHistory``).
struct ReadWorkload: Workload {
    let orders: Int

    func next(worker: Int, sequence: Int) async -> PlannedCall {
        PlannedCall(method: .GET, path: "/orders/outward/SIZE-\(Int.random(in: 1...max(orders, 1)))")
    }
}

/// ATP reads of 1–3 random SKUs.
struct ATPWorkload: Workload {
    let catalogue: BenchCatalogue

    func next(worker: Int, sequence: Int) async -> PlannedCall {
        PlannedCall(method: .POST, path: "/inventories/search-sku",
                    body: OrderJSON.search(catalogue.randomListings(Int.random(in: 1...3))))
    }
}

/// Orders the mixed scenario created: any of them may be read; each is cancelled at most once.
actor CreatedOrders {
    private var open: [BenchOrder] = []
    private var codes: [String] = []

    func add(_ order: BenchOrder) {
        open.append(order)
        codes.append(order.code)
    }

    /// A random order not yet handed out for cancelling, removed from the open ones.
    func takeOpen() -> BenchOrder? {
        guard !open.isEmpty else { return nil }
        open.swapAt(Int.random(in: open.indices), open.count - 1)
        return open.removeLast()
    }

    /// The code of any order created so far.
    func anyCode() -> String? { codes.randomElement() }
}
