import CCWDomain
import Foundation

/// The demo's past, done through the real use cases on a clock that walks forward day by day,
/// so the audit log, the activity chart and the notifications look like a system in use rather
/// than one created a second ago: the organizations were set up a year ago (and have a year of
/// stock movements); the last four weeks hold everyday administration and the CRM's activity.
public enum DemoHistory {
    /// The recent, day-by-day part of the history (administration, CRM, detailed stock).
    public static let days = 28
    /// How far back the stock ledger (and the organizations) start.
    public static let inventoryDays = 365

    /// Runs `DemoSeed.identity` at `inventoryDays` ago, then the history; leaves the clock at `end`.
    @discardableResult
    public static func seed(database: AppDatabase, clock: ManualClock, adminLogin: String, adminName: String,
                            end: Int64, progress: (String) -> Void = { _ in }) throws -> DemoSeed.Identity {
        progress("organizations, staff and four weeks of administration")
        let dayMs: Int64 = 86_400_000
        // The organizations were set up a year ago, at 09:00 Berlin time.
        clock.set(((end - Int64(inventoryDays) * dayMs) / dayMs) * dayMs + 8 * 3_600_000)
        let identity = try DemoSeed.identity(database: database, adminLogin: adminLogin, adminName: adminName)
        let nw = identity.northwind, hb = identity.harbour

        // (day from the start, hour of day offset in ms, what happened)
        let steps: [(Int, Int64, () throws -> Void)] = [
            (2, 9, { _ = try database.users.add(nw, login: "katrin.vogel", displayName: "Katrin Vogel", email: "katrin.vogel@northwind.example", role: .warehouse) }),
            (3, 14, { try notify(database, nw, "Stocktake in hall B on Friday", "Warehouse staff: counts start 07:00.") }),
            (6, 10, { _ = try database.users.add(hb, login: "james.okafor", displayName: "James Okafor", email: "james.okafor@harbour.example", role: .sales) }),
            (8, 11, { _ = try database.users.setRole(nw, login: "petra.koch", role: .accountant) }),
            (9, 16, { _ = try database.users.add(nw, login: "felix.hoffmann", displayName: "Felix Hoffmann", email: "felix.hoffmann@northwind.example", role: .sales) }),
            (12, 8, { try notify(database, nw, "Month-end close", "Invoices for November must be booked by the 30th.") }),
            (14, 13, { _ = try database.users.add(nw, login: "sara.nowak", displayName: "Sara Nowak", email: "sara.nowak@northwind.example", role: .accountant) }),
            (15, 9, { _ = try database.users.setRole(nw, login: "petra.koch", role: .readOnly) }),
            (17, 15, { _ = try database.users.deactivate(hb, login: "james.okafor") }),
            (19, 10, { _ = try database.users.activate(nw, login: "thomas.mueller") }),
            (20, 11, { _ = try database.users.setRole(nw, login: "thomas.mueller", role: .warehouse) }),
            (22, 9, {
                let o = try database.orgSettings.get(nw)
                _ = try database.orgSettings.update(nw, name: o.name, baseCurrency: o.baseCurrency.code, timeZone: o.timeZone,
                                                    defaultCountry: .some("DE"), expectedVersion: o.version)
            }),
            (24, 14, { _ = try database.users.add(nw, login: "mehmet.yilmaz", displayName: "Mehmet Yılmaz", email: "mehmet.yilmaz@northwind.example", role: .sales) }),
            (26, 10, { _ = try database.users.setRole(nw, login: "felix.hoffmann", role: .manager) }),
            (27, 16, { try notify(database, nw, "New price list from 1 December", "Sales: quotes after the 1st use the new list.") }),
        ]
        // Office hours in Berlin (UTC+1 in winter), a few minutes past the hour.
        let firstMidnight = ((end - Int64(days) * dayMs) / dayMs) * dayMs
        for (i, (day, hour, step)) in steps.enumerated() {
            let at = firstMidnight + Int64(day) * dayMs + (hour - 1) * 3_600_000 + Int64(7 + i * 3) * 60_000
            clock.set(min(at, end - 60_000))
            try step()
        }
        progress("CRM: companies, contacts, deals, interactions, tasks")
        try DemoCRM.seed(database: database, clock: clock, scope: nw, end: end)
        try DemoCRM.seed(database: database, clock: clock, scope: hb, end: end, size: .small)
        progress("inventory: catalog, warehouses, a year of stock movements")
        try DemoInventory.seed(database: database, clock: clock, scope: nw, end: end)
        clock.set(end)
        return identity
    }

    private static func notify(_ database: AppDatabase, _ scope: Scope, _ title: String, _ body: String) throws {
        try database.write { db in
            _ = try Notifications.post(db, orgId: scope.orgId, kind: "announcement", severity: .info, title: title, body: body)
        }
    }
}
