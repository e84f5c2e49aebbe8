import Foundation
import Testing

/// Eight real `ccw` processes book random receipts, issues and transfers on the same products
/// in one database file for a few seconds. Afterwards every location's ledger sum equals its
/// on-hand quantity, every booking a process reported is in the ledger exactly once, and no
/// process ever showed a contention error ("database is locked").
@Suite struct StockConcurrencyEndToEndTests {
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        var booked = 0, short = 0
        var failures: [String] = []
        var bookingIds: [Int] = []
        func add(_ body: (Tally) -> Void) { lock.withLock { body(self) } }
    }

    @Test func eightProcessesBookingAtOnceLoseNothing() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        for (code, type) in [("MAIN", "warehouse"), ("SHOP", "store")] {
            #expect(try s.ccw("warehouses", "add", code, "--name", code, "--type", type, "--login", "owner").status == 0)
        }
        let skus = ["CC-1", "CC-2", "CC-3"]
        for sku in skus { #expect(try s.ccw("products", "add", sku, "--name", "Product \(sku)", "--cost", "1.00", "--login", "owner").status == 0) }
        let tally = Tally()
        let deadline = Date().addingTimeInterval(8)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            // a few seconds, and at least six movements per process however slow the machine is
            var attempts = 0
            while Date() < deadline || attempts < 6 {
                attempts += 1
                let sku = skus.randomElement()!
                let bin = ["", "A-1", "B-2"].randomElement()!
                let here = bin.isEmpty ? "MAIN" : "MAIN/\(bin)"
                let args: [String]
                switch Int.random(in: 0..<4) {
                case 0, 1: args = ["stock", "receive", sku, "\(Int.random(in: 1...9))", "--warehouse", here, "--cost", "\(Int.random(in: 1...5)).00"]
                case 2: args = ["stock", "issue", sku, "\(Int.random(in: 1...4))", "--warehouse", here]
                default: args = ["stock", "transfer", sku, "\(Int.random(in: 1...3))", "--from", here, "--to", ["SHOP", "MAIN/C-3"].randomElement()!]
                }
                do {
                    let (status, out, err) = try Build.run(args + ["--login", "owner", "--json"], environment: s.environment)
                    let r = (status: status, out: out, err: err)
                    tally.add { t in
                        if r.status == 0, let data = r.out.data(using: .utf8),
                           let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let id = object["booking_id"] as? Int {
                            t.booked += 1
                            t.bookingIds.append(id)
                        } else if r.status == 1 && (r.err.contains("cannot take") || r.err.contains("is not known")) {
                            t.short += 1  // a business refusal: not enough stock there (yet), or the bin is not there yet
                        } else {
                            t.failures.append("worker \(worker): exit \(r.status): \(r.err)")
                        }
                    }
                } catch {
                    tally.add { $0.failures.append("worker \(worker): \(error)") }
                }
            }
        }
        // then no process failed for any other reason, and none mentioned a lock
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(3))")
        #expect(!tally.failures.contains { $0.contains("locked") || $0.contains("busy") })
        #expect(tally.booked >= 12, "only \(tally.booked) of at least 48 attempts booked")
        // and every reported booking is in the ledger exactly once, with nothing else
        #expect(Set(tally.bookingIds).count == tally.booked)
        let ledger = try Self.query(s.db, """
            SELECT COUNT(DISTINCT booking_id) FROM stock_movements
            """)
        #expect(ledger == ["\(tally.booked)"])
        // and for every location and warehouse total, the ledger sum equals on hand
        let badLocations = try Self.query(s.db, """
            SELECT m.product_id || '@' || m.warehouse_id || '/' || m.bin || ':' || SUM(m.quantity) || '<>' || COALESCE(l.on_hand, 'none')
            FROM stock_movements m LEFT JOIN stock_levels l ON l.org_id = m.org_id AND l.product_id = m.product_id
                 AND l.warehouse_id = m.warehouse_id AND l.bin = m.bin AND l.batch = m.batch
            WHERE m.bin <> '' GROUP BY m.org_id, m.product_id, m.warehouse_id, m.bin, m.batch
            HAVING SUM(m.quantity) <> COALESCE(l.on_hand, -1)
            """)
        #expect(badLocations.isEmpty, "\(badLocations)")
        let badTotals = try Self.query(s.db, """
            SELECT m.product_id || '@' || m.warehouse_id FROM stock_movements m
            LEFT JOIN stock_levels l ON l.org_id = m.org_id AND l.product_id = m.product_id AND l.warehouse_id = m.warehouse_id
                 AND l.bin = '' AND l.batch = ''
            GROUP BY m.org_id, m.product_id, m.warehouse_id HAVING SUM(m.quantity) <> COALESCE(l.on_hand, -1)
            """)
        #expect(badTotals.isEmpty, "\(badTotals)")
        let badPools = try Self.query(s.db, """
            SELECT c.product_id || '@' || c.warehouse_id FROM cost_pools c
            WHERE c.value_minor <> (SELECT SUM(value_change_minor) FROM stock_movements m WHERE m.org_id = c.org_id
                  AND m.product_id = c.product_id AND m.warehouse_id = c.warehouse_id)
            """)
        #expect(badPools.isEmpty, "\(badPools)")
        let audited = try Self.query(s.db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'stock movement'")
        #expect(audited == ["\(tally.booked)"])
        print("stock concurrency: 8 processes, \(tally.booked) bookings, \(tally.short) refused for stock, 8 s")
    }

    /// Rows of a query run by the sqlite3 shell on the file (one column, as text).
    static func query(_ db: String, _ sql: String) throws -> [String] {
        let r = try Spawn.run(["sqlite3", db, sql])
        guard r.status == 0 else { throw TmuxSession.Failure(description: "sqlite3: \(r.err)") }
        return r.out.split(separator: "\n").map(String.init)
    }
}
