import CCWDomain
import GRDB

/// Tells people about low stock: each low-stock alert (raised once by the booking that took a
/// place to or below its reorder point, see `StockAlerts`) becomes one notification for the
/// organization's admins, managers and warehouse staff, which their open TUIs show as a toast
/// and the Home badge counts.
///
/// Exactly once: the alert is marked `notified_at` in the same transaction that writes the
/// notifications, only if it was still unmarked, so two processes or two runs never notify
/// twice. Each notice is audited as the job. At most `batchSize` alerts per run, oldest first.
public enum LowStockNoticeJob {
    public static let name = "inventory.low-stock-notices"
    public static let interval: Int64 = 15_000
    public static let batchSize = 200
    /// Who hears about low stock.
    static let roles = [Role.admin, .manager, .warehouse].map(\.rawValue)

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE stock_alerts ADD COLUMN notified_at INTEGER;
            UPDATE stock_alerts SET notified_at = created_at;
            CREATE INDEX stock_alerts_to_notify ON stock_alerts(id) WHERE notified_at IS NULL;
            """)
    }

    public static let job = Job(name: name, every: interval) { ctx in
        let sent = try send(ctx.database, now: ctx.now)
        return sent == 0 ? .idle : JobOutcome(summary: "\(sent) low-stock alert\(sent == 1 ? "" : "s") announced")
    }

    /// Announces every alert not announced yet (up to `limit`); returns how many.
    @discardableResult
    public static func send(_ database: AppDatabase, now: Int64, limit: Int = batchSize) throws -> Int {
        try database.write { db in
            let due = try Row.fetchAll(db, sql: """
                SELECT a.id, a.uid, a.org_id, a.available, a.reorder_point, a.suggested_quantity,
                       p.sku, p.name, p.unit, p.decimals, w.code
                FROM stock_alerts a JOIN products p ON p.id = a.product_id JOIN warehouses w ON w.id = a.warehouse_id
                WHERE a.notified_at IS NULL ORDER BY a.id LIMIT ?
                """, arguments: [max(1, limit)])
            var sent = 0
            for row in due {
                let id: Int64 = row["id"], orgId: Int64 = row["org_id"]
                try db.execute(sql: "UPDATE stock_alerts SET notified_at = ? WHERE id = ? AND notified_at IS NULL", arguments: [now, id])
                guard db.changesCount == 1 else { continue }
                let title = message(row)
                let people = try Int64.fetchAll(db, sql: """
                    SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
                    WHERE m.org_id = ? AND m.deleted_at IS NULL AND u.active = 1 AND m.role IN (\(roles.map { "'\($0)'" }.joined(separator: ",")))
                    ORDER BY m.user_id
                    """, arguments: [orgId])
                for person in people {
                    try Notifications.post(db, orgId: orgId, userId: person, kind: StockBooking.lowEvent, severity: .warning, title: title)
                }
                try AuditLog.record(db, actor: .job(name, orgId: orgId), at: now, entity: "stock alert", entityId: id,
                                    entityUID: row["uid"], action: "notify", summary: "\(title) (told \(people.count) people)")
                sent += 1
            }
            return sent
        }
    }

    /// "Low stock: HX-200 Hubwagen at MAIN — 3 pcs left (reorder at 5, order 20)".
    static func message(_ row: Row) -> String {
        let scale: Int = row["decimals"], unit: String = row["unit"]
        let left = Quantity(units: row["available"], scale: scale), point = Quantity(units: row["reorder_point"], scale: scale)
        let order = Quantity(units: row["suggested_quantity"], scale: scale)
        let sku: String = row["sku"], name: String = row["name"], warehouse: String = row["code"]
        return "Low stock: \(sku) \(name) at \(warehouse) — \(left) \(unit) left (reorder at \(point), order \(order))"
    }
}
