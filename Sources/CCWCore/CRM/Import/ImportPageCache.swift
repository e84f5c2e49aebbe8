import GRDB

/// A larger SQLite page cache for the duration of an import's write transaction.
///
/// An import writes tens of thousands of rows with their indexes, search index and audit
/// entries in one transaction. With the default cache (about 2 MB) SQLite spills dirty pages
/// to the WAL mid-transaction and writes the same index pages again and again; with room for
/// the transaction's working set each page is written once, at commit. The previous size is
/// restored afterwards (the connection is shared with ordinary use).
enum ImportPageCache {
    /// In KiB (SQLite's negative `cache_size`): 64 MiB.
    static let kibibytes = 65_536

    static func run<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(previous)") }
        return try body()
    }
}
