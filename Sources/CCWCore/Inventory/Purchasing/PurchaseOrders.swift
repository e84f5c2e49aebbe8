import CCWDomain
import GRDB

/// Purchase orders (FR-2.5 reorder automation): low-stock alerts become draft orders grouped by
/// supplier and warehouse; an order is sent, then received, which books its goods into stock
/// at the order's unit costs through `StockBooking`.
///
/// What a line has received is not stored beside the line: it is the sum of the receipts in
/// the stock ledger whose reference names the line (`PO-2026-0007/3`). So a receipt booked is
/// a receipt counted, whatever happens after it; receiving again books only what is missing.
/// Drafting needs Inventory `create`, sending and cancelling `edit`, receiving `create`. Every
/// change is audited and publishes `inventory.purchase-order.*`.
public struct PurchaseOrders: Sendable {
    let database: AppDatabase
    static let table = "purchase_orders"
    static let entity = "purchase order"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE purchase_orders (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                number TEXT NOT NULL,
                supplier_company_id INTEGER,
                warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
                status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'received', 'cancelled')),
                currency TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by INTEGER REFERENCES users(id),
                updated_by INTEGER REFERENCES users(id),
                deleted_at INTEGER,
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE (org_id, number)
            );
            CREATE INDEX purchase_orders_by_status ON purchase_orders(org_id, status, id) WHERE deleted_at IS NULL;
            CREATE TABLE purchase_order_lines (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                order_id INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
                product_id INTEGER NOT NULL REFERENCES products(id),
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                unit_cost_minor INTEGER NOT NULL,
                alert_id INTEGER REFERENCES stock_alerts(id),
                position INTEGER NOT NULL
            );
            CREATE INDEX purchase_order_lines_by_order ON purchase_order_lines(org_id, order_id, position);
            CREATE INDEX purchase_order_lines_by_alert ON purchase_order_lines(org_id, alert_id) WHERE alert_id IS NOT NULL;
            CREATE INDEX stock_movements_by_reference ON stock_movements(org_id, reference) WHERE reference IS NOT NULL;
            """)
    }

    /// Turns open low-stock alerts into draft orders: one per supplier (the product's, else the
    /// reorder rule's) and warehouse, one line per alert for its suggested quantity at the
    /// product's cost. Alerts already on an open order are refused by name.
    public func draft(_ scope: Scope, fromAlerts alertIds: [Int64]) throws -> [PurchaseOrder] {
        guard !alertIds.isEmpty else { throw CoreError.invalid("alerts", "choose at least one low-stock alert") }
        let ids = try database.write(as: scope, .create, in: .inventory) { access -> [Int64] in
            let rows = try Row.fetchAll(access.db, sql: """
                SELECT a.id, a.product_id, a.warehouse_id, a.suggested_quantity, a.resolved_at, p.sku, p.cost_minor, p.currency,
                       COALESCE(p.supplier_company_id, r.supplier_company_id) AS supplier,
                       (SELECT o.number FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
                        WHERE l.org_id = a.org_id AND l.alert_id = a.id AND o.status IN ('draft', 'sent') AND o.deleted_at IS NULL) AS open_order
                FROM stock_alerts a JOIN products p ON p.id = a.product_id
                LEFT JOIN reorder_rules r ON r.org_id = a.org_id AND r.product_id = a.product_id AND r.warehouse_id = a.warehouse_id
                     AND r.deleted_at IS NULL
                WHERE a.org_id = ? AND a.id IN (\(alertIds.map { _ in "?" }.joined(separator: ",")))
                ORDER BY a.id
                """, arguments: StatementArguments([scope.orgId] + alertIds))
            guard rows.count == Set(alertIds).count else { throw CoreError.notFound(entity: "stock alert", key: "in \(alertIds)") }
            for row in rows {
                let sku: String = row["sku"]
                if let order = row["open_order"] as String? { throw CoreError.rule("the alert for \(sku) is already on \(order)") }
                if row["resolved_at"] as Int64? != nil { throw CoreError.rule("the alert for \(sku) is resolved: stock is above its point again") }
            }
            let groups = Dictionary(grouping: rows) { GroupKey(supplier: $0["supplier"], warehouse: $0["warehouse_id"]) }
            var created: [Int64] = []
            for key in groups.keys.sorted() {
                let lines = groups[key]!
                let number = try Self.nextNumber(access)
                let inserted = try access.table(Self.table).insert(access.db, by: access.scope.actor, at: access.now, values: [
                    "number": number, "supplier_company_id": key.supplier, "warehouse_id": key.warehouse,
                    "currency": (lines.first?["currency"] as String?) ?? scope.baseCurrency.code,
                ])
                for (i, line) in lines.enumerated() {
                    try access.db.execute(sql: """
                        INSERT INTO purchase_order_lines (org_id, order_id, product_id, quantity, unit_cost_minor, alert_id, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [scope.orgId, inserted.id, line["product_id"], line["suggested_quantity"], line["cost_minor"],
                                         line["id"], i + 1])
                }
                let skus = lines.map { $0["sku"] as String }.joined(separator: ", ")
                _ = try access.audit(Self.entity, id: inserted.id, uid: inserted.uid, .create,
                                     "purchase order \(number) drafted from low stock: \(skus)")
                _ = try EventOutbox.publish(access.db, scope: access.scope, type: "inventory.purchase-order.drafted",
                                        payload: Self.payload(inserted.id, inserted.uid, number))
                created.append(inserted.id)
            }
            return created
        }
        return try ids.map { try get(scope, id: $0) }
    }

    /// Open low-stock alerts that are on no open order yet, newest first: what "reorder" offers.
    public func alertsToOrder(_ scope: Scope, limit: Int = 500) throws -> [StoredStockAlert] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT a.*, p.decimals FROM stock_alerts a JOIN products p ON p.id = a.product_id
                WHERE a.org_id = ? AND a.resolved_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
                    WHERE l.org_id = a.org_id AND l.alert_id = a.id AND o.status IN ('draft', 'sent') AND o.deleted_at IS NULL)
                ORDER BY a.created_at DESC, a.id DESC LIMIT ?
                """, arguments: [scope.orgId, limit]).map(StockAlerts.alert(row:))
        }
    }

    struct GroupKey: Hashable, Comparable {
        var supplier: Int64?
        var warehouse: Int64
        static func < (a: GroupKey, b: GroupKey) -> Bool { (a.supplier ?? -1, a.warehouse) < (b.supplier ?? -1, b.warehouse) }
    }

    /// `PO-2026-0001`, the next number of the organization in the year of `now`.
    static func nextNumber(_ access: ScopedDatabase) throws -> String {
        let year = ZonedTime.date(at: access.now, in: access.scope.zone).year
        let prefix = "PO-\(year)-"
        let last = try String.fetchOne(access.db, sql: """
            SELECT number FROM purchase_orders WHERE org_id = ? AND number LIKE ? ORDER BY number DESC LIMIT 1
            """, arguments: [access.scope.orgId, prefix + "%"])
        let n = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        return prefix + String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
    }

    /// The organization's orders, newest first; only open ones unless `includeClosed`.
    public func list(_ scope: Scope, includeClosed: Bool = false, limit: Int = 200) throws -> [PurchaseOrder] {
        try database.read(as: scope, in: .inventory) { access in
            let ids = try Int64.fetchAll(access.db, sql: """
                SELECT id FROM purchase_orders WHERE org_id = ? AND deleted_at IS NULL \(includeClosed ? "" : "AND status IN ('draft', 'sent')")
                ORDER BY id DESC LIMIT ?
                """, arguments: [scope.orgId, max(1, min(limit, 1000))])
            return try ids.map { try Self.load(access, id: $0) }
        }
    }

    public func get(_ scope: Scope, id: Int64) throws -> PurchaseOrder {
        try database.read(as: scope, in: .inventory) { access in try Self.load(access, id: id) }
    }

    public func get(_ scope: Scope, number: String) throws -> PurchaseOrder {
        try database.read(as: scope, in: .inventory) { access in
            guard let id = try Int64.fetchOne(access.db, sql: """
                SELECT id FROM purchase_orders WHERE org_id = ? AND number = ? COLLATE NOCASE AND deleted_at IS NULL
                """, arguments: [scope.orgId, number]) else { throw CoreError.notFound(entity: Self.entity, key: number) }
            return try Self.load(access, id: id)
        }
    }

    /// Marks a draft as sent to the supplier.
    public func markSent(_ scope: Scope, id: Int64, expectedVersion: Int64) throws -> PurchaseOrder {
        try setStatus(scope, id: id, expectedVersion: expectedVersion, to: .sent, from: [.draft], verb: "sent")
    }

    /// Cancels an order nothing was received on yet.
    public func cancel(_ scope: Scope, id: Int64, expectedVersion: Int64) throws -> PurchaseOrder {
        let order = try get(scope, id: id)
        if order.lines.contains(where: { $0.received.isPositive }) {
            throw CoreError.rule("\(order.number) has received goods; it cannot be cancelled")
        }
        return try setStatus(scope, id: id, expectedVersion: expectedVersion, to: .cancelled, from: [.draft, .sent], verb: "cancelled")
    }

    private func setStatus(_ scope: Scope, id: Int64, expectedVersion: Int64, to status: PurchaseOrderStatus,
                           from allowed: [PurchaseOrderStatus], verb: String) throws -> PurchaseOrder {
        try database.write(as: scope, .edit, in: .inventory) { access in
            let order = try Self.load(access, id: id)
            guard allowed.contains(order.status) else { throw CoreError.rule("\(order.number) is \(order.status.rawValue); it cannot be \(verb)") }
            try VersionedUpdate.run(access.db, table: Self.table, id: id, expectedVersion: expectedVersion, scope: access.scope,
                                    assignments: ["status": status.rawValue], entity: Self.entity, at: access.now)
            _ = try access.audit(Self.entity, id: id, uid: order.uid, .update, "purchase order \(order.number) \(verb)")
            _ = try EventOutbox.publish(access.db, scope: access.scope, type: "inventory.purchase-order.\(status.rawValue)",
                                    payload: Self.payload(id, order.uid, order.number))
            return try Self.load(access, id: id)
        }
    }

    /// Books what is still missing on each line as a receipt at the order's warehouse and unit
    /// cost (each receipt one stock booking, referenced `NUMBER/LINE`), then marks the order
    /// received. Receiving again after an interruption books only what is still missing.
    public func receive(_ scope: Scope, id: Int64) throws -> PurchaseOrder {
        let order = try get(scope, id: id)
        guard order.status.isOpen else { throw CoreError.rule("\(order.number) is \(order.status.rawValue); there is nothing to receive") }
        let booking = database.stockBooking
        for line in order.lines where line.remaining.isPositive {
            try booking.book(scope, StockMovementRequest(productId: line.productId, warehouseId: order.warehouseId,
                                                         kind: .receive(line.remaining, unitCost: line.unitCost),
                                                         reference: Self.reference(order.number, line: line.id)))
        }
        return try database.write(as: scope, .create, in: .inventory) { access in
            let fresh = try Self.load(access, id: id)
            guard fresh.status.isOpen, fresh.lines.allSatisfy({ !$0.remaining.isPositive }) else { return fresh }
            try VersionedUpdate.run(access.db, table: Self.table, id: id, expectedVersion: fresh.version, scope: access.scope,
                                    assignments: ["status": PurchaseOrderStatus.received.rawValue], entity: Self.entity, at: access.now)
            _ = try access.audit(Self.entity, id: id, uid: fresh.uid, .update,
                                 "purchase order \(fresh.number) received at \(fresh.warehouseCode): \(fresh.total.formatted)")
            _ = try EventOutbox.publish(access.db, scope: access.scope, type: "inventory.purchase-order.received",
                                    payload: Self.payload(id, fresh.uid, fresh.number))
            return try Self.load(access, id: id)
        }
    }

    static func reference(_ number: String, line: Int64) -> String { "\(number)/\(line)" }

    static func payload(_ id: Int64, _ uid: String, _ number: String) -> [String: JSONValue] {
        ["id": .int(id), "uid": .string(uid), "number": .string(number)]
    }

    static func load(_ access: ScopedDatabase, id: Int64) throws -> PurchaseOrder {
        guard let row = try Row.fetchOne(access.db, sql: """
            SELECT o.*, w.code AS warehouse_code, c.name AS supplier_name FROM purchase_orders o
            JOIN warehouses w ON w.id = o.warehouse_id LEFT JOIN companies c ON c.id = o.supplier_company_id AND c.org_id = o.org_id
            WHERE o.id = ? AND o.org_id = ? AND o.deleted_at IS NULL
            """, arguments: [id, access.scope.orgId]) else { throw CoreError.notFound(entity: entity, key: "#\(id)") }
        let number: String = row["number"]
        let currency = (try? CurrencyCode(row["currency"] as String)) ?? access.scope.baseCurrency
        let lines = try Row.fetchAll(access.db, sql: """
            SELECT l.*, p.sku, p.name, p.unit, p.decimals,
                   (SELECT COALESCE(SUM(m.quantity), 0) FROM stock_movements m
                    WHERE m.org_id = l.org_id AND m.reference = ? || '/' || l.id) +
                   (SELECT COALESCE(SUM(r.quantity), 0) FROM stock_movements m
                    JOIN stock_movements r ON r.org_id = m.org_id AND r.reference = 'reversal of #' || m.id
                    WHERE m.org_id = l.org_id AND m.reference = ? || '/' || l.id) AS received
            FROM purchase_order_lines l JOIN products p ON p.id = l.product_id
            WHERE l.org_id = ? AND l.order_id = ? ORDER BY l.position
            """, arguments: [number, number, access.scope.orgId, id]).map { l in
            let scale: Int = l["decimals"]
            return PurchaseOrderLine(id: l["id"], productId: l["product_id"], sku: l["sku"], name: l["name"], unit: l["unit"],
                                     quantity: Quantity(units: l["quantity"], scale: scale), received: Quantity(units: l["received"], scale: scale),
                                     unitCost: Money(minor: l["unit_cost_minor"], currency: currency), alertId: l["alert_id"])
        }
        return PurchaseOrder(id: id, uid: row["uid"], number: number, supplierId: row["supplier_company_id"], supplierName: row["supplier_name"],
                             warehouseId: row["warehouse_id"], warehouseCode: row["warehouse_code"],
                             status: PurchaseOrderStatus(rawValue: row["status"]) ?? .draft, currency: currency, lines: lines,
                             createdAt: row["created_at"], version: row["version"])
    }
}

extension AppDatabase {
    public var purchaseOrders: PurchaseOrders { PurchaseOrders(database: self) }
}
