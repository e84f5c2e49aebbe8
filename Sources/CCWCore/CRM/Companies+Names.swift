import CCWDomain
import GRDB

extension Companies {
    /// The names of the given companies (live or not), for showing beside contacts and deals:
    /// one query per page of rows, never one per row.
    public func names(_ scope: Scope, ids: some Collection<CompanyID>) throws -> [CompanyID: String] {
        let unique = Array(Set(ids.map(\.rawValue)))
        guard !unique.isEmpty else { return [:] }
        return try database.read(as: scope, in: .crm) { access in
            let marks = Array(repeating: "?", count: unique.count).joined(separator: ",")
            let rows = try Row.fetchAll(access.db, sql: "SELECT id, name FROM companies WHERE org_id = ? AND id IN (\(marks))",
                                        arguments: StatementArguments([scope.orgId] + unique))
            return Dictionary(uniqueKeysWithValues: rows.map { (CompanyID($0["id"] as Int64), $0["name"] as String) })
        }
    }
}
