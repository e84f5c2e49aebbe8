import CCWCore
import CCWDomain
import Foundation
import GRDB

/// Builds the inventory data set: the catalogue of `SyntheticCatalogue`, then `movements`
/// ledger rows spread evenly over the 365 days before now, written by a prepared `INSERT` in
/// large transactions, and finally the stock levels, cost pools and reorder rules they imply.
///
/// Consistency with the core: every row is costed by the domain's own `CostPool` of its
/// place (product × warehouse) exactly as `StockPostingWork` does — receipts at a unit cost
/// near the product's cost, issues and write-offs under the product's method, transfers
/// carrying the drawn layers to the other warehouse, found goods at the current unit cost —
/// and carries its quantity, value change, cost of goods and costing JSON as a booking would.
/// The pools are then stored with their state, the levels with their on-hand quantity, so per
/// place the ledger sums equal `stock_levels.on_hand`, `cost_pools.on_hand` and
/// `cost_pools.value_minor`, and `StockBooking.book` continues from them. Nothing goes
/// negative; rows are dated in time order (nothing back-dated). Reorder rules are armed or
/// disarmed with an open alert as the stock stands now. Left out, as the CRM data set leaves
/// them out: an audit entry and an outbox event per synthetic booking, and the alerts that
/// were raised and resolved in the past.
///
/// Each stocked product (not a parent of variants) is kept at 2 to 6 warehouses; movements
/// favour popular places (a quadratic skew), so some places have hundreds of rows and many a
/// handful.
struct SyntheticInventory {
    let scale: InventoryScale
    let batch = 100_000
    var progress: (String) -> Void = { _ in }

    /// Where stock lies: a product at a warehouse, its pool and how often it was booked.
    struct Place {
        var product: Int
        var warehouse: Int64
        var pool: CostPool
        var touches: Int64 = 0
        var lastAt: Int64 = 0
        var lastId: Int64 = 0
    }

    /// One ledger row to insert.
    struct LedgerRow {
        var kind: String
        var place: Int
        var units: Int64
        var unitCost: Int64?
        var costOfGoods: Int64
        var valueChange: Int64
        var costing: String
        var reference: String?
        var reason: String?
    }

    /// Writes the data set into `database` (the organization must exist or is created);
    /// returns the seconds it took.
    func generate(into database: AppDatabase) throws -> Double {
        let started = Stopwatch.nowNanos()
        let (admin, staff) = try DatasetGenerator.organization(in: database)
        let clerks = staff.filter { ["lena.fischer", "stefan.koenig", "george.patel"].contains($0.login) }.compactMap(\.userId)
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -524288") }
        let now = database.now()
        var rng = SplitMix64(seed: 0x1A_7E_2026)
        let (warehouses, products) = try SyntheticCatalogue.create(scale, admin: admin, database: database, now: now - 366 * 86_400_000,
                                                                  rng: &rng)
        progress(String(format: "  %@ products, %d warehouses, %.1f s", products.count.grouped, warehouses.count,
                        Double(Stopwatch.nowNanos() - started) / 1e9))

        let currency = admin.baseCurrency
        var places: [Place] = []
        var firstPlace: [Int] = []  // per product: index of its first place (its places are contiguous)
        for (index, product) in products.enumerated() {
            firstPlace.append(places.count)
            guard !product.isParent else { continue }
            var chosen: [Int64] = []
            let wanted = min(warehouses.count, 2 + rng.below(5))
            while chosen.count < wanted {
                let w = warehouses[rng.below(warehouses.count)]
                if !chosen.contains(w) { chosen.append(w) }
            }
            for w in chosen.sorted() {
                places.append(Place(product: index, warehouse: w, pool: CostPool(method: product.method, currency: currency,
                                                                                  scale: product.decimals)))
            }
        }
        firstPlace.append(places.count)
        var popularity = Array(places.indices)
        for i in stride(from: popularity.count - 1, to: 0, by: -1) { popularity.swapAt(i, rng.below(i + 1)) }

        let span: Int64 = 365 * 86_400_000 - 3_600_000
        let start = now - 365 * 86_400_000
        var calendar = DayCache(zone: admin.zone)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var nextId = try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM stock_movements") ?? 1 }
        var written = 0
        while written < scale.movements {
            let upper = min(scale.movements, written + batch)
            try database.pool.write { db in
                let insert = try db.makeStatement(sql: """
                    INSERT INTO stock_movements (id, uid, org_id, booking_id, movement_date, kind, product_id, warehouse_id, quantity,
                        unit_cost_minor, cost_of_goods_minor, value_change_minor, currency, reference, reason, costing, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                while written < upper {
                    let at = start + Int64(Double(span) * Double(written) / Double(scale.movements))
                    let date = calendar.date(at)
                    let u = Double(rng.next() >> 11) / 9_007_199_254_740_992
                    let here = popularity[min(places.count - 1, Int(Double(places.count) * u * u))]
                    let product = places[here].product
                    let siblings = firstPlace[product]..<firstPlace[product + 1]
                    let rows = try Self.booking(at: here, siblings: siblings, room: scale.movements - written, places: &places,
                                                products: products, date: date, encoder: encoder, rng: &rng)
                    let booking = nextId
                    let clerk: Int64 = rng.pick(clerks)
                    for row in rows {
                        let place = places[row.place]
                        let values: [(any DatabaseValueConvertible)?] = [
                            nextId, Self.uid(at: at, id: nextId), admin.orgId, booking, date.text, row.kind, products[place.product].id,
                            place.warehouse, row.units, row.unitCost, row.costOfGoods, row.valueChange, currency.code, row.reference,
                            row.reason, row.costing, at, clerk,
                        ]
                        try insert.execute(arguments: StatementArguments(values))
                        places[row.place].touches += 1
                        places[row.place].lastAt = at
                        places[row.place].lastId = nextId
                        nextId += 1
                    }
                    written += rows.count
                }
            }
            progress(String(format: "  %@ movements, %.1f s", written.grouped, Double(Stopwatch.nowNanos() - started) / 1e9))
        }
        try writeState(places, products: products, admin: admin, database: database, rng: &rng)
        try database.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS ccw_bench_inventory (products INTEGER NOT NULL, warehouses INTEGER NOT NULL,
                                                                movements INTEGER NOT NULL, valuation TEXT NOT NULL)
                """)
            try db.execute(sql: "DELETE FROM ccw_bench_inventory")
            try db.execute(sql: "INSERT INTO ccw_bench_inventory (products, warehouses, movements, valuation) VALUES (?, ?, ?, ?)",
                           arguments: [scale.products, scale.warehouses, scale.movements, scale.valuation.rawValue])
        }
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return Double(Stopwatch.nowNanos() - started) / 1e9
    }

    /// The rows of one booking at place `here`: a receipt, an issue, a transfer to another
    /// place of the product (two rows) or a write-off / found goods, costed by the pools.
    static func booking(at here: Int, siblings: Range<Int>, room: Int, places: inout [Place], products: [SyntheticProduct],
                        date: (day: CalendarDate, text: String), encoder: JSONEncoder, rng: inout SplitMix64) throws -> [LedgerRow] {
        let product = products[places[here].product]
        let whole = Quantity(units: 0, scale: product.decimals).unitsPerWhole
        let currency = places[here].pool.currency
        let onHand = places[here].pool.onHand.units
        func quantity(_ wholeUnits: Int) -> Quantity {
            Quantity(units: Int64(wholeUnits) * whole + (whole > 1 ? Int64(rng.below(Int(whole))) : 0), scale: product.decimals)
        }
        func taken(atMost wholeUnits: Int) -> Quantity {
            Quantity(units: 1 + Int64(rng.below(Int(min(onHand, Int64(wholeUnits) * whole)))), scale: product.decimals)
        }
        func encode(receipt: ReceiptCosting? = nil, issue: IssueCosting? = nil) throws -> String {
            String(decoding: try encoder.encode(Costing(receipt: receipt, issue: issue)), as: UTF8.self)
        }
        let roll = onHand <= 0 ? 0 : 1 + rng.below(100)
        switch roll {
        case 0...40:
            let q = quantity(10 + rng.below(110))
            let cost = Money(minor: max(1, product.costMinor * Int64(90 + rng.below(21)) / 100), currency: currency)
            let before = places[here].pool.value.minor
            let receipt = try places[here].pool.apply(receipt: q, unitCost: cost, at: date.day)
            return [LedgerRow(kind: "receive", place: here, units: q.units, unitCost: cost.minor, costOfGoods: receipt.costVariance.minor,
                        valueChange: places[here].pool.value.minor - before, costing: try encode(receipt: receipt),
                        reference: "PO-\(100_000 + rng.below(900_000))")]
        case 91...96 where siblings.count > 1 && room >= 2:
            var target = siblings.lowerBound + rng.below(siblings.count - 1)
            if target >= here { target += 1 }
            let q = taken(atMost: 30)
            let outBefore = places[here].pool.value.minor, inBefore = places[target].pool.value.minor
            let out = try places[here].pool.apply(issue: q, at: date.day)
            let into = try places[target].pool.apply(transferIn: out, at: date.day)
            return [
                LedgerRow(kind: "transfer-out", place: here, units: -q.units, costOfGoods: 0, valueChange: places[here].pool.value.minor - outBefore,
                    costing: try encode(issue: out)),
                LedgerRow(kind: "transfer-in", place: target, units: q.units, costOfGoods: into.costVariance.minor,
                    valueChange: places[target].pool.value.minor - inBefore, costing: try encode(receipt: into)),
            ]
        case 97...98:
            let q = taken(atMost: 3)
            let before = places[here].pool.value.minor
            let issue = try places[here].pool.apply(issue: q, at: date.day)
            return [LedgerRow(kind: "adjust", place: here, units: -q.units, costOfGoods: 0, valueChange: places[here].pool.value.minor - before,
                        costing: try encode(issue: issue), reason: "damaged in storage")]
        case 99...100:
            let q = quantity(1 + rng.below(3))
            let cost = places[here].pool.currentUnitCost
            let before = places[here].pool.value.minor
            let receipt = try places[here].pool.apply(receipt: q, unitCost: cost, at: date.day)
            return [LedgerRow(kind: "adjust", place: here, units: q.units, unitCost: cost.minor, costOfGoods: receipt.costVariance.minor,
                        valueChange: places[here].pool.value.minor - before, costing: try encode(receipt: receipt),
                        reason: "found in cycle count")]
        default:
            let q = taken(atMost: 60)
            let before = places[here].pool.value.minor
            let issue = try places[here].pool.apply(issue: q, at: date.day)
            return [LedgerRow(kind: "issue", place: here, units: -q.units, costOfGoods: issue.cost.minor,
                        valueChange: places[here].pool.value.minor - before, costing: try encode(issue: issue),
                        reference: "SO-\(100_000 + rng.below(900_000))")]
        }
    }

    /// The stock levels and cost pools of every place booked, and a reorder rule at one
    /// place in seven. A rule whose place is at or below its point is disarmed with an open
    /// alert raised by the place's last movement, as `StockAlerts.evaluate` would have left it.
    private func writeState(_ places: [Place], products: [SyntheticProduct], admin: Scope, database: AppDatabase,
                            rng: inout SplitMix64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try database.pool.write { db in
            let level = try db.makeStatement(sql: """
                INSERT INTO stock_levels (org_id, product_id, warehouse_id, on_hand, allocated, updated_at, updated_by, version)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?)
                """)
            let pool = try db.makeStatement(sql: """
                INSERT INTO cost_pools (org_id, product_id, warehouse_id, method, currency, on_hand, value_minor, state, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let rule = try db.makeStatement(sql: """
                INSERT INTO reorder_rules (uid, org_id, product_id, warehouse_id, reorder_point, reorder_quantity, armed,
                                           created_at, updated_at, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let alert = try db.makeStatement(sql: """
                INSERT INTO stock_alerts (uid, org_id, product_id, warehouse_id, movement_id, available, reorder_point,
                                          suggested_quantity, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var rules = 0
            for place in places {
                let product = products[place.product]
                if rng.below(7) == 0 {
                    rules += 1
                    let whole = Quantity(units: 0, scale: product.decimals).unitsPerWhole
                    let point = Int64(10 + rng.below(60)) * whole, quantity = Int64(100 + rng.below(200)) * whole
                    let onHand = place.pool.onHand.units
                    let low = place.touches > 0 && onHand <= point
                    try rule.execute(arguments: [DatasetGenerator.uid(Int64(rules), "reorder rule"), admin.orgId, product.id,
                                                 place.warehouse, point, quantity, !low, place.lastAt, place.lastAt, admin.userId,
                                                 admin.userId])
                    if low {
                        try alert.execute(arguments: [DatasetGenerator.uid(Int64(rules), "stock alert"), admin.orgId, product.id,
                                                      place.warehouse, place.lastId, onHand, point, quantity, place.lastAt])
                    }
                }
                guard place.touches > 0 else { continue }
                try level.execute(arguments: [admin.orgId, product.id, place.warehouse, place.pool.onHand.units, place.lastAt,
                                              admin.userId, place.touches])
                let state = String(decoding: try encoder.encode(place.pool), as: UTF8.self)
                try pool.execute(arguments: [admin.orgId, product.id, place.warehouse, place.pool.method.rawValue, place.pool.currency.code,
                                             place.pool.onHand.units, place.pool.value.minor, state, place.lastAt, place.touches])
            }
        }
    }

    /// The costing JSON of a ledger row, as the core stores it (`StoredCosting`).
    struct Costing: Encodable {
        var receipt: ReceiptCosting?
        var issue: IssueCosting?
    }

    /// A UUIDv7-shaped uid: the row's time in its first 48 bits, so uids grow with time as
    /// `UID.make` makes them; the id keeps it unique.
    static func uid(at: Int64, id: Int64) -> String {
        let time = DatasetGenerator.hexDigits(UInt64(at), count: 12)
        return "\(time.prefix(8))-\(time.suffix(4))-7\(DatasetGenerator.hexDigits(UInt64(id) >> 48, count: 3))-8000-"
            + DatasetGenerator.hexDigits(UInt64(id), count: 12)
    }

    /// The organization's calendar date of an instant, worked out once per day of rows.
    struct DayCache {
        let zone: TimeZone
        var from: Int64 = .max
        var until: Int64 = .min
        var current = (day: CalendarDate(dayNumber: 0), text: "")

        mutating func date(_ at: Int64) -> (day: CalendarDate, text: String) {
            if at < from || at >= until {
                let day = ZonedTime.date(at: at, in: zone)
                from = ZonedTime.startOfDay(day, in: zone)
                until = ZonedTime.startOfDay(day.adding(days: 1), in: zone)
                current = (day, day.description)
            }
            return current
        }
    }

    /// The inventory sizes already in `database`, or nil when it holds no inventory data set.
    static func existing(in database: AppDatabase) throws -> InventoryScale? {
        try database.pool.read { db in
            guard try db.tableExists("ccw_bench_inventory"),
                  let row = try Row.fetchOne(db, sql: "SELECT products, warehouses, movements, valuation FROM ccw_bench_inventory"),
                  let valuation = BenchValuation(rawValue: row["valuation"]) else { return nil }
            return InventoryScale(products: row["products"], warehouses: row["warehouses"], movements: row["movements"], valuation: valuation)
        }
    }
}
