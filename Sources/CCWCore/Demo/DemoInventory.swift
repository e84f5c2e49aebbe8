import CCWDomain
import Foundation

/// A realistic inventory for the demo organization, written through the real use cases:
/// a category tree, about 150 products (two with variant matrices), three warehouses, reorder
/// rules, and a year of movements: weekly deliveries and orders for eleven months, then four
/// weeks day by day of receipts, sales, transfers, returns, a cycle count and adjustments,
/// booked in time order on a clock that walks from `end` minus `DemoHistory.inventoryDays` to `end`.
///
/// Deterministic: every choice comes from a seeded generator, so two runs with the same `end`
/// produce the same catalogue and the same ledger.
public enum DemoInventory {
    /// What `seed` wrote.
    public struct Summary: Sendable, Hashable {
        public var categories = 0
        public var products = 0
        public var warehouses = 0
        public var reorderRules = 0
        public var bookings = 0
    }

    /// Fills the scope's organization (which must have no inventory yet); leaves the clock at
    /// the last booking, before `end`.
    @discardableResult
    public static func seed(database: AppDatabase, clock: ManualClock, scope: Scope, end: Int64) throws -> Summary {
        var run = Run(database: database, clock: clock, scope: scope, end: end)
        try run.catalogue()
        try run.history()
        try run.prices()
        // The year of history happened before the demo opens: its alerts are in the alerts
        // list, but nobody is woken by a year of toasts (new ones are announced as they happen).
        try database.write { db in try db.execute(sql: "UPDATE stock_alerts SET notified_at = created_at WHERE notified_at IS NULL") }
        return run.summary
    }
}
