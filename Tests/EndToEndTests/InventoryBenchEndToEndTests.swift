import Foundation
import Testing

/// `ccw-bench --only inventory` at a tiny size, so CI runs the data set generator, the
/// consistency check, the query-plan checks and every inventory figure through the real core.
/// Two runs on one kept file: the second reuses the data set, which by then also holds the
/// first run's bookings through `stockBooking.book`, and must still be consistent.
@Suite struct InventoryBenchEndToEndTests {
    static func bench() throws -> String {
        if let p = ProcessInfo.processInfo.environment["CCW_BENCH_BIN"], !p.isEmpty { return p }
        for config in ["debug", "release"] {
            let p = Build.root.appendingPathComponent(".build/\(config)/ccw-bench").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        throw TmuxSession.Failure(description: "no ccw-bench binary under .build/: run `swift build` before `swift test`")
    }

    @Test func tinyInventoryFiguresRunTwiceOnAKeptFile() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let arguments = [try Self.bench(), "--only", "inventory", "--products", "120", "--warehouses", "3", "--movements", "3000",
                         "--valuation", "mixed", "--bookings", "20", "--samples", "10", "--keep", s.dir + "/bench.sqlite"]
        let first = try Spawn.run(arguments)
        #expect(first.status == 0, "\(first.out)\n\(first.err)")
        #expect(first.out.contains("generating 120 products, 3 warehouses, 3,000 stock movements (mixed)"))
        for text in ["consistent: ", "every checked plan as intended", "stock matrix first page, 100 × 3 (median)",
                     "stock matrix page down (median)", "book one movement (median of 20)", "book one movement (p99)",
                     "full valuation, mixed, as of today", "full valuation as of 182 days ago"] {
            #expect(first.out.contains(text), "missing \"\(text)\" in:\n\(first.out)")
        }
        #expect(!first.out.contains("NOT the intended plan"), "\(first.out)")

        let second = try Spawn.run(arguments)
        #expect(second.status == 0, "\(second.out)\n\(second.err)")
        #expect(second.out.contains("reused the inventory data set"))
        #expect(second.out.contains("consistent: "), "\(second.out)")

        var other = arguments
        other[other.firstIndex(of: "3000")!] = "4000"
        let refused = try Spawn.run(other)
        #expect(refused.status != 0)
        #expect(refused.err.contains("holds an inventory data set of 120 products, 3 warehouses, 3,000 movements (mixed)"), "\(refused.err)")
    }
}
