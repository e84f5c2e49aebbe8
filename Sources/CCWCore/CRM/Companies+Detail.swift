import CCWDomain
import GRDB

extension Companies {
    /// The company's latest live deals (any stage), newest first, at most `limit`; read through
    /// `deals_by_company`. Line items are not loaded.
    public func deals(_ scope: Scope, of company: CompanyID, limit: Int = 20) throws -> [DealRecord] {
        try database.read(as: scope, in: .crm) { access in
            try access.table("deals").rows(access.db, where: SQL(sql: "deals.company_id = ?", arguments: [company.rawValue]),
                                           orderBy: "deals.id DESC", limit: max(1, min(limit, 1000)))
                .map { DealRecord(stamp: RowStamp(row: $0), deal: DealRecord.deal(row: $0, baseCurrency: scope.baseCurrency)) }
        }
    }

    /// How many live contacts work at the company.
    public func contactCount(_ scope: Scope, of company: CompanyID) throws -> Int {
        try database.read(as: scope, in: .crm) { access in
            try Int.fetchOne(access.db, sql: """
                SELECT COUNT(*) FROM contacts WHERE org_id = ? AND company_id = ? AND deleted_at IS NULL
                """, arguments: [scope.orgId, company.rawValue]) ?? 0
        }
    }
}
