import CCWDomain
import GRDB

/// Books stock movements (Inventory → Stock, `ccw stock …`): the one way stock levels, cost
/// pools and the stock ledger change.
///
/// Each booking is one IMMEDIATE write transaction (see `AppDatabase`), so bookings from any
/// number of `ccw` processes are applied one after the other: it reads only the levels and
/// pools of the places it touches, applies the domain rules, appends its ledger rows, writes
/// levels and pools back with their version raised, evaluates the reorder rules of those
/// places, audits itself and publishes `inventory.stock.moved` — all of it or nothing. A
/// process that finds another one writing waits up to the busy timeout (5 s) and only then
/// reports `CoreError.locked`.
///
/// Every movement happens at a location: a warehouse, optionally a bin (`BinCode`) and a
/// batch. The location and the warehouse total change together (see `StockPostingWork`);
/// taking from a bin nothing was ever put into is refused as an unknown bin. A batch-tracked
/// product issued or transferred without a batch is taken from its batches in that bin,
/// first-expired-first-out. Reservations may name a document; releasing or issuing against
/// a document never takes more than it holds at that location.
///
/// Negative stock is refused unless the organization's settings contain
/// `"inventory_negative_stock": "allow"` (see `StockLedgerStore.negativeStockSetting`).
public struct StockBooking: Sendable {
    let database: AppDatabase

    public static let movedEvent = "inventory.stock.moved"
    public static let lowEvent = "inventory.stock.low"

    @discardableResult
    public func book(_ scope: Scope, _ request: StockMovementRequest) throws -> StockBookingResult {
        try database.write(as: scope, .create, in: .inventory) { access in
            let store = try StockLedgerStore(access)
            let product = try store.product(request.productId)
            guard product.active else { throw CoreError.rule("product \(product.sku) is inactive; activate it before booking stock") }
            _ = try store.warehouseCode(request.warehouseId)
            var work = StockPostingWork(store: store, product: product)
            let bin = try Self.bin(request.bin, field: "bin")
            let batch = request.batch?.nonBlank ?? ""
            let here = work.spot(request.warehouseId, bin: bin, batch: batch)
            if !bin.isEmpty, request.kind.takesFromLocation, try !store.binKnown(bin, warehouse: request.warehouseId) {
                throw CoreError.invalid("bin", "bin \(bin) is not known at \(try store.warehouseCode(request.warehouseId)) (nothing was ever put there)")
            }
            var verb = ""
            switch request.kind {
            case let .receive(quantity, unitCost):
                try work.bookIn(quantity, kind: "receive", at: here, unitCost: unitCost)
                verb = "received \(quantity)"
            case let .issue(quantity, fromAllocation):
                if fromAllocation, let document = request.document {
                    try Self.requireReserved(quantity, for: document, at: here, work: work)
                }
                let change: (Quantity) -> StockLevel.Change = { fromAllocation ? .issueAllocated($0) : .issue($0) }
                for (spot, part) in try Self.picks(quantity, at: here, request: request, work: work) {
                    try work.bookOut(part, change: change(part), kind: "issue", at: spot, isSale: true,
                                     document: fromAllocation ? request.document : nil)
                }
                verb = "issued \(quantity)"
            case let .transfer(quantity, target):
                _ = try store.warehouseCode(target)
                let toBin = try Self.bin(request.toBin, field: "to bin")
                for (spot, part) in try Self.picks(quantity, at: here, request: request, work: work) {
                    try work.transfer(part, from: spot, to: work.spot(target, bin: toBin, batch: spot.batch))
                }
                verb = "transferred \(quantity)"
            case let .adjust(delta, reason, unitCost):
                guard let reason = reason.nonBlank else { throw CoreError.invalid("reason", "an adjustment needs a reason") }
                guard !delta.isZero else { throw CoreError.invalid("quantity", "an adjustment must not be zero") }
                try work.requireScale(delta)
                try work.adjust(delta, kind: "adjust", at: here, unitCost: unitCost, reason: reason)
                verb = "adjusted by \(delta)"
            case let .count(counted):
                try work.requireScale(counted)
                guard !counted.isNegative else { throw CoreError.invalid("counted", "must not be negative") }
                if product.tracking == .batch, batch.isEmpty {
                    throw CoreError.invalid("batch", "\(product.sku) is tracked by batch: count one batch at a time")
                }
                let book = try work.level(at: here).onHand
                let difference = counted - book
                if difference.isZero {
                    work.lines.append(.init(kind: "count", spot: here, reason: "counted \(counted)"))
                } else {
                    try work.adjust(difference, kind: "count", at: here, unitCost: nil, reason: "counted \(counted), book \(book)")
                }
                work.lines[work.lines.count - 1].counted = counted.units
                work.lines[work.lines.count - 1].expected = book.units
                verb = "counted \(counted) (book \(book))"
            case let .allocate(quantity):
                try work.reserve(.allocate(quantity), kind: "allocate", quantity: quantity, at: here, document: request.document)
                verb = "allocated \(quantity)"
            case let .release(quantity):
                if let document = request.document { try Self.requireReserved(quantity, for: document, at: here, work: work) }
                try work.reserve(.release(quantity), kind: "release", quantity: quantity, at: here, document: request.document)
                verb = "released \(quantity)"
            }
            for index in work.lines.indices { work.lines[index].serials = request.serials }
            let ids = try store.append(work.lines, reference: request.reference?.nonBlank)
            try StockTrackingStore.record(request, product: product, lines: work.lines, ids: ids, access: access)
            let at = try work.label(here)
            let forDocument = request.document.map { " for \($0)" } ?? ""
            return try Self.finish(work, ids: ids, summary: "\(verb) \(product.unit) of \(product.sku) at \(at)\(forDocument)", store: store)
        }
    }

    /// A valid bin code, "" for none; a bad one is refused naming the field.
    static func bin(_ text: String?, field: String) throws -> String {
        do { return try BinCode.optional(text)?.code ?? "" } catch let error as InputError {
            throw CoreError.invalid(field, error.description)
        }
    }

    /// Where goods leave from: the named location, or for a batch-tracked product issued
    /// without a batch, its batches in the bin first-expired-first-out.
    static func picks(_ quantity: Quantity, at spot: StockLedgerStore.Spot, request: StockMovementRequest,
                      work: StockPostingWork) throws -> [(StockLedgerStore.Spot, Quantity)] {
        guard work.product.tracking == .batch, spot.batch.isEmpty, quantity.isPositive else { return [(spot, quantity)] }
        if case .issue(_, true) = request.kind { return [(spot, quantity)] }
        var left = quantity.units
        var picks: [(StockLedgerStore.Spot, Quantity)] = []
        for (batch, free) in try work.store.batchesByExpiry(spot.place, bin: spot.bin) where left > 0 {
            let take = min(free, left)
            picks.append((StockLedgerStore.Spot(place: spot.place, bin: spot.bin, batch: batch), Quantity(units: take, scale: quantity.scale)))
            left -= take
        }
        if left > 0 {
            guard work.store.policy == .allow, let last = picks.popLast() else {
                let have = Quantity(units: quantity.units - left, scale: quantity.scale)
                throw CoreError.rule("\(work.product.sku) at \(try work.label(spot)): cannot take \(quantity): only \(have) available in its batches")
            }
            picks.append((last.0, Quantity(units: last.1.units + left, scale: quantity.scale)))
        }
        return picks
    }

    /// Refuses to release or issue more than a document holds reserved at a location.
    static func requireReserved(_ quantity: Quantity, for document: StockDocument, at spot: StockLedgerStore.Spot,
                                work: StockPostingWork) throws {
        let held = try work.store.reserved(for: document, at: spot)
        guard quantity.units <= held else {
            throw CoreError.rule("\(document) holds \(Quantity(units: held, scale: quantity.scale)) of \(work.product.sku) "
                + "reserved at \(try work.label(spot)), not \(quantity)")
        }
    }

    /// Undoes a posted movement with a reversal (the original row stays as it was). A
    /// transfer is undone at both warehouses. Refused when it was already reversed, when it is
    /// itself a reversal, or when its goods have been issued or moved since.
    @discardableResult
    public func reverse(_ scope: Scope, movementId: Int64, reference: String? = nil) throws -> StockBookingResult {
        try database.write(as: scope, .edit, in: .inventory) { access in
            let store = try StockLedgerStore(access)
            guard let target = try Row.fetchOne(access.db, sql: "SELECT * FROM stock_movements WHERE org_id = ? AND id = ?",
                                                arguments: [scope.orgId, movementId]) else {
                throw CoreError.notFound(entity: "stock movement", key: "#\(movementId)")
            }
            if (target["kind"] as String) == "reversal" {
                throw CoreError.rule("movement #\(movementId) is itself a reversal; book a new movement instead")
            }
            let rows = try Row.fetchAll(access.db, sql: """
                SELECT * FROM stock_movements WHERE org_id = ? AND booking_id = ? ORDER BY kind = 'transfer-in' DESC, id
                """, arguments: [scope.orgId, target["booking_id"] as Int64])
            let reversed = try Int.fetchOne(access.db, sql: """
                SELECT COUNT(*) FROM stock_movements WHERE org_id = ? AND reversal_of IN (SELECT id FROM stock_movements
                WHERE org_id = ? AND booking_id = ?)
                """, arguments: [scope.orgId, scope.orgId, target["booking_id"] as Int64]) ?? 0
            guard reversed == 0 else { throw CoreError.rule("movement #\(movementId) has already been reversed") }
            let product = try store.product(target["product_id"])
            var work = StockPostingWork(store: store, product: product)
            for row in rows { try work.reverse(row: row) }
            for index in work.lines.indices {
                work.lines[index].serials = try CanonicalJSON.decode([String].self, from: rows[index]["serials"])
            }
            let ids = try store.append(work.lines, reference: reference?.nonBlank ?? "reversal of #\(movementId)")
            try StockTrackingStore.reverse(rows, product: product, ids: ids, access: access)
            return try Self.finish(work, ids: ids, summary: "reversed movement #\(movementId) of \(product.sku)", store: store)
        }
    }

    /// Writes levels and pools, evaluates reorder rules, audits and publishes.
    private static func finish(_ work: StockPostingWork, ids: [Int64], summary: String,
                               store: StockLedgerStore) throws -> StockBookingResult {
        let access = store.access
        for (place, level) in work.levels.sorted(by: { $0.key < $1.key }) { try store.save(level, at: place) }
        for (spot, level) in work.details.sorted(by: { $0.key < $1.key }) { try store.save(level, at: spot) }
        for (place, pool) in work.pools.sorted(by: { $0.key < $1.key }) { try store.save(pool, at: place) }
        let alerts = try StockAlerts.evaluate(work.levels, product: work.product, movementId: ids[0], access: access)
        let movements = try store.movements(ids: ids, scale: work.product.decimals)
        let cogs = Money(minor: work.lines.reduce(0) { $0 + $1.costOfGoods }, currency: store.currency)
        let value = Money(minor: work.lines.reduce(0) { $0 + $1.valueChange }, currency: store.currency)
        let payload = MovedPayload(bookingId: ids[0], productId: work.product.id, sku: work.product.sku,
                                   movements: movements.map { .init(id: $0.id, kind: $0.kind, warehouseId: $0.warehouseId,
                                                                   quantity: $0.quantity.description,
                                                                   valueChangeMinor: $0.valueChange.minor) },
                                   costOfGoodsMinor: cogs.minor, currency: store.currency.code)
        try access.audit("stock movement", id: ids[0], uid: movements.first?.uid, .create, summary, after: payload)
        try EventOutbox.publish(access.db, orgId: access.scope.orgId, type: movedEvent, payload: payload, at: access.now)
        var touched: [StockLedgerStore.Spot] = []
        for line in work.lines {
            let spot = StockLedgerStore.Spot(place: line.place, bin: line.bin, batch: line.batch)
            if !touched.contains(spot) { touched.append(spot) }
        }
        let locations = try touched.map { spot in
            StockLocationLevel(productId: spot.place.product, warehouseId: spot.place.warehouse, bin: spot.bin, batch: spot.batch,
                               level: try work.level(at: spot))
        }
        let totals = try Set(touched.map(\.place)).sorted().map { place in
            StockLocationLevel(productId: place.product, warehouseId: place.warehouse, bin: "", batch: "",
                               level: try (work.levels[place] ?? store.level(place, scale: work.product.decimals)).level, isTotal: true)
        }
        return StockBookingResult(bookingId: ids[0], movements: movements, costOfGoods: cogs, valueChange: value, alerts: alerts,
                                  locations: locations, totals: totals)
    }

    struct MovedPayload: Encodable {
        struct Line: Encodable {
            var id: Int64
            var kind: String
            var warehouseId: Int64
            var quantity: String
            var valueChangeMinor: Int64
        }
        var bookingId: Int64
        var productId: Int64
        var sku: String
        var movements: [Line]
        var costOfGoodsMinor: Int64
        var currency: String
    }
}

extension AppDatabase {
    public var stockBooking: StockBooking { StockBooking(database: self) }
}

extension StockMovementRequest.Kind {
    /// Whether the movement takes from or inspects existing stock at its location (so the bin must exist).
    var takesFromLocation: Bool {
        switch self {
        case .receive: false
        case let .adjust(delta, _, _): !delta.isPositive
        default: true
        }
    }
}
