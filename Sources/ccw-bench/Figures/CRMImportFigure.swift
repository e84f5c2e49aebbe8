import CCWCore
import Foundation
import GRDB

/// CSV import throughput. A file of `rows` new contacts is written (the columns a CRM export
/// has; six in ten name a stored company, one in ten a new one, the rest none). Baseline: the
/// `sqlite3` shell's `.import` of that file into a plain table without index in an empty
/// database (whole-process wall time minus that of a process that imports nothing). Ours:
/// `ContactImport` preview + commit into a copy of the data set (so the data set stays as
/// generated): parsing, validation of every field, the duplicate check against the stored
/// contacts sharing an email, phone or company, one audit entry and one outbox event per
/// contact, every index and the search triggers. Reported as rows per second; the target is
/// a third of `.import`'s rate. A second line sets ours beside the indexing floor: the same
/// rows put into a copy of the data set's indexed `contacts` by the shell (`INSERT … SELECT`
/// from a staging table, one transaction).
struct CRMImportFigure {
    let bench: BenchSession
    let rows: Int
    var log: (String) -> Void = { say($0) }

    static let header = ["first_name", "last_name", "email", "phone", "mobile", "title", "company", "city", "country", "status"]

    func measure() throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccw-bench-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("contacts.csv").path
        let bytes = try writeCSV(to: csv)
        log("  import: wrote \(rows.grouped) rows (\(bytes / 1024) KiB) to \(csv)")

        let baseSeconds = try baseline(csv: csv, folder: folder)
        let baseRate = Double(rows) / baseSeconds
        log(String(format: "  sqlite3 .import: %.2f s, %@ rows/s", baseSeconds, Int(baseRate).grouped))
        let indexedSeconds = try indexedBaseline(csv: csv, folder: folder)
        let indexedRate = Double(rows) / indexedSeconds
        log(String(format: "  sqlite3 INSERT…SELECT into indexed contacts: %.2f s, %@ rows/s", indexedSeconds, Int(indexedRate).grouped))

        guard let ours = try Self.ours(bench: bench, csv: csv, folder: folder, log: log) else {
            log("  import: ContactImport is not in this build (branch crmcli); only the baseline was measured")
            return [Figure(metric: "CSV import \(rows.grouped) contacts: sqlite3 .import only", ours: baseRate, baseline: baseRate,
                           unit: "rows/s")]
        }
        let rate = Double(ours.imported) / ours.seconds
        log(String(format: "  ours: preview %.2f s + commit %.2f s for %@ imported (%@ skipped, %@ flagged), %@ rows/s",
                   ours.preview, ours.seconds - ours.preview, ours.imported.grouped, ours.skipped.grouped, ours.flagged.grouped,
                   Int(rate).grouped))
        return [
            Figure(metric: "CSV import \(rows.grouped) contacts into \(ours.existing.grouped) (rows/s)", ours: rate,
                   baseline: baseRate, unit: "rows/s", target: baseRate / 3, higherIsBetter: true),
            Figure(metric: "CSV import vs sqlite3 INSERT…SELECT into indexed contacts (rows/s)", ours: rate, baseline: indexedRate, unit: "rows/s",
                   higherIsBetter: true),
        ]
    }

    /// What our import did and how long it took.
    struct Result {
        var seconds: Double
        var preview: Double
        var imported: Int
        var skipped: Int
        var flagged: Int
        var existing: Int
    }

    /// `.import --csv --skip 1` into a plain table of the file's columns, in a new database.
    private func baseline(csv: String, folder: URL) throws -> Double {
        var times: [Double] = []
        for i in 0..<3 {
            let shell = SqliteShell(databasePath: folder.appendingPathComponent("baseline-\(i).sqlite").path)
            let create = "CREATE TABLE contacts_import (" + Self.header.map { "\($0) TEXT" }.joined(separator: ", ") + ");\n"
            let full = try shell.wallTime(create + ".import --csv --skip 1 \(csv) contacts_import\n")
            let empty = try SqliteShell(databasePath: folder.appendingPathComponent("empty-\(i).sqlite").path).wallTime(create)
            times.append(max(0.001, (full - empty) / 1000))
            let n = try shell.run("SELECT COUNT(*) FROM contacts_import;").trimmingCharacters(in: .whitespacesAndNewlines)
            guard Int(n) == rows else { throw BenchSession.Failure(description: "sqlite3 .import loaded \(n) rows of \(rows)") }
        }
        return Samples(times).median
    }

    /// The indexing floor: in a copy of the data set, the `sqlite3` shell `.import`s the file
    /// into a temporary staging table (untimed), then in one transaction inserts every row
    /// into `contacts` with `INSERT … SELECT` (its nine indexes and the trigram search
    /// trigger maintained; no validation, duplicate check, company link, audit or event), with
    /// the 256 MiB page cache our import uses. Seconds of the INSERT and the COMMIT.
    private func indexedBaseline(csv: String, folder: URL) throws -> Double {
        let copy = folder.appendingPathComponent("indexed-baseline.sqlite").path
        try FileManager.default.copyItem(atPath: bench.dataset.path, toPath: copy)
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        }
        let session = try bench.open()
        let org = session.scope.orgId
        let before = try session.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contacts") ?? 0 }
        try? session.database.close()
        let preamble = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -262144;
            PRAGMA temp_store = MEMORY;
            CREATE TEMP TABLE staging (\(Self.header.map { "\($0) TEXT" }.joined(separator: ", ")));
            .import --csv --skip 1 --schema temp \(csv) staging

            """
        let insert = """
            INSERT INTO contacts (uid, org_id, first_name, last_name, email, email_key, phone, mobile, title, city, country,
                                  status, created_at, updated_at, version)
            SELECT lower(hex(randomblob(13))), \(org), first_name, last_name, nullif(email, ''), lower(nullif(email, '')),
                   nullif(phone, ''), nullif(mobile, ''), title, city, country, coalesce(nullif(status, ''), 'lead'),
                   CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000, 1
            FROM temp.staging
            """
        let times = try SqliteShell(databasePath: copy).timed(["BEGIN", insert, "COMMIT"], preamble: preamble)
        let count = try SqliteShell(databasePath: copy).run("SELECT COUNT(*) FROM contacts;")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard Int(count) == before + rows else { throw BenchSession.Failure(description: "sqlite3 INSERT…SELECT saved \(count) rows of \(rows)") }
        return max(0.001, times.reduce(0, +) / 1000)
    }

    /// Writes the CSV; returns its size in bytes.
    private func writeCSV(to path: String) throws -> Int {
        let session = try bench.open()
        defer { try? session.database.close() }
        let names = try session.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM companies WHERE org_id = ? AND deleted_at IS NULL ORDER BY id",
                                arguments: [session.scope.orgId])
        }
        var rng = SplitMix64(seed: 0x1A_B0_2026)
        var text = Self.header.joined(separator: ",") + "\n"
        text.reserveCapacity(rows * 120)
        let statuses = ["lead", "prospect", "customer", ""]
        for i in 0..<rows {
            let first = rng.pick(SyntheticCRM.firstNames), last = rng.pick(SyntheticCRM.surnames)
            let roll = rng.below(10)
            let company = roll < 6 && !names.isEmpty ? rng.pick(names)
                : roll < 7 ? SyntheticCRM.company(&rng) + " " + String(i % 5_000, radix: 36).uppercased() : ""
            let country = SyntheticCRM.country(&rng)
            let email = SyntheticCRM.ascii(first) + "." + SyntheticCRM.ascii(last) + ".imp" + String(i, radix: 36) + "@"
                + (company.isEmpty ? rng.pick(SyntheticCRM.freeMail) : SyntheticCRM.slug(company) + ".example")
            let fields = [
                first, last, email, SyntheticCRM.phone(&rng, country, mobile: false),
                rng.below(2) == 0 ? SyntheticCRM.phone(&rng, country, mobile: true) : "", rng.pick(SyntheticCRM.titles), company,
                rng.pick(SyntheticAudit.warehouses).split(separator: " ").first.map(String.init) ?? "",
                SyntheticCRM.iso[country.code] ?? "", rng.pick(statuses),
            ]
            text += fields.map(Self.quoted).joined(separator: ",") + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return text.utf8.count
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
