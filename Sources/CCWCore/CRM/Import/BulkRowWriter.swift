import CCWDomain
import GRDB

/// The write path of imports: inserts many business rows of one table inside the caller's
/// write transaction with one `INSERT … SELECT` (`insertAll`), each row audited and announced.
///
/// A row gets the standard business columns (`org_id`, `uid`, timestamps, author, version 1)
/// like `ScopedTable.insert`; its audit entry's `after` is built from the values written
/// (the same JSON text `CRMStore.snapshot` would read back: every column, keys sorted) rather
/// than by reading the row again, and goes through the import's `AuditAppender`. Search
/// indexes follow through their triggers.
struct BulkRowWriter {
    let access: ScopedDatabase
    let audit: AuditAppender
    let table: String
    let entity: String
    /// The table's own columns, in the order `insertAll` takes their values.
    let columns: [String]
    /// The snapshot's keys in sorted order, each as `"key":`, with where its value comes from.
    private let snapshotKeys: [(prefix: String, source: SnapshotSource)]

    private enum SnapshotSource {
        case value(Int)
        case id
        case null
    }

    init(_ access: ScopedDatabase, audit: AuditAppender, table: String, entity: String, columns: [String]) {
        self.access = access
        self.audit = audit
        self.table = table
        self.entity = entity
        self.columns = columns
        let all = columns + Self.standard
        var keys: [String: SnapshotSource] = ["id": .id, "deleted_at": .null]
        for (index, name) in all.enumerated() { keys[name] = .value(index) }
        snapshotKeys = keys.keys.sorted().enumerated().map { index, key in
            var prefix = index == 0 ? "{" : ","
            FastJSON.string(key, into: &prefix)
            return (prefix + ":", keys[key]!)
        }
    }

    static let standard = ["org_id", "uid", "created_at", "updated_at", "created_by", "updated_by", "version"]

    /// A row for `insertAll`: its values in `columns` order, its audit summary, its event.
    struct Pending {
        var values: [DatabaseValue]
        var summary: String
        var event: String
        var payload: [String: JSONValue] = [:]
    }

    /// Inserts `rows` with one `INSERT … SELECT` from a temporary staging table (in order),
    /// then audits each row and publishes its event. Returns the
    /// new ids and uids in the order of `rows`.
    ///
    /// One statement instead of one per row because SQLite's FTS5 writes its pending search
    /// index data out at every statement savepoint: row by row, each insert made a new
    /// search-index segment (and merges of them). The table needs a unique `uid` (the new ids
    /// are read back through it).
    @discardableResult
    func insertAll(_ rows: [Pending]) throws -> [(id: Int64, uid: String)] {
        guard !rows.isEmpty else { return [] }
        let db = access.db
        let now = access.now
        let actor = access.scope.actor
        let user: DatabaseValue = actor.userId?.databaseValue ?? .null
        let all = columns + Self.standard
        let staging = "ccw_staging_\(table)"
        try db.execute(sql: "DROP TABLE IF EXISTS temp.\(staging)")
        try db.execute(sql: "CREATE TEMP TABLE \(staging) (seq INTEGER PRIMARY KEY, \(all.joined(separator: ", ")))")
        let stage = try db.makeStatement(sql: """
            INSERT INTO temp.\(staging) VALUES (\(Array(repeating: "?", count: all.count + 1).joined(separator: ", ")))
            """)
        var written: [[DatabaseValue]] = []
        written.reserveCapacity(rows.count)
        var uids: [String] = []
        uids.reserveCapacity(rows.count)
        for (seq, row) in rows.enumerated() {
            precondition(row.values.count == columns.count, "\(table): \(row.values.count) values for \(columns.count) columns")
            let uid = UID.make(at: now)
            let values = row.values + [actor.orgId.databaseValue, uid.databaseValue, now.databaseValue, now.databaseValue,
                                       user, user, Int64(1).databaseValue]
            try stage.execute(arguments: StatementArguments([Int64(seq).databaseValue] + values))
            written.append(values)
            uids.append(uid)
        }
        let list = all.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(table) (\(list)) SELECT \(list) FROM temp.\(staging) ORDER BY seq")
        var ids = [Int64](repeating: 0, count: rows.count)
        let found = try Row.fetchCursor(db, sql: "SELECT s.seq, t.id FROM temp.\(staging) s JOIN main.\(table) t ON t.uid = s.uid")
        while let pair = try found.next() { ids[pair[0] as Int] = pair[1] }
        try db.execute(sql: "DROP TABLE temp.\(staging)")
        for (index, row) in rows.enumerated() {
            let id = ids[index], uid = uids[index]
            try audit.append(at: now, entity: entity, entityId: id, entityUID: uid, action: .create, summary: row.summary,
                             afterJSON: snapshot(written[index], id: id))
            try EventOutbox.publish(db, orgId: actor.orgId, type: row.event,
                                    payload: RawJSON(FastJSON.text(.object(CRMStore.payload(id: id, uid: uid, row.payload)))), at: now)
        }
        return zip(ids, uids).map { ($0, $1) }
    }

    /// The row as `CanonicalJSON.object` shows it, from the values written.
    private func snapshot(_ values: [DatabaseValue], id: Int64) -> String {
        var out = ""
        out.reserveCapacity(768)
        for (prefix, source) in snapshotKeys {
            out += prefix
            switch source {
            case let .value(index): Self.write(values[index], into: &out)
            case .id: out += String(id)
            case .null: out += "null"
            }
        }
        out += "}"
        return out
    }

    /// A column value as `CanonicalJSON.object` shows it.
    static func write(_ value: DatabaseValue, into out: inout String) {
        switch value.storage {
        case .null: out += "null"
        case let .int64(int): out += String(int)
        case let .double(double): FastJSON.string(String(double), into: &out)
        case let .string(string): FastJSON.string(string, into: &out)
        case let .blob(data): FastJSON.string(data.base64EncodedString(), into: &out)
        }
    }
}

extension Dictionary where Key == String, Value == (any DatabaseValueConvertible)? {
    /// The values of `columns`, in order (missing ones null).
    func databaseValues(_ columns: [String]) -> [DatabaseValue] {
        columns.map { (self[$0] ?? nil)?.databaseValue ?? .null }
    }
}

/// Canonical JSON text of a `JSONValue` written directly (sorted keys, no escaped slashes,
/// the escapes `JSONEncoder` uses), for the write path of imports where `JSONEncoder` per
/// row was the largest cost. Passed on as `RawJSON`, which `CanonicalJSON.encode` keeps as is.
enum FastJSON {
    static func text(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(512)
        write(value, into: &out)
        return out
    }

    static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .int(number): out += String(number)
        case let .string(text): string(text, into: &out)
        case let .array(items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case let .object(fields):
            out += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                string(key, into: &out)
                out += ":"
                write(fields[key]!, into: &out)
            }
            out += "}"
        }
    }

    static func string(_ text: String, into out: inout String) {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += "\""
            out += text
            out += "\""
            return
        }
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
