import ArgumentParser
import CCWCore
import Foundation

extension ChainMode: ExpressibleByArgument {}

/// Which half of the benchmark to run.
enum BenchPart: String, CaseIterable, ExpressibleByArgument {
    case audit, crm, inventory
}

/// The groups of CRM figures, to measure some of them (`--crm-figures search import`).
enum CRMFigureName: String, CaseIterable, ExpressibleByArgument {
    case grid, search, board, `import`
}

/// Builds a large audit trail and prints each figure beside the same work done by the
/// `sqlite3` shell on the same file in the same run.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccw-bench",
        abstract: "Time CCW on a large data set against the sqlite3 shell on the same file.",
        discussion: """
            Audit: open to first frame, audit grid paging, FTS substring search and paging through its \
            matches. CRM: contacts grid, contact search, deal kanban, win/loss and forecast, CSV import \
            throughput. Inventory: stock matrix pages, one booked movement, full valuation. Build in release \
            (swift build -c release --product ccw-bench) for figures worth comparing.
            """)

    @Option(help: "Audit rows to generate.")
    var scale = 1_000_000

    @Option(help: "Database file to keep (and reuse when it already holds a data set of this scale).")
    var keep: String?

    @Option(help: "Key presses timed per grid figure; open and search take a tenth of it (at least 5).")
    var samples = 200

    @Option(help: "real: hash chain through AuditLog.record; synthetic: raw INSERT with look-alike hashes (faster).")
    var chain = ChainMode.synthetic

    @Option(help: "CRM contacts to generate.")
    var contacts = 1_000_000

    @Option(help: "CRM deals to generate (over the default pipeline's stages).")
    var deals = 200_000

    @Option(help: "CRM companies to generate (contacts and deals link to them).")
    var companies = 50_000

    @Option(help: "Rows of the contacts CSV the import figure writes and imports.")
    var importRows = 100_000

    @Option(help: "Inventory products to generate (one in ten in families of a parent and four variants).")
    var products = 50_000

    @Option(help: "Inventory warehouses to generate.")
    var warehouses = 20

    @Option(help: "Stock ledger rows to generate over the last year (a transfer writes two).")
    var movements = 2_000_000

    @Option(help: "Valuation method of the generated products: fifo, lifo, weighted-average or mixed (a third each).")
    var valuation = BenchValuation.fifo

    @Option(help: "Movements booked through the core (receipts and issues) for the booking figure.")
    var bookings = 500

    @Option(help: "Run only this part: audit, crm or inventory (default: all).")
    var only: BenchPart?

    @Option(parsing: .upToNextOption, help: "CRM figures to measure: grid, search, board, import (default: all).")
    var crmFigures: [CRMFigureName] = CRMFigureName.allCases

    var parts: [BenchPart] { only.map { [$0] } ?? BenchPart.allCases }
    var crmScale: CRMScale { CRMScale(contacts: contacts, deals: deals, companies: companies) }
    var inventoryScale: InventoryScale {
        InventoryScale(products: products, warehouses: warehouses, movements: movements, valuation: valuation)
    }

    func validate() throws {
        guard scale >= 10_000 else { throw ValidationError("--scale must be at least 10000") }
        guard contacts >= 10_000, deals >= 1_000, companies >= 100 else {
            throw ValidationError("--contacts must be at least 10000, --deals 1000, --companies 100")
        }
        guard importRows >= 1_000 else { throw ValidationError("--import-rows must be at least 1000") }
        guard products >= 50, (2...200).contains(warehouses), movements >= 1_000, bookings >= 10 else {
            throw ValidationError("--products must be at least 50, --warehouses 2 to 200, --movements 1000, --bookings 10")
        }
        guard samples >= 10 else { throw ValidationError("--samples must be at least 10") }
    }

    func run() throws {
        let folder = keep == nil ? FileManager.default.temporaryDirectory.appendingPathComponent("ccw-bench-\(UUID().uuidString)") : nil
        let path = keep.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? folder!.appendingPathComponent("bench.sqlite").path
        defer { if let folder { try? FileManager.default.removeItem(at: folder) } }

        let shell = SqliteShell(databasePath: path)
        let version = try SqliteShell(databasePath: ":memory:").run("SELECT sqlite_version();").trimmingCharacters(in: .whitespacesAndNewlines)
        say("ccw-bench: " + parts.map { part in
            switch part {
            case .audit: "\(scale.grouped) audit rows"
            case .crm: "\(contacts.grouped) contacts, \(deals.grouped) deals"
            case .inventory: "\(products.grouped) products, \(warehouses) warehouses, \(movements.grouped) stock movements"
            }
        }.joined(separator: " + ") + " in \(path)")
        say("baseline: sqlite3 \(version) shell on the same file (.timer per statement, or whole-process wall time)")

        let dataset = try prepare(path: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        say("database file: \(size / 1_048_576) MiB\n")
        let bench = BenchSession(dataset: dataset)
        var offPlan: [QueryPlans.Finding] = []
        if parts.contains(.audit) { offPlan += try runAudit(bench, shell: shell) }
        if parts.contains(.crm) { offPlan += try runCRM(bench, shell: shell) }
        if parts.contains(.inventory) { offPlan += try runInventory(bench, shell: shell) }
        if !offPlan.isEmpty { throw ExitCode.failure }
    }

    /// The audit figures; returns the plans that are not as intended.
    private func runAudit(_ bench: BenchSession, shell: SqliteShell) throws -> [QueryPlans.Finding] {
        let dataset = bench.dataset
        if dataset.chain == .synthetic {
            say("note: synthetic hashes; `ccw doctor` reports the audit chain of \(dataset.orgName) as not verified")
        }
        let few = max(5, samples / 10)
        let compared = try SQLParity(bench: bench).check()
        say("baseline statements: the core sends exactly these (\(compared.count) compared by expanded SQL)")
        say("query plans (EXPLAIN QUERY PLAN):")
        let plans = try QueryPlans(bench: bench).explain()
        say(QueryPlans.render(plans))

        say("measuring open to first frame (\(few) runs)…")
        var figures = try OpenFigure(bench: bench, shell: shell, samples: few).measure()
        say("measuring the audit grid (\(samples) key presses each way)…")
        figures += try GridFigure(bench: bench, shell: shell, samples: samples).measure()
        say("measuring search (\(few) runs per term)…")
        figures += try SearchFigure(bench: bench, shell: shell, repeats: few, pages: samples).measure()

        say("\nccw-bench, \(dataset.rows.grouped) audit rows, times in ms (ratio = ours / sqlite3)\n")
        return report(figures, plans: plans)
    }

    /// The CRM figures; returns the plans that are not as intended.
    private func runCRM(_ bench: BenchSession, shell: SqliteShell) throws -> [QueryPlans.Finding] {
        let few = max(5, samples / 10)
        let compared = try CRMParity(bench: bench).check()
        say("CRM baseline statements: the core sends exactly these (\(compared.count) compared by expanded SQL)")
        say("CRM query plans (EXPLAIN QUERY PLAN):")
        let plans = try CRMQueryPlans(bench: bench).explain()
        say(QueryPlans.render(plans))

        // Each group's figures are printed as soon as they are measured, so a long run that is
        // stopped still shows what it measured.
        var figures: [Figure] = []
        func add(_ group: [Figure]) {
            for f in group { say(String(format: "  = %@: %@ %@ (sqlite3 %@)", f.metric, Figure.format(f.ours), f.unit, f.baseline.map(Figure.format) ?? "-")) }
            figures += group
        }
        if crmFigures.contains(.grid) {
            say("measuring the contacts grid (\(samples) key presses)…")
            add(try CRMGridFigure(bench: bench, shell: shell, samples: samples).measure())
        }
        if crmFigures.contains(.search) {
            say("measuring contact search (\(few) runs per term)…")
            add(try CRMSearchFigure(bench: bench, shell: shell, repeats: few).measure())
        }
        if crmFigures.contains(.board) {
            say("measuring the deal kanban (\(few) runs) and analyses…")
            add(try CRMBoardFigure(bench: bench, shell: shell, repeats: few).measure())
        }
        if crmFigures.contains(.import) {
            say("measuring CSV import (\(importRows.grouped) rows)…")
            add(try CRMImportFigure(bench: bench, rows: importRows).measure())
        }

        say("\nccw-bench CRM, \(contacts.grouped) contacts, \(companies.grouped) companies, \(deals.grouped) deals; "
            + "times in ms (ratio = ours / sqlite3)\n")
        return report(figures, plans: plans)
    }

    /// Prints the table and the verdicts; returns the plans that are not as intended.
    func report(_ figures: [Figure], plans: [QueryPlans.Finding]) -> [QueryPlans.Finding] {
        say(ResultTable.render(figures))
        let missed = figures.filter { $0.met == false }
        say(missed.isEmpty ? "every target met" : "\(missed.count) target(s) missed: " + missed.map(\.metric).joined(separator: "; "))
        let offPlan = plans.filter { $0.asIntended == false }
        say(offPlan.isEmpty ? "every checked plan as intended"
            : "\(offPlan.count) plan(s) not as intended: " + offPlan.map(\.name).joined(separator: "; "))
        say("")
        return offPlan
    }

    /// Reuses the parts of the data set already in `path` at these sizes and generates the
    /// missing ones. A file that holds other sizes, or is not a benchmark file, is left alone.
    private func prepare(path: String) throws -> Dataset {
        let exists = FileManager.default.fileExists(atPath: path)
        let database = try AppDatabase.open(path: path)
        defer { try? database.close() }
        var dataset = Dataset(path: database.path, orgName: DatasetGenerator.orgName, adminLogin: DatasetGenerator.adminLogin,
                              rows: 0, chain: chain, generationSeconds: nil)
        let isBench = try database.pool.read { db in
            let audit = try db.tableExists("ccw_bench_dataset")
            let crm = try db.tableExists("ccw_bench_crm")
            let inventory = try db.tableExists("ccw_bench_inventory")
            return audit || crm || inventory
        }
        let organizations = try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organizations") ?? 0 }
        if exists && !isBench && organizations > 0 {
            throw ValidationError("\(path) exists but is not a ccw-bench data set; remove it or pass another --keep path")
        }
        if parts.contains(.crm) {
            if let found = try SyntheticCRM.existing(in: database) {
                guard found == crmScale else {
                    throw ValidationError("\(path) holds a CRM data set of \(found.contacts.grouped) contacts, \(found.deals.grouped) deals, "
                        + "\(found.companies.grouped) companies; pass those sizes or another --keep path")
                }
                say("reused the CRM data set (\(contacts.grouped) contacts, \(companies.grouped) companies, \(deals.grouped) deals)")
            } else {
                say("generating \(companies.grouped) companies, \(contacts.grouped) contacts, \(deals.grouped) deals…")
                var generator = SyntheticCRM(scale: crmScale)
                generator.progress = { say($0) }
                let seconds = try generator.generate(into: database)
                say(String(format: "generated the CRM data set in %.1f s", seconds))
            }
        }
        if parts.contains(.inventory) {
            if let found = try SyntheticInventory.existing(in: database) {
                guard found == inventoryScale else {
                    throw ValidationError("\(path) holds an inventory data set of \(found.products.grouped) products, \(found.warehouses) "
                        + "warehouses, \(found.movements.grouped) movements (\(found.valuation.rawValue)); pass those or another --keep path")
                }
                say("reused the inventory data set (\(products.grouped) products, \(warehouses) warehouses, \(movements.grouped) movements, "
                    + "\(valuation.rawValue); bookings of earlier runs are in it too)")
            } else {
                say("generating \(products.grouped) products, \(warehouses) warehouses, \(movements.grouped) stock movements (\(valuation.rawValue))…")
                var generator = SyntheticInventory(scale: inventoryScale)
                generator.progress = { say($0) }
                let seconds = try generator.generate(into: database)
                say(String(format: "generated the inventory data set in %.1f s", seconds))
            }
        }
        if parts.contains(.audit) {
            if let found = try DatasetGenerator.existing(in: database, scale: scale) {
                dataset = found
                say("reused the audit data set (\(found.rows.grouped) rows, chain: \(found.chain.rawValue))")
            } else if try database.pool.read({ db in try db.tableExists("ccw_bench_dataset") }) {
                throw ValidationError("\(path) holds an audit data set of another --scale; pass it or another --keep path")
            } else {
                say("generating \(scale.grouped) audit rows (chain: \(chain.rawValue))…")
                var generator = DatasetGenerator(scale: scale, chain: chain)
                generator.progress = { say($0) }
                dataset = try generator.generate(into: database)
                if let seconds = dataset.generationSeconds {
                    say(String(format: "generated %@ rows in %.1f s (%@ rows/s), chain: %@", dataset.rows.grouped, seconds,
                               Int(Double(dataset.rows) / seconds).grouped, dataset.chain.rawValue))
                }
            }
        }
        return dataset
    }
}

/// Prints a line and flushes at once, so progress shows when stdout is a file or a pipe.
func say(_ line: String) {
    print(line)
    fflush(nil)
}
