import CCWDomain
import GRDB

/// Batches and serial numbers of a booking.
///
/// - Batch-tracked products name a batch on every receipt; the batch is registered in
///   `batches` with its expiry (a batch keeps one expiry). Quantities are kept per product and
///   warehouse; the batch is recorded on each ledger row.
/// - Serial-tracked products move one serial per unit; `serials` holds where each serial is
///   (`warehouse_id` NULL once it has left) and the last movement that moved it.
enum StockTrackingStore {
    static func record(_ request: StockMovementRequest, product: Product, lines: [StockLedgerStore.Line], ids: [Int64],
                       access: ScopedDatabase) throws {
        let receives = lines.contains { $0.quantity > 0 && $0.kind != "transfer-in" }
        if product.tracking == .batch, receives {
            guard let batch = request.batch?.nonBlank else { throw CoreError.invalid("batch", "\(product.sku) is tracked by batch: a batch number is required") }
            try register(batch: batch, expiry: request.expiry, product: product, access: access)
        }
        guard product.tracking == .serial else {
            if !request.serials.isEmpty { throw CoreError.invalid("serials", "\(product.sku) is not tracked by serial number") }
            return
        }
        for (line, id) in zip(lines, ids) where line.quantity != 0 && line.kind != "transfer-in" {
            guard Int64(request.serials.count) == abs(line.quantity) else {
                throw CoreError.invalid("serials", "\(abs(line.quantity)) units need as many serial numbers (got \(request.serials.count))")
            }
            let target: Int64?
            switch line.kind {
            case "transfer-out": target = request.kind.transferTarget
            default: target = line.quantity > 0 ? line.place.warehouse : nil
            }
            try move(request.serials, product: product, from: line.quantity > 0 ? nil : line.place.warehouse,
                     to: target, movementId: id, access: access)
        }
    }

    /// Puts the serials of reversed rows back where they were.
    static func reverse(_ rows: [Row], product: Product, ids: [Int64], access: ScopedDatabase) throws {
        guard product.tracking == .serial else { return }
        for (row, id) in zip(rows, ids) {
            let serials = try CanonicalJSON.decode([String].self, from: row["serials"])
            let quantity: Int64 = row["quantity"]
            let warehouse: Int64 = row["warehouse_id"]
            switch row["kind"] as String {
            case "transfer-in": continue
            case "transfer-out":
                let target = try Int64.fetchOne(access.db, sql: """
                    SELECT warehouse_id FROM stock_movements WHERE org_id = ? AND booking_id = ? AND kind = 'transfer-in'
                    """, arguments: [access.scope.orgId, row["booking_id"] as Int64])
                try move(serials, product: product, from: target, to: warehouse, movementId: id, access: access)
            default:
                if quantity > 0 { try move(serials, product: product, from: warehouse, to: nil, movementId: id, access: access) }
                if quantity < 0 { try move(serials, product: product, from: nil, to: warehouse, movementId: id, access: access) }
            }
        }
    }

    private static func register(batch: String, expiry: CalendarDate?, product: Product, access: ScopedDatabase) throws {
        let existing = try Row.fetchOne(access.db, sql: "SELECT expiry FROM batches WHERE org_id = ? AND product_id = ? AND batch_number = ?",
                                        arguments: [access.scope.orgId, product.id, batch])
        if let existing {
            let known: String? = existing["expiry"]
            if let expiry, known != expiry.description {
                throw CoreError.rule("batch \(batch) of \(product.sku) expires \(known ?? "never"), not \(expiry)")
            }
            return
        }
        try access.db.execute(sql: """
            INSERT INTO batches (org_id, product_id, batch_number, expiry, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [access.scope.orgId, product.id, batch, expiry?.description, access.now, access.scope.userId])
    }

    /// Moves serials `from` a warehouse (nil: from outside, i.e. received) `to` one (nil: gone).
    private static func move(_ serials: [String], product: Product, from: Int64?, to: Int64?, movementId: Int64,
                             access: ScopedDatabase) throws {
        guard Set(serials).count == serials.count else { throw CoreError.invalid("serials", "a serial number is listed twice") }
        for serial in serials {
            let row = try Row.fetchOne(access.db, sql: "SELECT id, warehouse_id FROM serials WHERE org_id = ? AND product_id = ? AND serial = ?",
                                       arguments: [access.scope.orgId, product.id, serial])
            let current: Int64? = row?["warehouse_id"]
            if from == nil, current != nil { throw CoreError.rule("serial \(serial) of \(product.sku) is already in stock") }
            if let from, current != from { throw CoreError.rule("serial \(serial) of \(product.sku) is not in stock at this warehouse") }
            if let id: Int64 = row?["id"] {
                try access.db.execute(sql: "UPDATE serials SET warehouse_id = ?, last_movement_id = ?, updated_at = ? WHERE id = ?",
                                      arguments: [to, movementId, access.now, id])
            } else {
                try access.db.execute(sql: """
                    INSERT INTO serials (org_id, product_id, serial, warehouse_id, last_movement_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [access.scope.orgId, product.id, serial, to, movementId, access.now])
            }
        }
    }
}

extension StockMovementRequest.Kind {
    var transferTarget: Int64? { if case let .transfer(_, target) = self { target } else { nil } }
}
