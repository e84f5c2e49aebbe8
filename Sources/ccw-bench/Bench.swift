import ArgumentParser
import CCWCore
import Foundation

extension ChainMode: ExpressibleByArgument {}

/// Builds a large audit trail and prints each figure beside the same work done by the
/// `sqlite3` shell on the same file in the same run.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccw-bench",
        abstract: "Time CCW on a large data set against the sqlite3 shell on the same file.",
        discussion: """
            Figures: open to first frame, audit grid paging, FTS substring search and paging through its \
            matches. Build in release \
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

    func validate() throws {
        guard scale >= 10_000 else { throw ValidationError("--scale must be at least 10000") }
        guard samples >= 10 else { throw ValidationError("--samples must be at least 10") }
    }

    func run() throws {
        let folder = keep == nil ? FileManager.default.temporaryDirectory.appendingPathComponent("ccw-bench-\(UUID().uuidString)") : nil
        let path = keep.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? folder!.appendingPathComponent("bench.sqlite").path
        defer { if let folder { try? FileManager.default.removeItem(at: folder) } }

        let shell = SqliteShell(databasePath: path)
        let version = try SqliteShell(databasePath: ":memory:").run("SELECT sqlite_version();").trimmingCharacters(in: .whitespacesAndNewlines)
        say("ccw-bench: \(scale.grouped) audit rows in \(path)")
        say("baseline: sqlite3 \(version) shell on the same file (.timer per statement, or whole-process wall time)")

        let dataset = try prepare(path: path)
        if let seconds = dataset.generationSeconds {
            say(String(format: "generated %@ rows in %.1f s (%@ rows/s), chain: %@", dataset.rows.grouped, seconds,
                         Int(Double(dataset.rows) / seconds).grouped, dataset.chain.rawValue))
        } else {
            say("reused the data set in \(path) (\(dataset.rows.grouped) rows, chain: \(dataset.chain.rawValue))")
        }
        if dataset.chain == .synthetic {
            say("note: synthetic hashes; `ccw doctor` reports the audit chain of \(dataset.orgName) as not verified")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        say("database file: \(size / 1_048_576) MiB\n")

        let bench = BenchSession(dataset: dataset)
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
        say(ResultTable.render(figures))
        let missed = figures.filter { f in f.target.map { f.ours > $0 } ?? false }
        say(missed.isEmpty ? "every target met" : "\(missed.count) target(s) missed: " + missed.map(\.metric).joined(separator: "; "))
        let offPlan = plans.filter { $0.asIntended == false }
        say(offPlan.isEmpty ? "every checked plan as intended"
            : "\(offPlan.count) plan(s) not as intended: " + offPlan.map(\.name).joined(separator: "; "))
        if !offPlan.isEmpty { throw ExitCode.failure }
    }

    /// Reuses the data set in `path` when it was generated at this scale, else generates one.
    /// An existing file that is not such a data set is left alone.
    private func prepare(path: String) throws -> Dataset {
        let exists = FileManager.default.fileExists(atPath: path)
        let database = try AppDatabase.open(path: path)
        defer { try? database.close() }
        if exists {
            if let dataset = try DatasetGenerator.existing(in: database, scale: scale) { return dataset }
            throw ValidationError("\(path) exists but does not hold a ccw-bench data set of \(scale.grouped) rows; "
                + "remove it or pass another --keep path")
        }
        say("generating \(scale.grouped) audit rows (chain: \(chain.rawValue))…")
        var generator = DatasetGenerator(scale: scale, chain: chain)
        generator.progress = { say($0) }
        return try generator.generate(into: database)
    }
}

/// Prints a line and flushes at once, so progress shows when stdout is a file or a pipe.
func say(_ line: String) {
    print(line)
    fflush(nil)
}
