import CCWCore
import CCWDomain
import Foundation
import GRDB

extension CRMImportFigure {
    /// Preview + commit of `csv` (skipping bad rows, flagging likely duplicates) into a copy
    /// of the data set; nil when the import use case is not built in.
    static func ours(bench: BenchSession, csv: String, folder: URL, log: (String) -> Void) throws -> Result? {
        let copy = folder.appendingPathComponent("import-target.sqlite").path
        try FileManager.default.copyItem(atPath: bench.dataset.path, toPath: copy)
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        }
        var dataset = bench.dataset
        dataset.path = copy
        let session = try BenchSession(dataset: dataset).open()
        defer { try? session.database.close() }
        let scope = session.scope
        let existing = try session.database.contacts.count(scope)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: csv)))
        let t0 = Stopwatch.nowNanos()
        let plan = try session.database.contactImport.preview(scope, bytes: bytes, mode: .skipBadRows, duplicates: .importAndFlag)
        let previewed = Double(Stopwatch.nowNanos() - t0) / 1e9
        let outcome = try session.database.contactImport.commit(scope, plan: plan, mode: .skipBadRows)
        let seconds = Double(Stopwatch.nowNanos() - t0) / 1e9
        if let first = outcome.skipped.first { log("  import: first skipped row: \(first)") }
        return Result(seconds: seconds, preview: previewed, imported: outcome.imported, skipped: outcome.skipped.count,
                      flagged: outcome.flaggedDuplicates, existing: existing)
    }
}
