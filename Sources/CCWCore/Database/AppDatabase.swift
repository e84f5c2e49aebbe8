import CCWDomain
import Foundation
import GRDB

/// The one handle on an installation's SQLite file. Several `ccw` processes open the same file;
/// each owns one `AppDatabase` (a GRDB `DatabasePool`: one writer connection, several readers).
///
/// Connection setup, applied to every connection:
/// - WAL journal (GRDB sets it for a pool) and `synchronous=NORMAL`: durable at checkpoints,
///   fast commits, readers never block the writer.
/// - `foreign_keys=ON`.
/// - A busy timeout of 5 s: a writer waits for another process's transaction instead of failing
///   at once; when it still cannot write, the use case reports `CoreError.locked` (exit 3).
/// - Write transactions are `BEGIN IMMEDIATE` (GRDB 7 picks IMMEDIATE for every write
///   transaction; the old `defaultTransactionKind` setting no longer exists). The write lock is
///   therefore taken before the first read, so reading the audit chain head or a row's
///   version and then writing cannot race another process.
/// - A SQL function `ccw_now()` returning the injected clock's time, so SQL and Swift agree
///   on "now" in tests.
public final class AppDatabase: Sendable {
    public let path: String
    public let clock: any Clock
    /// The GRDB pool. Use cases in this module go through `write(_:_:)` / `read(_:_:)`.
    public let pool: DatabasePool

    public static let busyTimeoutSeconds: TimeInterval = 5

    private init(path: String, clock: any Clock, pool: DatabasePool) {
        self.path = path
        self.clock = clock
        self.pool = pool
    }

    /// Opens (creating when missing) the database at `path` and brings its schema up to date.
    ///
    /// A missing parent folder is created with mode 0700 and a new file with mode 0600, because
    /// the file holds every organization's data. A file written by a newer `ccw` (with
    /// migrations this build does not know) is refused rather than used half-understood.
    public static func open(path: String, clock: any Clock = SystemClock()) throws -> AppDatabase {
        try open(path: path, clock: clock, busyTimeout: busyTimeoutSeconds)
    }

    /// `open` with another busy timeout (tests of the locked case use a short one).
    static func open(path: String, clock: any Clock, busyTimeout: TimeInterval) throws -> AppDatabase {
        let database = try openWithoutMigrating(path: path, clock: clock, busyTimeout: busyTimeout)
        try database.migrate()
        return database
    }

    /// A fresh database in a new temporary folder, for tests and benchmarks.
    public static func temporary(clock: any Clock = SystemClock(), name: String = "ccw.sqlite") throws -> AppDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccw-\(UUID().uuidString)")
        return try open(path: folder.appendingPathComponent(name).path, clock: clock)
    }

    static func openWithoutMigrating(path: String, clock: any Clock,
                                     busyTimeout: TimeInterval = busyTimeoutSeconds) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        try prepareFile(at: url)
        var config = Configuration()
        config.label = "ccw"
        config.journalMode = .wal
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        let now = DatabaseFunction("ccw_now", argumentCount: 0, pure: false) { _ in clock.now() }
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(function: now)
            for function in SegmentSQL.functions { db.add(function: function) }
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: config)
            return AppDatabase(path: url.path, clock: clock, pool: pool)
        } catch {
            throw StorageErrors.map(error, path: url.path)
        }
    }

    func migrate() throws {
        let migrator = Migrations.migrator
        do {
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw CoreError.rule("\(path) was written by a newer ccw (unknown schema changes); "
                    + "upgrade ccw before using this database")
            }
            try migrator.migrate(pool)
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }

    private static func prepareFile(at url: URL) throws {
        let manager = FileManager.default
        let folder = url.deletingLastPathComponent()
        do {
            if !manager.fileExists(atPath: folder.path) {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            }
            if !manager.fileExists(atPath: url.path) {
                guard manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CoreError.unreadable(path: url.path, detail: "cannot create the file (check the folder's permissions)")
                }
            }
        } catch let error as CoreError {
            throw error
        } catch {
            throw CoreError.unreadable(path: url.path, detail: error.localizedDescription)
        }
    }

    // MARK: Schema version

    /// The identifier of the last migration applied to this file (e.g. `v1-jobs`).
    public func schemaVersion() throws -> String {
        try read { db in try Migrations.migrator.appliedMigrations(db).last ?? "empty" }
    }

    /// The identifier of the newest migration this build knows.
    public static var latestSchemaVersion: String { Migrations.migrator.migrations.last ?? "empty" }

    // MARK: Access with error mapping

    /// Runs `body` in an IMMEDIATE write transaction; any error becomes a `CoreError` and the
    /// transaction rolls back, so nothing half-written is kept.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw StorageErrors.map(error, path: path) }
    }

    /// Runs `body` in a read-only snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StorageErrors.map(error, path: path) }
    }

    /// The current time of this database's clock.
    public func now() -> Int64 { clock.now() }

    /// Closes every connection (pending work finishes first).
    public func close() throws {
        do { try pool.close() } catch { throw StorageErrors.map(error, path: path) }
    }
}

extension Database {
    /// "Now" from the clock of the `AppDatabase` that opened this connection.
    func ccwNow() throws -> Int64 {
        try Int64.fetchOne(self, sql: "SELECT ccw_now()") ?? 0
    }
}
