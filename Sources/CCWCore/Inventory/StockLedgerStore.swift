import CCWDomain
import Foundation
import GRDB

/// The SQL side of a booking: inside the caller's write transaction it loads only the stock
/// levels and cost pools a movement touches, and writes them back with the movement rows.
///
/// Warehouse totals are the `stock_levels` row with empty bin and batch; rows with a bin or a
/// batch are the stock at that location; unassigned stock is the total minus those rows (see
/// `InventoryBinsMigration` for the decision).
struct StockLedgerStore {
    let access: ScopedDatabase
    let currency: CurrencyCode
    let zone: TimeZone
    let policy: NegativeStockPolicy

    /// The organization setting that allows negative stock: `organizations.settings` key
    /// `inventory_negative_stock` with value `"allow"`; absent or anything else refuses.
    static let negativeStockSetting = "inventory_negative_stock"

    struct Place: Hashable, Comparable {
        var product: Int64
        var warehouse: Int64
        static func < (lhs: Place, rhs: Place) -> Bool { (lhs.product, lhs.warehouse) < (rhs.product, rhs.warehouse) }
    }

    /// One location of a product: a place plus bin and batch ("" for none). A location with
    /// neither is the warehouse's unassigned stock, which has no row of its own.
    struct Spot: Hashable, Comparable {
        var place: Place
        var bin: String = ""
        var batch: String = ""
        var isDetail: Bool { !bin.isEmpty || !batch.isEmpty }
        static func < (lhs: Spot, rhs: Spot) -> Bool { (lhs.place, lhs.bin, lhs.batch) < (rhs.place, rhs.bin, rhs.batch) }
    }

    struct LoadedLevel {
        var rowId: Int64?
        var version: Int64
        var before: StockLevel
        var level: StockLevel
    }

    struct LoadedPool {
        var rowId: Int64?
        var version: Int64
        var pool: CostPool
    }

    /// One row to append to `stock_movements`.
    struct Line {
        var kind: String
        var place: Place
        var quantity: Int64 = 0
        var allocatedChange: Int64 = 0
        var unitCost: Int64?
        var costOfGoods: Int64 = 0
        var valueChange: Int64 = 0
        var costing: StoredCosting?
        var reversalOf: Int64?
        var reason: String?
        var bin: String = ""
        var batch: String = ""
        var serials: [String] = []
        var counted: Int64?
        var expected: Int64?
        var document: StockDocument?

        init(kind: String, spot: Spot, quantity: Int64 = 0, allocatedChange: Int64 = 0, unitCost: Int64? = nil,
             costOfGoods: Int64 = 0, valueChange: Int64 = 0, costing: StoredCosting? = nil, reversalOf: Int64? = nil,
             reason: String? = nil, document: StockDocument? = nil) {
            self.kind = kind
            self.place = spot.place
            self.bin = spot.bin
            self.batch = spot.batch
            self.quantity = quantity
            self.allocatedChange = allocatedChange
            self.unitCost = unitCost
            self.costOfGoods = costOfGoods
            self.valueChange = valueChange
            self.costing = costing
            self.reversalOf = reversalOf
            self.reason = reason
            self.document = document
        }
    }

    init(_ access: ScopedDatabase) throws {
        self.access = access
        guard let org = try Row.fetchOne(access.db, sql: "SELECT base_currency, time_zone, settings FROM organizations WHERE id = ?",
                                         arguments: [access.scope.orgId]) else {
            throw CoreError.notFound(entity: "organization", key: access.scope.orgName)
        }
        currency = try CurrencyCode(org["base_currency"] as String)
        zone = TimeZone(identifier: org["time_zone"]) ?? TimeZone(identifier: "UTC")!
        let settings = (try? CanonicalJSON.decode([String: JSONValue].self, from: org["settings"])) ?? [:]
        policy = settings[Self.negativeStockSetting]?.stringValue == NegativeStockPolicy.allow.rawValue ? .allow : .refuse
    }

    var today: CalendarDate { ZonedTime.date(at: access.now, in: zone) }

    func product(_ id: Int64) throws -> Product {
        try Product(row: try access.table("products", entity: "product").requireRow(access.db, id: id))
    }

    func warehouseCode(_ id: Int64) throws -> String {
        try access.table("warehouses", entity: "warehouse").requireRow(access.db, id: id)["code"]
    }

    func level(_ place: Place, scale: Int) throws -> LoadedLevel {
        let row = try Row.fetchOne(access.db, sql: """
            SELECT id, on_hand, allocated, version FROM stock_levels
            WHERE org_id = ? AND product_id = ? AND warehouse_id = ? AND bin = '' AND batch = ''
            """, arguments: [access.scope.orgId, place.product, place.warehouse])
        guard let row else { return LoadedLevel(rowId: nil, version: 0, before: .zero(scale: scale), level: .zero(scale: scale)) }
        let level = StockLevel(onHand: Quantity(units: row["on_hand"], scale: scale),
                               allocated: Quantity(units: row["allocated"], scale: scale))
        return LoadedLevel(rowId: row["id"], version: row["version"], before: level, level: level)
    }

    /// The stock at a bin/batch location (a detail row; zero when there is none yet).
    func detail(_ spot: Spot, scale: Int) throws -> LoadedLevel {
        let row = try Row.fetchOne(access.db, sql: """
            SELECT id, on_hand, allocated, version FROM stock_levels
            WHERE org_id = ? AND product_id = ? AND warehouse_id = ? AND bin = ? AND batch = ?
            """, arguments: [access.scope.orgId, spot.place.product, spot.place.warehouse, spot.bin, spot.batch])
        guard let row else { return LoadedLevel(rowId: nil, version: 0, before: .zero(scale: scale), level: .zero(scale: scale)) }
        let level = StockLevel(onHand: Quantity(units: row["on_hand"], scale: scale),
                               allocated: Quantity(units: row["allocated"], scale: scale))
        return LoadedLevel(rowId: row["id"], version: row["version"], before: level, level: level)
    }

    /// On hand and allocated units of all bin/batch rows of a place.
    func detailSum(_ place: Place) throws -> (onHand: Int64, allocated: Int64) {
        let row = try Row.fetchOne(access.db, sql: """
            SELECT COALESCE(SUM(on_hand), 0) AS q, COALESCE(SUM(allocated), 0) AS a FROM stock_levels
            WHERE org_id = ? AND product_id = ? AND warehouse_id = ? AND (bin <> '' OR batch <> '')
            """, arguments: [access.scope.orgId, place.product, place.warehouse])
        return (row?["q"] ?? 0, row?["a"] ?? 0)
    }

    /// Whether anything was ever booked into `bin` at the warehouse (any product).
    func binKnown(_ bin: String, warehouse: Int64) throws -> Bool {
        try Bool.fetchOne(access.db, sql: """
            SELECT EXISTS (SELECT 1 FROM stock_levels WHERE org_id = ? AND warehouse_id = ? AND bin = ? AND bin <> '')
            """, arguments: [access.scope.orgId, warehouse, bin]) ?? false
    }

    /// Units a document holds reserved at a location (the sum of its ledger rows there).
    func reserved(for document: StockDocument, at spot: Spot) throws -> Int64 {
        try Int64.fetchOne(access.db, sql: """
            SELECT COALESCE(SUM(allocated_change), 0) FROM stock_movements WHERE org_id = ? AND document_kind = ?
            AND document_id = ? AND product_id = ? AND warehouse_id = ? AND bin = ? AND batch = ?
            """, arguments: [access.scope.orgId, document.kind.rawValue, document.id, spot.place.product, spot.place.warehouse,
                             spot.bin, spot.batch]) ?? 0
    }

    /// Batches with free stock in a bin, first expiring first (no expiry last): (batch, free units).
    func batchesByExpiry(_ place: Place, bin: String) throws -> [(batch: String, free: Int64)] {
        try Row.fetchAll(access.db, sql: """
            SELECT l.batch, l.on_hand - l.allocated AS free FROM stock_levels l
            LEFT JOIN batches b ON b.org_id = l.org_id AND b.product_id = l.product_id AND b.batch_number = l.batch
            WHERE l.org_id = ? AND l.product_id = ? AND l.warehouse_id = ? AND l.bin = ? AND l.batch <> ''
              AND l.on_hand - l.allocated > 0
            ORDER BY b.expiry IS NULL, b.expiry, l.batch
            """, arguments: [access.scope.orgId, place.product, place.warehouse, bin]).map { ($0["batch"], $0["free"]) }
    }

    func pool(_ place: Place, product: Product) throws -> LoadedPool {
        let row = try Row.fetchOne(access.db, sql: """
            SELECT id, state, version FROM cost_pools WHERE org_id = ? AND product_id = ? AND warehouse_id = ?
            """, arguments: [access.scope.orgId, place.product, place.warehouse])
        guard let row else {
            return LoadedPool(rowId: nil, version: 0, pool: CostPool(method: product.valuation, currency: currency,
                                                                     scale: product.decimals, negativeStock: policy))
        }
        var pool = try JSONDecoder().decode(CostPool.self, from: Data((row["state"] as String).utf8))
        pool.negativeStock = policy
        return LoadedPool(rowId: row["id"], version: row["version"], pool: pool)
    }

    func save(_ level: LoadedLevel, at place: Place) throws {
        try save(level, at: Spot(place: place))
    }

    /// Writes a total (empty bin and batch) or a detail row.
    func save(_ level: LoadedLevel, at spot: Spot) throws {
        let place = spot.place
        if let id = level.rowId {
            try access.db.execute(sql: """
                UPDATE stock_levels SET on_hand = ?, allocated = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ? AND org_id = ? AND version = ?
                """, arguments: [level.level.onHand.units, level.level.allocated.units, access.now, access.scope.userId,
                                 id, access.scope.orgId, level.version])
            try requireOneChange("stock level")
        } else {
            try access.db.execute(sql: """
                INSERT INTO stock_levels (org_id, product_id, warehouse_id, bin, batch, on_hand, allocated, updated_at, updated_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, arguments: [access.scope.orgId, place.product, place.warehouse, spot.bin, spot.batch, level.level.onHand.units,
                                 level.level.allocated.units, access.now, access.scope.userId])
        }
    }

    func save(_ pool: LoadedPool, at place: Place) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let state = String(decoding: try encoder.encode(pool.pool), as: UTF8.self)
        if let id = pool.rowId {
            try access.db.execute(sql: """
                UPDATE cost_pools SET on_hand = ?, value_minor = ?, state = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND org_id = ? AND version = ?
                """, arguments: [pool.pool.onHand.units, pool.pool.value.minor, state, access.now, id, access.scope.orgId, pool.version])
            try requireOneChange("cost pool")
        } else {
            try access.db.execute(sql: """
                INSERT INTO cost_pools (org_id, product_id, warehouse_id, method, currency, on_hand, value_minor, state, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, arguments: [access.scope.orgId, place.product, place.warehouse, pool.pool.method.rawValue,
                                 pool.pool.currency.code, pool.pool.onHand.units, pool.pool.value.minor, state, access.now])
        }
    }

    /// Appends the rows of one booking; returns their ids (the first is the booking id).
    func append(_ lines: [Line], reference: String?) throws -> [Int64] {
        let first = (try Int64.fetchOne(access.db, sql: "SELECT MAX(id) FROM stock_movements") ?? 0) + 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var ids: [Int64] = []
        for (offset, line) in lines.enumerated() {
            let id = first + Int64(offset)
            let costing = try line.costing.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try access.db.execute(sql: """
                INSERT INTO stock_movements (id, uid, org_id, booking_id, movement_date, kind, product_id, warehouse_id, bin, batch,
                    quantity, allocated_change, unit_cost_minor, cost_of_goods_minor, value_change_minor, currency, reference,
                    reason, reversal_of, costing, serials, created_at, created_by, counted_quantity, expected_quantity,
                    document_kind, document_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, UID.make(at: access.now), access.scope.orgId, first, today.description, line.kind,
                                 line.place.product, line.place.warehouse, line.bin, line.batch, line.quantity, line.allocatedChange,
                                 line.unitCost, line.costOfGoods, line.valueChange, currency.code, reference, line.reason,
                                 line.reversalOf, costing, try CanonicalJSON.encode(line.serials), access.now, access.scope.userId,
                                 line.counted, line.expected, line.document?.kind.rawValue, line.document?.id])
            ids.append(id)
        }
        return ids
    }

    /// The rows `append` just wrote: they share the booking id (the first id), so the lookup
    /// seeks `stock_movements_by_booking`. (Filtering on `org_id` and an id range let SQLite
    /// pick that index on `org_id` alone and walk the organization's whole ledger: seconds
    /// per booking at two million rows.)
    func movements(ids: [Int64], scale: Int) throws -> [StoredMovement] {
        guard let first = ids.first else { return [] }
        return try Row.fetchAll(access.db, sql: "SELECT * FROM stock_movements WHERE org_id = ? AND booking_id = ? ORDER BY id",
                                arguments: [access.scope.orgId, first]).map { try StoredMovement(row: $0, scale: scale) }
    }

    private func requireOneChange(_ what: String) throws {
        guard access.db.changesCount == 1 else { throw CoreError.storage("\(what) changed during a booking") }
    }
}
