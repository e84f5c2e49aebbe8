import CCWDomain
import Foundation
import GRDB

/// The state one booking works on: the levels and pools of the places it touches (loaded on
/// first use), and the ledger rows it will append. It applies the domain rules —
/// `StockLevel.applying` and `CostPool` receipts, issues, transfers and reversals — the same
/// way `StockLedger.post` does, one place at a time.
struct StockPostingWork {
    let store: StockLedgerStore
    let product: Product
    var levels: [StockLedgerStore.Place: StockLedgerStore.LoadedLevel] = [:]
    var pools: [StockLedgerStore.Place: StockLedgerStore.LoadedPool] = [:]
    var lines: [StockLedgerStore.Line] = []

    init(store: StockLedgerStore, product: Product) {
        self.store = store
        self.product = product
    }

    func place(_ warehouse: Int64) -> StockLedgerStore.Place { .init(product: product.id, warehouse: warehouse) }

    /// Runs a domain rule at a place; its refusal becomes a message naming product and warehouse.
    func rule<T>(_ place: StockLedgerStore.Place, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StockError {
            throw CoreError.rule("\(product.sku) at \(try store.warehouseCode(place.warehouse)): \(error)")
        } catch let error as ValuationError {
            throw CoreError.rule("\(product.sku) at \(try store.warehouseCode(place.warehouse)): \(error)")
        }
    }

    mutating func changeLevel(_ change: StockLevel.Change, at place: StockLedgerStore.Place) throws {
        var loaded = try levels[place] ?? store.level(place, scale: product.decimals)
        let policy = store.policy
        loaded.level = try rule(place) { try loaded.level.applying(change, policy: policy) }
        levels[place] = loaded
    }

    /// Runs a costing on the place's pool; returns its result and the pool's value change.
    mutating func withPool<T>(_ place: StockLedgerStore.Place, _ body: (inout CostPool) throws -> T) throws -> (T, Int64) {
        var loaded = try pools[place] ?? store.pool(place, product: product)
        let before = loaded.pool.value.minor
        let result = try rule(place) { try body(&loaded.pool) }
        pools[place] = loaded
        return (result, loaded.pool.value.minor - before)
    }

    func requireScale(_ quantity: Quantity) throws {
        guard quantity.scale == product.decimals else {
            throw CoreError.invalid("quantity", "\(quantity) has \(quantity.scale) decimals; \(product.sku) is counted with \(product.decimals)")
        }
    }

    // MARK: Goods in and out

    mutating func bookIn(_ quantity: Quantity, kind: String, at place: StockLedgerStore.Place, unitCost: Money?,
                         reason: String? = nil) throws {
        try requireScale(quantity)
        try changeLevel(.receive(quantity), at: place)
        let date = store.today
        let ((receipt, used), valueChange) = try withPool(place) { pool in
            let cost = unitCost ?? pool.currentUnitCost
            return (try pool.apply(receipt: quantity, unitCost: cost, at: date), cost)
        }
        lines.append(.init(kind: kind, place: place, quantity: quantity.units, unitCost: used.minor,
                           costOfGoods: receipt.costVariance.minor, valueChange: valueChange,
                           costing: StoredCosting(receipt: receipt), reason: reason))
    }

    /// Goods out: a sale (`isSale`, its cost is cost of goods) or a write-off.
    mutating func bookOut(_ quantity: Quantity, change: StockLevel.Change, kind: String, at place: StockLedgerStore.Place,
                          isSale: Bool, reason: String? = nil) throws {
        try requireScale(quantity)
        try changeLevel(change, at: place)
        let date = store.today
        let (issue, valueChange) = try withPool(place) { pool in try pool.apply(issue: quantity, at: date) }
        var allocated: Int64 = 0
        if case .issueAllocated = change { allocated = -quantity.units }
        lines.append(.init(kind: kind, place: place, quantity: -quantity.units, allocatedChange: allocated,
                           costOfGoods: isSale ? issue.cost.minor : 0, valueChange: valueChange,
                           costing: StoredCosting(issue: issue), reason: reason))
    }

    mutating func transfer(_ quantity: Quantity, from source: StockLedgerStore.Place, to target: StockLedgerStore.Place) throws {
        guard source != target else { throw CoreError.rule("a transfer needs two different warehouses") }
        try requireScale(quantity)
        try changeLevel(.issue(quantity), at: source)
        try changeLevel(.receive(quantity), at: target)
        let date = store.today
        let (out, outChange) = try withPool(source) { pool in try pool.apply(issue: quantity, at: date) }
        let (into, inChange) = try withPool(target) { pool in try pool.apply(transferIn: out, at: date) }
        lines.append(.init(kind: "transfer-out", place: source, quantity: -quantity.units, valueChange: outChange,
                           costing: StoredCosting(issue: out)))
        lines.append(.init(kind: "transfer-in", place: target, quantity: quantity.units, costOfGoods: into.costVariance.minor,
                           valueChange: inChange, costing: StoredCosting(receipt: into)))
    }

    mutating func adjust(_ delta: Quantity, kind: String, at place: StockLedgerStore.Place, unitCost: Money?, reason: String?) throws {
        if delta.isPositive {
            try bookIn(delta, kind: kind, at: place, unitCost: unitCost, reason: reason)
        } else {
            try bookOut(delta.magnitude, change: .adjust(delta), kind: kind, at: place, isSale: false, reason: reason)
        }
    }

    mutating func reserve(_ change: StockLevel.Change, kind: String, quantity: Quantity, at place: StockLedgerStore.Place) throws {
        try requireScale(quantity)
        try changeLevel(change, at: place)
        let signed: Int64
        switch change {
        case .allocate: signed = quantity.units
        default: signed = -quantity.units
        }
        lines.append(.init(kind: kind, place: place, allocatedChange: signed))
    }

    // MARK: Reversal of one ledger row

    /// Undoes one row at its place: goods in are taken back at their cost, goods out come back
    /// at the cost they left with, reservations are given back.
    mutating func reverse(row: Row) throws {
        let place = StockLedgerStore.Place(product: row["product_id"], warehouse: row["warehouse_id"])
        let kind: String = row["kind"]
        let original: Int64 = row["id"]
        let costing = try (row["costing"] as String?).map { try CanonicalJSON.decodePlain(StoredCosting.self, from: $0) }
        let date = store.today
        let scale = product.decimals
        if let receipt = costing?.receipt {
            try changeLevel(.issue(receipt.quantity), at: place)
            let (issue, valueChange) = try withPool(place) { pool in try pool.reverse(receipt: receipt, at: date) }
            lines.append(.init(kind: "reversal", place: place, quantity: -receipt.quantity.units, valueChange: valueChange,
                               costing: StoredCosting(issue: issue), reversalOf: original))
        } else if let issue = costing?.issue {
            try changeLevel(.receive(issue.quantity), at: place)
            let (receipt, valueChange) = try withPool(place) { pool in try pool.reverse(issue: issue, at: date) }
            let givenBack = kind == "issue" ? receipt.value.minor : 0
            lines.append(.init(kind: "reversal", place: place, quantity: issue.quantity.units,
                               costOfGoods: receipt.costVariance.minor - givenBack, valueChange: valueChange,
                               costing: StoredCosting(receipt: receipt), reversalOf: original))
        } else {
            let allocated = Quantity(units: row["allocated_change"], scale: scale)
            if allocated.isPositive {
                try changeLevel(.release(allocated), at: place)
            } else if allocated.isNegative {
                try changeLevel(.allocate(allocated.magnitude), at: place)
            }
            lines.append(.init(kind: "reversal", place: place, allocatedChange: -allocated.units, reversalOf: original))
        }
    }
}

extension CanonicalJSON {
    /// Decodes JSON written with plain (camelCase) keys, as domain states are stored.
    static func decodePlain<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
