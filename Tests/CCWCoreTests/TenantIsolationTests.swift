import CCWDomain
import GRDB
import Testing
@testable import CCWCore

/// Proves that a scope of one organization can neither read nor change another's rows, for
/// every table that has an `org_id` column — including tables added later: a new org-scoped
/// table without a probe here fails the test.
@Suite struct TenantIsolationTests {
    /// Given the demo data plus outbox events in both organizations.
    private func seeded() throws -> SeededDatabase {
        let seeded = try SeededDatabase()
        try seeded.database.write { db in
            for scope in [seeded.northwind, seeded.harbour] {
                try EventOutbox.publish(db, scope: scope, type: "test.event", payload: ["org": scope.orgName])
            }
        }
        for scope in [seeded.northwind, seeded.harbour] { try addCRMData(seeded.database, scope) }
        for scope in [seeded.northwind, seeded.harbour] { try seedInventory(seeded.database, scope) }
        return seeded
    }

    /// A row in every CRM table: company, contact, deal with contact, line item and history,
    /// interaction, task, segment, lead-scoring rule and email template.
    private func addCRMData(_ database: AppDatabase, _ scope: Scope) throws {
        let company = try database.companies.add(scope, company: Company(name: "Acme of \(scope.orgName)"))
        var draft = ContactDraft()
        draft[.firstName] = "Carla"
        draft[.lastName] = "Customer"
        draft[.email] = "carla@customer.example"
        let contact = try database.contacts.add(scope, draft: draft, companyId: company.id, force: true).record!
        let deal = try database.deals.add(scope, NewDeal(name: "Deal of \(scope.orgName)", value: Money(minor: 0, currency: scope.baseCurrency),
                                                         companyId: company.id, contactIds: [contact.id]))
        _ = try database.deals.setLineItems(scope, id: deal.id, items: [
            DealLineItem(description: "Item", quantity: ExactDecimal(2), unitPrice: Money(minor: 1_000, currency: scope.baseCurrency)),
        ], expectedVersion: deal.version)
        _ = try database.interactions.log(scope, Interaction(kind: .note, subject: "Met Carla", completedAt: database.now(),
                                                             contactID: contact.id))
        _ = try database.crmTasks.add(scope, CRMTask(title: "Call Carla", contactID: contact.id, assigneeID: UserID(scope.userId)))
        _ = try database.crmDefinitions.addSegment(scope, Segment(name: "Customers", conditions: [ContactCondition(.status, .equals("customer"))]))
        _ = try database.crmDefinitions.addScoringRule(scope, ScoringRule(name: "Engaged", condition: .recentInteractions(count: 1, days: 30),
                                                                          points: 10))
        _ = try database.emailTemplates.add(scope, EmailTemplate(name: "Welcome", subject: "Hello {{contact.first_name}}", body: "Welcome!"))
    }

    /// The visible deals of a scope, with their line items and contacts.
    private func visibleDeals(_ database: AppDatabase, _ scope: Scope) throws -> [DealRecord] {
        try database.pipelines.list(scope).flatMap { try database.deals.list(scope, pipeline: $0.id) }
            .map { try database.deals.get(scope, id: $0.id) }
    }

    /// Row ids of link and history rows, looked up from what the API returned for a scope.
    private func linkRows(_ database: AppDatabase, _ sql: String, _ arguments: [StatementArguments]) throws -> [Int64] {
        try database.read { db in try arguments.flatMap { try Int64.fetchAll(db, sql: sql, arguments: $0) } }
    }

    /// The tables with an org_id column, read from the schema.
    private func orgScopedTables(_ database: AppDatabase) throws -> [String] {
        try database.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
                """)
            return try tables.filter { table in try db.columns(in: table).contains { $0.name == "org_id" } }.sorted()
        }
    }

    /// For each org-scoped table: the row ids (rowid) that the public read API returns for a scope.
    private func probes(_ database: AppDatabase) -> [String: (Scope) throws -> [Int64]] {
        [
            "memberships": { scope in try database.users.list(scope).map(\.membershipId) },
            "audit_log": { scope in try database.audit.page(scope, limit: 1000).map(\.id) },
            "audit_heads": { scope in
                let verification = try database.audit.verify(scope)
                guard case .ok(let entries) = verification, entries > 0 else { return [] }
                return [scope.orgId]
            },
            "event_outbox": { scope in try database.outbox.list(scope).map(\.id) },
            "notifications": { scope in try database.notifications.recent(scope).map(\.id) },
            "companies": { scope in try database.companies.page(scope, limit: 1000).map(\.stamp.id) },
            "contacts": { scope in try database.contacts.page(scope, limit: 1000).map(\.stamp.id) },
            "pipelines": { scope in try database.pipelines.list(scope).map(\.stamp.id) },
            "pipeline_stages": { scope in try database.pipelines.list(scope).flatMap { $0.pipeline.stages.map(\.id.rawValue) } },
            "deals": { scope in try visibleDeals(database, scope).map(\.stamp.id) },
            "deal_line_items": { scope in try visibleDeals(database, scope).flatMap { $0.deal.lineItems.compactMap(\.id) } },
            "deal_contacts": { scope in
                let pairs = try visibleDeals(database, scope).flatMap { deal in
                    deal.deal.contactIDs.map { StatementArguments([deal.stamp.id, $0.rawValue]) }
                }
                return try linkRows(database, "SELECT id FROM deal_contacts WHERE deal_id = ? AND contact_id = ?", pairs)
            },
            "deal_stage_history": { scope in
                let entries = try visibleDeals(database, scope).flatMap { deal in
                    try database.deals.history(scope, id: deal.id)
                        .map { StatementArguments([deal.stamp.id, $0.toStageID.rawValue, $0.movedAt]) }
                }
                return try linkRows(database, "SELECT id FROM deal_stage_history WHERE deal_id = ? AND to_stage_id = ? AND moved_at = ?", entries)
            },
            "interactions": { scope in
                try database.contacts.page(scope, limit: 1000).flatMap { try database.interactions.timeline(scope, of: .contact($0.id)) }
                    .map(\.id)
            },
            "crm_tasks": { scope in try database.crmTasks.open(scope, assignee: UserID(scope.userId)).map(\.id) },
            "segments": { scope in try database.crmDefinitions.segments(scope).map(\.id) },
            "lead_scoring_rules": { scope in try database.crmDefinitions.scoringRules(scope).map(\.id) },
            "email_templates": { scope in try database.emailTemplates.list(scope).map(\.id) },
            // one row per organization, keyed by org_id (the rule added by the fixture asks for a rescoring)
            "lead_score_refresh": { scope in try LeadScoreRefresh.pending(database, scope) ? [scope.orgId] : [] },
            "product_categories": { scope in try database.productCategories.list(scope).map(\.id) },
            "products": { scope in try database.products.page(scope, limit: 1000).map(\.id) },
            "warehouses": { scope in try database.warehouses.list(scope).map(\.id) },
            "stock_levels": { scope in try database.stockQueries.levels(scope).map(\.id) },
            "cost_pools": { scope in
                try database.products.page(scope, limit: 1000).flatMap { try database.stockQueries.pools(scope, productId: $0.id).map(\.id) }
            },
            "stock_movements": { scope in
                try database.products.page(scope, limit: 1000).flatMap { try database.stockQueries.ledger(scope, productId: $0.id).map(\.id) }
            },
            "batches": { scope in
                try database.stockQueries.expiringBatches(scope, onOrBefore: CalendarDate(year: 2100, month: 1, day: 1)).map(\.id)
            },
            "serials": { scope in
                try database.products.page(scope, limit: 1000).flatMap { try database.stockQueries.serials(scope, productId: $0.id).map(\.id) }
            },
            "reorder_rules": { scope in try database.reorderRules.list(scope).map(\.id) },
            "stock_alerts": { scope in try database.stockQueries.alerts(scope, openOnly: false).map(\.id) },
            "purchase_orders": { scope in try database.purchaseOrders.list(scope, includeClosed: true).map(\.id) },
            "product_prices": { scope in
                let breaks = try database.products.page(scope, limit: 1000).flatMap { product in
                    try database.productPrices.tiers(scope, productId: product.id).sortedLadders.flatMap { ladder in
                        ladder.breaks.map { step -> StatementArguments in
                            [product.id, ladder.tier.description, ladder.currency.code, step.minimumQuantity.units, step.unitPrice.minor]
                        }
                    }
                }
                return try linkRows(database, """
                    SELECT id FROM product_prices WHERE product_id = ? AND tier = ? AND currency = ? AND min_quantity = ?
                      AND unit_price_minor = ? AND deleted_at IS NULL
                    """, breaks)
            },
            "purchase_order_lines": { scope in try database.purchaseOrders.list(scope, includeClosed: true).flatMap { $0.lines.map(\.id) } },
        ]
    }

    /// A category, a batch and a serial product (with a wholesale price), a warehouse, a reorder rule and stock
    /// movements that raise an alert, in one organization.
    private func seedInventory(_ database: AppDatabase, _ scope: Scope) throws {
        let category = try database.productCategories.add(scope, name: "Food")
        var milk = ProductDraft(sku: "MILK", name: "Milk \(scope.orgName)")
        milk.categoryId = category.id
        milk.tracking = .batch
        let batchProduct = try database.products.add(scope, milk)
        var phone = ProductDraft(sku: "PHONE", name: "Phone")
        phone.tracking = .serial
        let serialProduct = try database.products.add(scope, phone)
        _ = try database.productPrices.replace(scope, productId: serialProduct.id, tier: .wholesale, currency: scope.baseCurrency,
                                               breaks: [PriceBreak(from: Quantity(1), unitPrice: Money(minor: 90, currency: scope.baseCurrency))],
                                               expectedVersion: serialProduct.version)
        let warehouse = try database.warehouses.add(scope, code: "MAIN", name: "Main")
        try database.reorderRules.set(scope, productId: batchProduct.id, warehouseId: warehouse.id, point: Quantity(5), quantity: Quantity(10))
        let cost = Money(minor: 100, currency: scope.baseCurrency)
        try database.stockBooking.book(scope, StockMovementRequest(productId: batchProduct.id, warehouseId: warehouse.id,
                                                                   kind: .receive(Quantity(10), unitCost: cost), batch: "B1",
                                                                   expiry: try CalendarDate(year: 2026, month: 3, day: 1)))
        try database.stockBooking.book(scope, .issue(batchProduct.id, at: warehouse.id, Quantity(6)))
        _ = try database.purchaseOrders.draft(scope, fromAlerts: try database.stockQueries.alerts(scope).map(\.id))
        try database.stockBooking.book(scope, StockMovementRequest(productId: serialProduct.id, warehouseId: warehouse.id,
                                                                   kind: .receive(Quantity(1), unitCost: cost), serials: ["S1"]))
    }

    @Test func everyReadAPIOnlyReturnsTheScopesOrganization() throws {
        let seeded = try seeded()
        let database = seeded.database
        let tables = try orgScopedTables(database)
        let probes = probes(database)
        #expect(tables == probes.keys.sorted(), "every org-scoped table needs an isolation probe")
        for table in tables {
            let owner = try database.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT rowid, org_id FROM \(table)")
                    .map { ($0[0] as Int64, $0[1] as Int64) })
            }
            // the fixture has rows of both organizations in every table
            #expect(Set(owner.values) == [seeded.northwind.orgId, seeded.harbour.orgId], "\(table) needs rows in both orgs")
            for scope in [seeded.northwind, seeded.harbour] {
                let seen = try probes[table]!(scope)
                #expect(!seen.isEmpty, "\(table) shows nothing to \(scope.orgName)")
                #expect(seen.allSatisfy { owner[$0] == scope.orgId }, "\(table) leaks rows of another org to \(scope.orgName)")
            }
        }
    }

    @Test func searchAndHistoryStayInsideTheOrganization() throws {
        let seeded = try seeded()
        let harbourMember = try seeded.database.users.get(seeded.harbour, login: "oliver.hughes")
        #expect(try seeded.database.audit.page(seeded.northwind, filter: AuditFilter(text: "oliver")).isEmpty)
        let short = try seeded.database.audit.page(seeded.northwind, filter: AuditFilter(text: "ol"), limit: 1000)
        #expect(!short.isEmpty && short.allSatisfy { $0.orgId == seeded.northwind.orgId })
        #expect(try seeded.database.audit.history(seeded.northwind, entity: "membership", entityId: harbourMember.membershipId).isEmpty)
        #expect(try !seeded.database.audit.page(seeded.harbour, filter: AuditFilter(text: "oliver")).isEmpty)
        #expect(try seeded.database.audit.count(seeded.northwind, filter: AuditFilter(login: "oliver.hughes")) == 0)
    }

    @Test func crmSearchAndWritesStayInsideTheOrganization() throws {
        let seeded = try seeded()
        let database = seeded.database
        let northwind = seeded.northwind
        let theirs = try database.contacts.page(seeded.harbour).first!
        let theirDeal = try visibleDeals(database, seeded.harbour).first!
        let theirCompany = try database.companies.page(seeded.harbour).first!
        let auditBefore = try seeded.auditCount(seeded.harbour.orgId)
        // one Carla per organization: search finds only one's own
        #expect(try database.contacts.page(northwind, filter: ContactFilter(text: "carla")).count == 1)
        let ourCarla = try database.contacts.find(northwind, email: "carla@customer.example")
        #expect(ourCarla != nil && ourCarla?.stamp.id != theirs.stamp.id)
        #expect(try database.companies.page(northwind, text: "Harbour").isEmpty)
        // reads and writes of another organization's rows are not found
        #expect(coreError { _ = try database.contacts.get(northwind, id: theirs.id) }?.exitCode == 1)
        #expect(coreError { _ = try database.contacts.update(northwind, id: theirs.id, contact: theirs.contact, ownerId: nil,
                                                             expectedVersion: theirs.version) }?.exitCode == 1)
        #expect(coreError { try database.contacts.delete(northwind, id: theirs.id, expectedVersion: theirs.version) }?.exitCode == 1)
        #expect(coreError { _ = try database.deals.move(northwind, id: theirDeal.id, to: theirDeal.deal.stageID,
                                                        expectedVersion: theirDeal.version) }?.exitCode == 1)
        #expect(coreError { _ = try database.deals.history(northwind, id: theirDeal.id) }?.exitCode == 1)
        #expect(coreError { try database.companies.delete(northwind, id: theirCompany.id, expectedVersion: theirCompany.version) }?.exitCode == 1)
        // links to another organization's rows are refused
        let ours = try database.contacts.page(northwind).first!
        #expect(coreError { _ = try database.deals.add(northwind, NewDeal(name: "X", value: Money(minor: 1, currency: .EUR),
                                                                          companyId: theirCompany.id)) }?.fieldErrors.first?.field == "company")
        #expect(coreError { _ = try database.contactMerge.merge(northwind, survivor: ours.id, survivorVersion: ours.version,
                                                                duplicate: theirs.id, duplicateVersion: theirs.version) }?.exitCode == 1)
        #expect(try database.interactions.timeline(northwind, of: .contact(theirs.id)).isEmpty)
        #expect(try seeded.auditCount(seeded.harbour.orgId) == auditBefore)
    }

    @Test func writesWithOneScopeCannotTouchAnotherOrganizationsRows() throws {
        let seeded = try seeded()
        let database = seeded.database
        let northwind = seeded.northwind
        let oliver = try database.users.get(seeded.harbour, login: "oliver.hughes")
        let auditBefore = try seeded.auditCount(seeded.harbour.orgId)

        #expect(coreError { _ = try database.users.setRole(northwind, login: "oliver.hughes", role: .readOnly) }
                == .notFound(entity: "user", key: "\"oliver.hughes\""))
        #expect(coreError { try database.memberships.remove(northwind, login: "oliver.hughes") }?.exitCode == 1)
        #expect(coreError { _ = try database.users.deactivate(northwind, login: "oliver.hughes") }?.exitCode == 1)
        #expect(coreError { _ = try database.users.update(northwind, login: "oliver.hughes", displayName: "X", email: nil,
                                                          expectedVersion: oliver.userVersion) }?.exitCode == 1)
        // the low-level helpers refuse too
        #expect(coreError {
            try database.write(as: northwind, .edit, in: .admin) { access in
                _ = try VersionedUpdate.run(access.db, table: "memberships", id: oliver.membershipId,
                                        expectedVersion: oliver.membershipVersion, scope: access.scope,
                                        assignments: ["role": "read-only"])
            }
        } == .notFound(entity: "memberships", key: "#\(oliver.membershipId)"))
        #expect(coreError {
            try database.write(as: northwind, .delete, in: .admin) { access in
                _ = try SoftDelete.delete(access, table: "memberships", id: oliver.membershipId,
                                      expectedVersion: oliver.membershipVersion, summary: "x")
            }
        }?.exitCode == 1)
        #expect(coreError {
            try database.write(as: northwind, .edit, in: .admin) { access in
                _ = try VersionedUpdate.run(access.db, table: "users", id: oliver.userId, expectedVersion: oliver.userVersion,
                                        scope: access.scope, assignments: ["display_name": "X"], tenancy: .orgMembers)
            }
        }?.exitCode == 1)
        #expect(try database.read { db in
            try ScopedTable("memberships", orgId: northwind.orgId).fetchRow(db, id: oliver.membershipId)
        } == nil)
        let harbourNotices = try database.notifications.recent(try seeded.scope("oliver.hughes", org: DemoSeed.harbourName)).map(\.id)
        #expect(try database.notifications.markRead(northwind, ids: harbourNotices) == 0)

        // then Harbour is unchanged
        let after = try database.users.get(seeded.harbour, login: "oliver.hughes")
        #expect(after == oliver)
        #expect(try seeded.auditCount(seeded.harbour.orgId) == auditBefore)
        #expect(try database.notifications.unreadCount(try seeded.scope("oliver.hughes", org: DemoSeed.harbourName)) == 1)
    }

    @Test func inventoryUseCasesCannotReachAnotherOrganizationsStock() throws {
        let seeded = try seeded()
        let database = seeded.database
        let northwind = seeded.northwind
        let harbourProduct = try database.products.lookup(seeded.harbour, code: "milk")
        let harbourWarehouse = try database.warehouses.get(seeded.harbour, code: "main")
        let harbourMovement = try database.stockQueries.ledger(seeded.harbour, productId: harbourProduct.id)[0]
        let before = try database.stockQueries.levels(seeded.harbour)
        #expect(try database.products.lookup(northwind, code: "MILK").id != harbourProduct.id)
        #expect(coreError { _ = try database.products.get(northwind, id: harbourProduct.id) }?.exitCode == 1)
        #expect(coreError {
            try database.stockBooking.book(northwind, .issue(harbourProduct.id, at: harbourWarehouse.id, Quantity(1)))
        } == .notFound(entity: "product", key: "#\(harbourProduct.id)"))
        #expect(coreError { try database.stockBooking.reverse(northwind, movementId: harbourMovement.id) }?.exitCode == 1)
        #expect(coreError {
            _ = try database.products.update(northwind, id: harbourProduct.id, ProductDraft(harbourProduct),
                                             expectedVersion: harbourProduct.version)
        }?.exitCode == 1)
        #expect(coreError { _ = try database.stockQueries.ledger(northwind, productId: harbourProduct.id) }?.exitCode == 1)
        #expect(try database.stockQueries.levels(northwind, productId: harbourProduct.id).isEmpty)
        #expect(try database.stockQueries.levels(seeded.harbour) == before)
    }
}
