import Foundation
import GRDB

/// Room in memory for an import's write transaction, for its duration.
///
/// An import writes tens of thousands of rows with their nine indexes, search index and audit
/// entries in one transaction. With the default cache (about 2 MB) SQLite spills dirty pages
/// to the WAL mid-transaction and writes the same index pages again and again; with room for
/// the transaction's working set most pages are written once, at commit. The rows are staged
/// in temporary tables (`BulkRowWriter`, `AuditAppender`) and each statement keeps a statement
/// journal; in memory instead of temporary files those are copies rather than a write and a
/// system call per page. The previous settings are restored afterwards (the connection is
/// shared with ordinary use).
enum ImportPageCache {
    /// In KiB (SQLite's negative `cache_size`): 256 MiB.
    static let kibibytes = 262_144

    static func run<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let previousCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        let previousTemp = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
        try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
        // Refused (harmlessly) when the connection has temporary tables open in this transaction.
        try? db.execute(sql: "PRAGMA temp_store = MEMORY")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = \(previousCache)")
            try? db.execute(sql: "PRAGMA temp_store = \(previousTemp)")
        }
        return try body()
    }
}
