import CCWDomain
import Foundation
import GRDB

/// The state one booking works on: the warehouse totals, the bin/batch locations and the cost
/// pools of the places it touches (loaded on first use), and the ledger rows it will append.
/// It applies the domain rules — `StockLevel.applying` and `CostPool` receipts, issues,
/// transfers and reversals — the same way `StockLedger.post` does, one place at a time.
///
/// Every level change is applied twice, in step: to the location (a bin/batch row, or the
/// warehouse's unassigned stock = total − bin/batch rows) and to the warehouse total; each is
/// checked against the negative-stock policy. A move between bins of one warehouse changes the
/// locations only; cost pools are per warehouse and do not move.
struct StockPostingWork {
    typealias Spot = StockLedgerStore.Spot
    typealias Place = StockLedgerStore.Place

    let store: StockLedgerStore
    let product: Product
    var levels: [Place: StockLedgerStore.LoadedLevel] = [:]
    var details: [Spot: StockLedgerStore.LoadedLevel] = [:]
    var pools: [Place: StockLedgerStore.LoadedPool] = [:]
    var lines: [StockLedgerStore.Line] = []

    init(store: StockLedgerStore, product: Product) {
        self.store = store
        self.product = product
    }

    func place(_ warehouse: Int64) -> Place { .init(product: product.id, warehouse: warehouse) }

    func spot(_ warehouse: Int64, bin: String = "", batch: String = "") -> Spot {
        Spot(place: place(warehouse), bin: bin, batch: batch)
    }

    /// "MAIN", "MAIN/A-12-3", "MAIN/A-12-3 batch L7": how messages name a location.
    func label(_ spot: Spot) throws -> String {
        var text = try store.warehouseCode(spot.place.warehouse)
        if !spot.bin.isEmpty { text += "/\(spot.bin)" }
        if !spot.batch.isEmpty { text += " batch \(spot.batch)" }
        return text
    }

    /// Runs a domain rule at a location; its refusal becomes a message naming product and location.
    func rule<T>(_ spot: Spot, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StockError {
            throw CoreError.rule("\(product.sku) at \(try label(spot)): \(error)")
        } catch let error as ValuationError {
            throw CoreError.rule("\(product.sku) at \(try label(spot)): \(error)")
        }
    }

    /// The warehouse's unassigned stock as this booking has left it so far.
    func unassigned(_ place: Place) throws -> StockLevel {
        let scale = product.decimals
        let total = try levels[place]?.level ?? store.level(place, scale: scale).level
        var (onHand, allocated) = try store.detailSum(place)
        for (spot, loaded) in details where spot.place == place {
            onHand += loaded.level.onHand.units - loaded.before.onHand.units
            allocated += loaded.level.allocated.units - loaded.before.allocated.units
        }
        return StockLevel(onHand: Quantity(units: total.onHand.units - onHand, scale: scale),
                          allocated: Quantity(units: total.allocated.units - allocated, scale: scale))
    }

    /// The level of a location as this booking has left it so far.
    func level(at spot: Spot) throws -> StockLevel {
        if spot.isDetail { return try (details[spot] ?? store.detail(spot, scale: product.decimals)).level }
        return try unassigned(spot.place)
    }

    /// Applies a change to a location and (unless `total` is false) to its warehouse total.
    mutating func changeLevel(_ change: StockLevel.Change, at spot: Spot, total: Bool = true) throws {
        let policy = store.policy
        if spot.isDetail {
            var loaded = try details[spot] ?? store.detail(spot, scale: product.decimals)
            loaded.level = try rule(spot) { try loaded.level.applying(change, policy: policy) }
            details[spot] = loaded
        } else if case .receive = change {
            // goods in can never make a location short: no need to work out the unassigned stock
        } else {
            let here = try unassigned(spot.place)
            _ = try rule(spot) { try here.applying(change, policy: policy) }
        }
        guard total else { return }
        var loaded = try levels[spot.place] ?? store.level(spot.place, scale: product.decimals)
        loaded.level = try rule(Spot(place: spot.place)) { try loaded.level.applying(change, policy: policy) }
        levels[spot.place] = loaded
    }

    /// Runs a costing on the place's pool; returns its result and the pool's value change.
    mutating func withPool<T>(_ spot: Spot, _ body: (inout CostPool) throws -> T) throws -> (T, Int64) {
        var loaded = try pools[spot.place] ?? store.pool(spot.place, product: product)
        let before = loaded.pool.value.minor
        let result = try rule(spot) { try body(&loaded.pool) }
        pools[spot.place] = loaded
        return (result, loaded.pool.value.minor - before)
    }

    func requireScale(_ quantity: Quantity) throws {
        guard quantity.scale == product.decimals else {
            throw CoreError.invalid("quantity", "\(quantity) has \(quantity.scale) decimals; \(product.sku) is counted with \(product.decimals)")
        }
    }

    // MARK: Goods in and out

    mutating func bookIn(_ quantity: Quantity, kind: String, at spot: Spot, unitCost: Money?,
                         reason: String? = nil) throws {
        try requireScale(quantity)
        try changeLevel(.receive(quantity), at: spot)
        let date = store.today
        let ((receipt, used), valueChange) = try withPool(spot) { pool in
            let cost = unitCost ?? pool.currentUnitCost
            return (try pool.apply(receipt: quantity, unitCost: cost, at: date), cost)
        }
        lines.append(.init(kind: kind, spot: spot, quantity: quantity.units, unitCost: used.minor,
                           costOfGoods: receipt.costVariance.minor, valueChange: valueChange,
                           costing: StoredCosting(receipt: receipt), reason: reason))
    }

    /// Goods out: a sale (`isSale`, its cost is cost of goods) or a write-off.
    mutating func bookOut(_ quantity: Quantity, change: StockLevel.Change, kind: String, at spot: Spot,
                          isSale: Bool, reason: String? = nil, document: StockDocument? = nil) throws {
        try requireScale(quantity)
        try changeLevel(change, at: spot)
        let date = store.today
        let (issue, valueChange) = try withPool(spot) { pool in try pool.apply(issue: quantity, at: date) }
        var allocated: Int64 = 0
        if case .issueAllocated = change { allocated = -quantity.units }
        lines.append(.init(kind: kind, spot: spot, quantity: -quantity.units, allocatedChange: allocated,
                           costOfGoods: isSale ? issue.cost.minor : 0, valueChange: valueChange,
                           costing: StoredCosting(issue: issue), reason: reason, document: document))
    }

    /// Moves goods to another warehouse (at their cost) or to another bin of the same one.
    mutating func transfer(_ quantity: Quantity, from source: Spot, to target: Spot) throws {
        guard source != target else { throw CoreError.rule("a transfer needs two different warehouses or bins") }
        try requireScale(quantity)
        if source.place == target.place {
            try changeLevel(.issue(quantity), at: source, total: false)
            try changeLevel(.receive(quantity), at: target, total: false)
            lines.append(.init(kind: "transfer-out", spot: source, quantity: -quantity.units))
            lines.append(.init(kind: "transfer-in", spot: target, quantity: quantity.units))
            return
        }
        try changeLevel(.issue(quantity), at: source)
        try changeLevel(.receive(quantity), at: target)
        let date = store.today
        let (out, outChange) = try withPool(source) { pool in try pool.apply(issue: quantity, at: date) }
        let (into, inChange) = try withPool(target) { pool in try pool.apply(transferIn: out, at: date) }
        lines.append(.init(kind: "transfer-out", spot: source, quantity: -quantity.units, valueChange: outChange,
                           costing: StoredCosting(issue: out)))
        lines.append(.init(kind: "transfer-in", spot: target, quantity: quantity.units, costOfGoods: into.costVariance.minor,
                           valueChange: inChange, costing: StoredCosting(receipt: into)))
    }

    mutating func adjust(_ delta: Quantity, kind: String, at spot: Spot, unitCost: Money?, reason: String?) throws {
        if delta.isPositive {
            try bookIn(delta, kind: kind, at: spot, unitCost: unitCost, reason: reason)
        } else {
            try bookOut(delta.magnitude, change: .adjust(delta), kind: kind, at: spot, isSale: false, reason: reason)
        }
    }

    mutating func reserve(_ change: StockLevel.Change, kind: String, quantity: Quantity, at spot: Spot,
                          document: StockDocument?) throws {
        try requireScale(quantity)
        try changeLevel(change, at: spot)
        let signed: Int64
        switch change {
        case .allocate: signed = quantity.units
        default: signed = -quantity.units
        }
        lines.append(.init(kind: kind, spot: spot, allocatedChange: signed, document: document))
    }

    // MARK: Reversal of one ledger row

    /// Undoes one row at its location: goods in are taken back at their cost, goods out come
    /// back at the cost they left with, moves between bins go back, reservations are given back.
    mutating func reverse(row: Row) throws {
        let spot = Spot(place: Place(product: row["product_id"], warehouse: row["warehouse_id"]), bin: row["bin"], batch: row["batch"])
        let kind: String = row["kind"]
        let original: Int64 = row["id"]
        let quantity: Int64 = row["quantity"]
        let document = (row["document_kind"] as String?).flatMap(StockDocument.Kind.init(rawValue:))
            .flatMap { kind in try? StockDocument(kind: kind, id: row["document_id"] ?? "") }
        let costing = try (row["costing"] as String?).map { try CanonicalJSON.decodePlain(StoredCosting.self, from: $0) }
        let date = store.today
        let scale = product.decimals
        if let receipt = costing?.receipt {
            try changeLevel(.issue(receipt.quantity), at: spot)
            let (issue, valueChange) = try withPool(spot) { pool in try pool.reverse(receipt: receipt, at: date) }
            lines.append(.init(kind: "reversal", spot: spot, quantity: -receipt.quantity.units, valueChange: valueChange,
                               costing: StoredCosting(issue: issue), reversalOf: original))
        } else if let issue = costing?.issue {
            try changeLevel(.receive(issue.quantity), at: spot)
            let (receipt, valueChange) = try withPool(spot) { pool in try pool.reverse(issue: issue, at: date) }
            let givenBack = kind == "issue" ? receipt.value.minor : 0
            lines.append(.init(kind: "reversal", spot: spot, quantity: issue.quantity.units,
                               costOfGoods: receipt.costVariance.minor - givenBack, valueChange: valueChange,
                               costing: StoredCosting(receipt: receipt), reversalOf: original, document: document))
        } else if quantity != 0 {
            // a move between bins of one warehouse: the locations change, the total does not
            let moved = Quantity(units: abs(quantity), scale: scale)
            try changeLevel(quantity > 0 ? .issue(moved) : .receive(moved), at: spot, total: false)
            lines.append(.init(kind: "reversal", spot: spot, quantity: -quantity, reversalOf: original))
        } else {
            let allocated = Quantity(units: row["allocated_change"], scale: scale)
            if allocated.isPositive {
                try changeLevel(.release(allocated), at: spot)
            } else if allocated.isNegative {
                try changeLevel(.allocate(allocated.magnitude), at: spot)
            }
            lines.append(.init(kind: "reversal", spot: spot, allocatedChange: -allocated.units, reversalOf: original,
                               document: document))
        }
    }
}

extension CanonicalJSON {
    /// Decodes JSON written with plain (camelCase) keys, as domain states are stored.
    static func decodePlain<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
