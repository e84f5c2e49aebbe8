import CCWDomain
import GRDB

/// One org-scoped table seen from one organization. Every statement it builds starts from
/// `org_id = ?`, so code that goes through it cannot read or change another organization's
/// rows. Business tables follow the DESIGN.md columns (`org_id`, `uid`, `created_at`,
/// `updated_at`, `created_by`, `updated_by`, `deleted_at`, `version`).
public struct ScopedTable: Sendable {
    public let name: String
    public let orgId: Int64
    /// The word used in messages ("contact", "membership").
    public let entity: String

    public init(_ name: String, orgId: Int64, entity: String? = nil) {
        self.name = name
        self.orgId = orgId
        self.entity = entity ?? name
    }

    /// `org_id = ?` plus `deleted_at IS NULL` (unless `includingDeleted`) plus `condition`.
    public func whereClause(_ condition: SQL? = nil, includingDeleted: Bool = false) -> SQL {
        var clause = SQL(sql: "\(name).org_id = ?", arguments: [orgId])
        if !includingDeleted { clause += SQL(sql: " AND \(name).deleted_at IS NULL") }
        if let condition { clause += " AND (" + condition + ")" }
        return clause
    }

    public func fetchRow(_ db: Database, id: Int64, includingDeleted: Bool = false) throws -> Row? {
        let request = "SELECT * FROM \(sql: name) WHERE \(literal: whereClause(SQL(sql: "\(name).id = ?", arguments: [id]), includingDeleted: includingDeleted))" as SQL
        return try Row.fetchOne(db, SQLRequest<Row>(literal: request))
    }

    public func fetchRow(_ db: Database, uid: String, includingDeleted: Bool = false) throws -> Row? {
        let request = "SELECT * FROM \(sql: name) WHERE \(literal: whereClause(SQL(sql: "\(name).uid = ?", arguments: [uid]), includingDeleted: includingDeleted))" as SQL
        return try Row.fetchOne(db, SQLRequest<Row>(literal: request))
    }

    /// Whether a live row with this id exists in the scope's organization (reads no columns).
    public func exists(_ db: Database, id: Int64, includingDeleted: Bool = false) throws -> Bool {
        let request = "SELECT 1 FROM \(sql: name) WHERE \(literal: whereClause(SQL(sql: "\(name).id = ?", arguments: [id]), includingDeleted: includingDeleted)) LIMIT 1" as SQL
        return try Bool.fetchOne(db, SQLRequest<Bool>(literal: request)) ?? false
    }

    /// The row, or `CoreError.notFound` naming the entity and `key` (or `#id`).
    public func requireRow(_ db: Database, id: Int64, key: String? = nil, includingDeleted: Bool = false) throws -> Row {
        guard let row = try fetchRow(db, id: id, includingDeleted: includingDeleted) else {
            throw CoreError.notFound(entity: entity, key: key ?? "#\(id)")
        }
        return row
    }

    public func rows(_ db: Database, where condition: SQL? = nil, orderBy: String = "id", limit: Int? = nil,
                     includingDeleted: Bool = false) throws -> [Row] {
        var request = "SELECT * FROM \(sql: name) WHERE \(literal: whereClause(condition, includingDeleted: includingDeleted)) ORDER BY \(sql: orderBy)" as SQL
        if let limit { request += " LIMIT \(limit)" }
        return try Row.fetchAll(db, SQLRequest<Row>(literal: request))
    }

    public func count(_ db: Database, where condition: SQL? = nil, includingDeleted: Bool = false) throws -> Int {
        let request = "SELECT COUNT(*) FROM \(sql: name) WHERE \(literal: whereClause(condition, includingDeleted: includingDeleted))" as SQL
        return try Int.fetchOne(db, SQLRequest<Int>(literal: request)) ?? 0
    }

    /// Inserts a business row with `org_id`, a new `uid`, timestamps, author and version 1 filled
    /// in; `values` holds the table's own columns. Returns the new id and uid.
    @discardableResult
    public func insert(_ db: Database, by actor: AuditActor, at now: Int64,
                       values: [String: (any DatabaseValueConvertible)?]) throws -> (id: Int64, uid: String) {
        precondition(actor.orgId == orgId, "insert into \(name) for another organization")
        let uid = UID.make(at: now)
        var columns: [(String, (any DatabaseValueConvertible)?)] = values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        columns += [("org_id", orgId), ("uid", uid), ("created_at", now), ("updated_at", now),
                    ("created_by", actor.userId), ("updated_by", actor.userId), ("version", 1)]
        let names = columns.map(\.0).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(name) (\(names)) VALUES (\(marks))",
                       arguments: StatementArguments(columns.map { $0.1?.databaseValue ?? .null }))
        return (db.lastInsertedRowID, uid)
    }
}
