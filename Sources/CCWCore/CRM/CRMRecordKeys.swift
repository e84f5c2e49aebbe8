import CCWDomain
import GRDB

/// Finding a CRM record by the key a user types on the command line: its id (`42` or `#42`),
/// its uid, or its natural key where it has one (a contact's email, a company's name). An
/// unknown key is `CoreError.notFound` naming the key as typed.
extension Contacts {
    public func resolve(_ scope: Scope, key: String) throws -> ContactRecord {
        let text = key.trimmingCharacters(in: .whitespaces)
        if let id = CRMRecordKey.id(text) { return try get(scope, id: ContactID(id)) }
        if UID.isValid(text) { return try get(scope, uid: text) }
        if text.contains("@") {
            guard (try? EmailAddress(text)) != nil, let record = try find(scope, email: text) else {
                throw CoreError.notFound(entity: Self.entity, key: text)
            }
            return record
        }
        throw CoreError.notFound(entity: Self.entity, key: "\(text) (name a contact by id, uid or email)")
    }
}

extension Companies {
    public func resolve(_ scope: Scope, key: String) throws -> CompanyRecord {
        let text = key.trimmingCharacters(in: .whitespaces)
        if let id = CRMRecordKey.id(text) { return try get(scope, id: CompanyID(id)) }
        return try database.read(as: scope, in: .crm) { access in
            let table = access.table(Self.table, entity: Self.entity)
            let row = UID.isValid(text) ? try table.fetchRow(access.db, uid: text)
                : try table.rows(access.db, where: SQL(sql: "companies.name = ?", arguments: [text]), limit: 1).first
            guard let row else { throw CoreError.notFound(entity: Self.entity, key: text) }
            return CompanyRecord(row: row, baseCurrency: scope.baseCurrency)
        }
    }
}

extension Deals {
    public func resolve(_ scope: Scope, key: String) throws -> DealRecord {
        let text = key.trimmingCharacters(in: .whitespaces)
        if let id = CRMRecordKey.id(text) { return try get(scope, id: DealID(id)) }
        guard UID.isValid(text) else { throw CoreError.notFound(entity: Self.entity, key: "\(text) (name a deal by id or uid)") }
        let id = try database.read(as: scope, in: .crm) { access in
            try access.table(Self.table, entity: Self.entity).fetchRow(access.db, uid: text)?["id"] as Int64?
        }
        guard let id else { throw CoreError.notFound(entity: Self.entity, key: text) }
        return try get(scope, id: DealID(id))
    }
}

extension CRMTasks {
    public func resolve(_ scope: Scope, key: String) throws -> CRMTaskRecord {
        let text = key.trimmingCharacters(in: .whitespaces)
        if let id = CRMRecordKey.id(text) { return try get(scope, id: id) }
        guard UID.isValid(text) else { throw CoreError.notFound(entity: Self.entity, key: "\(text) (name a task by id or uid)") }
        return try database.read(as: scope, in: .crm) { access in
            guard let row = try access.table(Self.table, entity: Self.entity).fetchRow(access.db, uid: text) else {
                throw CoreError.notFound(entity: Self.entity, key: text)
            }
            return CRMTaskRecord(row: row)
        }
    }
}

/// The id form of a record key: `42` or `#42`.
enum CRMRecordKey {
    static func id(_ text: String) -> Int64? {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let id = Int64(digits), id > 0 else { return nil }
        return id
    }
}
