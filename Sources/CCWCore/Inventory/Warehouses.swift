import CCWDomain
import GRDB

/// The warehouses and stores of the scope's organization.
public struct Warehouses: Sendable {
    let database: AppDatabase

    static let table = "warehouses"
    static let entity = "warehouse"

    /// Adds a warehouse; `code` (what clerks type, e.g. `BER-1`) is unique per organization.
    public func add(_ scope: Scope, code: String, name: String, type: WarehouseType = .warehouse,
                    address: String = "", managerUserId: Int64? = nil) throws -> Warehouse {
        try database.write(as: scope, .create, in: .inventory) { access in
            var errors = ValidationErrors()
            let code = code.nonBlank?.uppercased()
            if code == nil { errors.add("code", "is required") }
            if let code, code.count > 20 || code.contains(where: \.isWhitespace) {
                errors.add("code", "at most 20 characters, no spaces (got \(code))")
            }
            if name.nonBlank == nil { errors.add("name", "is required") }
            try errors.throwIfAny()
            let table = access.table(Self.table, entity: Self.entity)
            if try table.count(access.db, where: SQL(sql: "code = ? COLLATE NOCASE", arguments: [code!])) > 0 {
                throw CoreError.duplicate(field: "warehouse code", value: code!)
            }
            let (id, uid) = try table.insert(access.db, by: access.scope.actor, at: access.now, values: [
                "code": code!, "name": name.nonBlank!, "type": type.rawValue, "address": address,
                "manager_user_id": managerUserId,
            ])
            let row = try table.requireRow(access.db, id: id)
            try access.audit(Self.entity, id: id, uid: uid, .create, "added warehouse \(code!)", after: CanonicalJSON.object(row))
            return Warehouse(row: row)
        }
    }

    public func list(_ scope: Scope) throws -> [Warehouse] {
        try database.read(as: scope, in: .inventory) { access in
            try access.table(Self.table, entity: Self.entity).rows(access.db, orderBy: "code").map(Warehouse.init(row:))
        }
    }

    public func get(_ scope: Scope, code: String) throws -> Warehouse {
        try database.read(as: scope, in: .inventory) { access in
            guard let row = try access.table(Self.table, entity: Self.entity)
                .rows(access.db, where: SQL(sql: "code = ? COLLATE NOCASE", arguments: [code.trimmingCharacters(in: .whitespaces)]),
                      limit: 1).first
            else { throw CoreError.notFound(entity: Self.entity, key: code) }
            return Warehouse(row: row)
        }
    }

    public func get(_ scope: Scope, id: Int64) throws -> Warehouse {
        try database.read(as: scope, in: .inventory) { access in
            Warehouse(row: try access.table(Self.table, entity: Self.entity).requireRow(access.db, id: id))
        }
    }
}

extension AppDatabase {
    public var warehouses: Warehouses { Warehouses(database: self) }
}
