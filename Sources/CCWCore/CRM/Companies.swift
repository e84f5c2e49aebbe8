import CCWDomain
import GRDB

/// Companies (accounts) and their parent/subsidiary links (FR-1.2).
///
/// Permissions: CRM `create`, `edit`, `view` per the matrix. **Deleting a company needs the
/// manager or admin role**, a finer rule than the module matrix (which gives sales `delete`
/// in CRM): a company carries the contacts, deals and history of a whole account, so a sales
/// rep may delete contacts and deals but not companies. `delete` and `restore` enforce it.
///
/// A parent link is checked by `CompanyHierarchy.checkParent` against the chain of the new
/// parent's ancestors (read with a recursive query, not the whole table), so a cycle is
/// refused with a message naming the chain.
public struct Companies: Sendable {
    let database: AppDatabase

    static let table = "companies"
    static let entity = "company"
    /// The roles that may delete or restore a company.
    public static let deletingRoles: Set<Role> = [.admin, .manager]

    public func add(_ scope: Scope, company: Company, ownerId: UserID? = nil) throws -> CompanyRecord {
        try database.write(as: scope, .create, in: .crm) { access in
            var company = company
            company.id = nil
            try CRMStore.check(company.validate())
            try CRMStore.requireLink(access, Self.table, id: company.parentCompanyID?.rawValue, field: "parent company")
            let owner = ownerId ?? UserID(scope.userId)
            try CRMStore.requireMember(access, owner.rawValue, field: "owner")
            var columns = CompanyRecord.columns(company)
            columns["owner_id"] = owner.rawValue
            let inserted = try access.table(Self.table).insert(access.db, by: access.scope.actor, at: access.now, values: columns)
            try access.audit(Self.entity, id: inserted.id, uid: inserted.uid, .create, "company \(company.name) added",
                             after: try CRMStore.snapshot(access, Self.table, id: inserted.id))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.company.created",
                                    payload: CRMStore.payload(id: inserted.id, uid: inserted.uid, ["name": .string(company.name)]))
            return try Self.require(access, CompanyID(inserted.id))
        }
    }

    /// Saves every field of `company`, including its parent (checked for cycles).
    public func update(_ scope: Scope, id: CompanyID, company: Company, ownerId: UserID?,
                       expectedVersion: Int64) throws -> CompanyRecord {
        try database.write(as: scope, .edit, in: .crm) { access in
            var company = company
            company.id = id
            try CRMStore.check(company.validate())
            try CRMStore.requireMember(access, ownerId?.rawValue, field: "owner")
            let before = try Self.require(access, id)
            if company.parentCompanyID != before.company.parentCompanyID {
                try Self.checkParent(access, company.parentCompanyID, for: id, name: company.name)
            }
            var columns = CompanyRecord.columns(company)
            columns["owner_id"] = ownerId?.rawValue
            let beforeJSON = try CRMStore.snapshot(access, Self.table, id: id.rawValue)
            try VersionedUpdate.run(access.db, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: columns, entity: Self.entity, at: access.now)
            try access.audit(Self.entity, id: id.rawValue, uid: before.stamp.uid, .update, "company \(company.name) edited",
                             before: beforeJSON, after: try CRMStore.snapshot(access, Self.table, id: id.rawValue))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.company.updated",
                                    payload: CRMStore.payload(id: id.rawValue, uid: before.stamp.uid))
            try LeadScores.refresh(access, company: id)
            return try Self.require(access, id)
        }
    }

    /// Makes `parent` the parent of `id` (nil: a top-level company).
    public func setParent(_ scope: Scope, id: CompanyID, parent: CompanyID?, expectedVersion: Int64) throws -> CompanyRecord {
        var company = try get(scope, id: id)
        company.company.parentCompanyID = parent
        return try update(scope, id: id, company: company.company, ownerId: company.ownerId, expectedVersion: expectedVersion)
    }

    /// Soft-deletes a company. Manager or admin only (see the type's documentation). Its
    /// subsidiaries become top-level companies in the tree; contacts and deals keep the link.
    public func delete(_ scope: Scope, id: CompanyID, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .crm) { access in
            try Self.requireDeletingRole(access.scope)
            let record = try Self.require(access, id)
            try SoftDelete.delete(access, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                  entity: Self.entity, summary: "company \(record.company.name) deleted")
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.company.deleted",
                                    payload: CRMStore.payload(id: id.rawValue, uid: record.stamp.uid))
        }
    }

    public func restore(_ scope: Scope, id: CompanyID, expectedVersion: Int64) throws -> CompanyRecord {
        try database.write(as: scope, .delete, in: .crm) { access in
            try Self.requireDeletingRole(access.scope)
            try SoftDelete.restore(access, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                   entity: Self.entity, summary: "company #\(id.rawValue) restored")
            return try Self.require(access, id)
        }
    }

    public func get(_ scope: Scope, id: CompanyID) throws -> CompanyRecord {
        try database.read(as: scope, in: .crm) { access in try Self.require(access, id) }
    }

    /// One page of companies by name, after `cursor`; `text` searches name and web domain.
    public func page(_ scope: Scope, text: String? = nil, after cursor: CompanyCursor? = nil,
                     limit: Int = 50) throws -> [CompanyRecord] {
        try database.read(as: scope, in: .crm) { access in
            var condition: SQL = "companies.org_id = \(scope.orgId) AND companies.deleted_at IS NULL"
            var source: SQL = "companies"
            if let text = text?.nonBlank {
                if let match = SearchIndex.matchExpression(text) {
                    source = "companies_fts f CROSS JOIN companies ON companies.id = f.rowid"
                    condition += " AND companies_fts MATCH \(match)"
                } else if let search = SearchIndex.condition(table: Self.table, columns: ["name", "domain"], text: text) {
                    condition += " AND " + search
                }
            }
            if let cursor { condition += " AND (companies.name, companies.id) > (\(cursor.name), \(cursor.id))" }
            let request: SQL = """
                SELECT companies.* FROM \(literal: source) WHERE \(literal: condition)
                ORDER BY companies.name, companies.id LIMIT \(max(1, min(limit, 1000)))
                """
            return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request))
                .map { CompanyRecord(row: $0, baseCurrency: scope.baseCurrency) }
        }
    }

    /// The organization's companies as tree rows: each top-level company followed by its
    /// subsidiaries depth first, siblings by name. Reads only id, name and parent.
    public func tree(_ scope: Scope) throws -> [CompanyHierarchy.Row] {
        try database.read(as: scope, in: .crm) { access in try Self.hierarchy(access).flattened() }
    }

    /// Count, value and weighted value of the open deals of `id` and all its subsidiaries.
    public func pipelineTotals(_ scope: Scope, id: CompanyID) throws -> DealTotals {
        try database.read(as: scope, in: .crm) { access in
            _ = try Self.require(access, id)
            let hierarchy = try Self.hierarchy(access)
            let family = [id] + hierarchy.descendants(of: id)
            let deals = try Deals.openDeals(access, companies: family)
            let pipelines = try Pipelines.all(access)
            return hierarchy.rollup(deals: deals, pipelines: pipelines)[id] ?? DealTotals()
        }
    }

    // MARK: Inside a transaction

    static func require(_ access: ScopedDatabase, _ id: CompanyID) throws -> CompanyRecord {
        CompanyRecord(row: try access.table(table, entity: entity).requireRow(access.db, id: id.rawValue),
                      baseCurrency: access.scope.baseCurrency)
    }

    static func requireDeletingRole(_ scope: Scope) throws {
        guard deletingRoles.contains(scope.role) else {
            throw CoreError.notPermitted(PermissionDenied(role: scope.role, action: .delete, module: .crm))
        }
    }

    /// Every live company's id, name and parent.
    static func hierarchy(_ access: ScopedDatabase) throws -> CompanyHierarchy {
        let rows = try Row.fetchAll(access.db, sql: """
            SELECT id, name, parent_id FROM companies WHERE org_id = ? AND deleted_at IS NULL
            """, arguments: [access.scope.orgId])
        return CompanyHierarchy(companies: rows.map {
            Company(id: CompanyID($0["id"] as Int64), name: $0["name"], parentCompanyID: ($0["parent_id"] as Int64?).map { CompanyID($0) })
        })
    }

    /// Refuses `parent` for `company` when it does not exist or would close a cycle.
    static func checkParent(_ access: ScopedDatabase, _ parent: CompanyID?, for company: CompanyID, name: String) throws {
        guard let parent else { return }
        let chain = try Row.fetchAll(access.db, sql: """
            WITH RECURSIVE chain(id, depth) AS (
                SELECT ?, 0
                UNION ALL
                SELECT c.parent_id, chain.depth + 1 FROM companies c JOIN chain ON c.id = chain.id
                WHERE c.org_id = ? AND c.deleted_at IS NULL AND c.parent_id IS NOT NULL AND chain.depth < 10000
            )
            SELECT c.id, c.name, c.parent_id FROM chain JOIN companies c ON c.id = chain.id
            WHERE c.org_id = ? AND c.deleted_at IS NULL
            """, arguments: [parent.rawValue, access.scope.orgId, access.scope.orgId])
        var companies = chain.map {
            Company(id: CompanyID($0["id"] as Int64), name: $0["name"], parentCompanyID: ($0["parent_id"] as Int64?).map { CompanyID($0) })
        }
        if let index = companies.firstIndex(where: { $0.id == company }) {
            companies[index].name = name
        } else {
            companies.append(Company(id: company, name: name))
        }
        if let error = CompanyHierarchy(companies: companies).checkParent(parent, for: company) {
            throw CoreError.invalid([error])
        }
    }
}

extension AppDatabase {
    public var companies: Companies { Companies(database: self) }
}
