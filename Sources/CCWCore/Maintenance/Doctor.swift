import CCWDomain
import Foundation
import GRDB

/// One finding of `ccw doctor`.
public struct DoctorCheck: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable { case ok, warn, fail }

    public var name: String
    public var status: Status
    public var detail: String

    public init(_ name: String, _ status: Status, _ detail: String) {
        self.name = name
        self.status = status
        self.detail = detail
    }
}

public struct DoctorReport: Sendable, Hashable, Codable {
    public var path: String
    public var checks: [DoctorCheck]

    /// The worst status found.
    public var status: DoctorCheck.Status {
        if checks.contains(where: { $0.status == .fail }) { return .fail }
        if checks.contains(where: { $0.status == .warn }) { return .warn }
        return .ok
    }
}

/// Health checks of a database file: SQLite integrity, foreign keys, WAL mode and size, file
/// permissions, schema version, and every organization's audit chain.
public enum Doctor {
    /// Checks a file by path without changing it (no migration is run); a file that cannot be
    /// opened yields a report with a failed "open" check instead of an error.
    public static func run(path: String) -> DoctorReport {
        let fullPath = URL(fileURLWithPath: path).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: fullPath) else {
            return DoctorReport(path: fullPath, checks: [DoctorCheck("open", .fail, "no database at \(fullPath)")])
        }
        do {
            let database = try AppDatabase.openWithoutMigrating(path: fullPath, clock: SystemClock())
            defer { try? database.close() }
            return run(database)
        } catch {
            return DoctorReport(path: fullPath, checks: [DoctorCheck("open", .fail, "\(error)")])
        }
    }

    public static func run(_ database: AppDatabase) -> DoctorReport {
        var checks = [permissions(database.path)]
        checks.append(check("integrity") { db in
            let messages = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
            return messages == ["ok"] ? DoctorCheck("integrity", .ok, "integrity_check ok")
                : DoctorCheck("integrity", .fail, messages.joined(separator: "; "))
        }(database))
        checks.append(check("foreign keys") { db in
            let rows = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            guard !rows.isEmpty else { return DoctorCheck("foreign keys", .ok, "no dangling references") }
            let sample = rows.prefix(5).map { "\($0[0] as String) row \($0[1] as Int64? ?? 0) → \($0[2] as String)" }
            return DoctorCheck("foreign keys", .fail, "\(rows.count) dangling reference(s): " + sample.joined(separator: ", "))
        }(database))
        checks.append(check("journal mode") { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
            return mode.lowercased() == "wal" ? DoctorCheck("journal mode", .ok, "wal")
                : DoctorCheck("journal mode", .fail, "\(mode) (expected wal: concurrent ccw processes need it)")
        }(database))
        checks.append(walSize(database.path))
        checks.append(check("schema version") { db in
            let migrator = Migrations.migrator
            let applied = try migrator.appliedIdentifiers(db)
            let known = Set(migrator.migrations)
            if !applied.subtracting(known).isEmpty {
                return DoctorCheck("schema version", .fail, "written by a newer ccw (unknown: "
                    + applied.subtracting(known).sorted().joined(separator: ", ") + ")")
            }
            let missing = migrator.migrations.filter { !applied.contains($0) }
            return missing.isEmpty ? DoctorCheck("schema version", .ok, "up to date (\(AppDatabase.latestSchemaVersion))")
                : DoctorCheck("schema version", .warn, "\(missing.count) migration(s) pending: \(missing.joined(separator: ", ")); "
                    + "any ccw command applies them")
        }(database))
        checks += auditChains(database)
        return DoctorReport(path: database.path, checks: checks)
    }

    private static func check(_ name: String, _ body: @escaping (Database) throws -> DoctorCheck) -> (AppDatabase) -> DoctorCheck {
        { database in
            do { return try database.read(body) } catch { return DoctorCheck(name, .fail, "\(error)") }
        }
    }

    private static func auditChains(_ database: AppDatabase) -> [DoctorCheck] {
        do {
            return try database.read { db in
                guard try db.tableExists("audit_log") else { return [] }
                return try Row.fetchAll(db, sql: "SELECT id, name FROM organizations ORDER BY name").map { org in
                    let result = try AuditLog.verify(db, orgId: org["id"])
                    return DoctorCheck("audit chain: \(org["name"] as String)", result.isOK ? .ok : .fail, result.description)
                }
            }
        } catch {
            return [DoctorCheck("audit chains", .fail, "\(error)")]
        }
    }

    static func permissions(_ path: String) -> DoctorCheck {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue else {
            return DoctorCheck("file permissions", .warn, "cannot read the permissions of \(path)")
        }
        let octal = String(mode & 0o777, radix: 8)
        if mode & 0o077 != 0 {
            return DoctorCheck("file permissions", .warn, "mode \(octal): readable or writable by group or others; "
                + "run \"chmod 600 \(path)\" unless several OS accounts share it on purpose")
        }
        return DoctorCheck("file permissions", .ok, "mode \(octal)")
    }

    static func walSize(_ path: String) -> DoctorCheck {
        let size = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.int64Value ?? 0
        let text = "\(size / 1024) KiB"
        if size > 256 * 1_048_576 {
            return DoctorCheck("wal size", .warn, "\(text): the write-ahead log is not being checkpointed "
                + "(a long-running reader may be holding it)")
        }
        return DoctorCheck("wal size", .ok, text)
    }
}
