import CCWDomain
import GRDB

/// Deals on pipelines (FR-1.4): add, edit, delete and restore, list a stage's cards. Stage
/// moves are in `Deals+Move.swift`, line items in `Deals+LineItems.swift`.
///
/// Permissions: CRM `create`, `edit`, `delete`, `view`. Every write is audited in its
/// transaction and publishes `crm.deal.created`, `crm.deal.updated` or `crm.deal.deleted`.
/// A new deal starts its stage history with an entry without a `from` stage.
public struct Deals: Sendable {
    let database: AppDatabase

    static let table = "deals"
    static let entity = "deal"

    public func add(_ scope: Scope, _ new: NewDeal) throws -> DealRecord {
        try database.write(as: scope, .create, in: .crm) { access in
            let pipeline = try new.pipelineId.map { try Pipelines.pipeline(access, $0) } ?? Pipelines.ensureDefault(access)
            guard let stage = new.stageId.map({ pipeline.stage($0) }) ?? pipeline.openStages.first else {
                throw CoreError.invalid("stage", "\(new.stageId?.description ?? "no open stage") is not a stage of \"\(pipeline.name)\"")
            }
            let today = ZonedTime.date(at: access.now, in: scope.zone)
            var deal = Deal(name: new.name, description: new.description, value: new.value, pipelineID: pipeline.id,
                            stageID: stage.id, probability: new.probability ?? stage.defaultProbability,
                            expectedCloseDate: new.expectedCloseDate, actualCloseDate: stage.kind.isClosed ? today : nil,
                            companyID: new.companyId, contactIDs: new.contactIds, ownerID: new.ownerId ?? UserID(scope.userId),
                            lineItems: new.lineItems, source: new.source, tags: Tags.normalize(new.tags),
                            customFields: new.customFields, stageEnteredAt: access.now)
            if stage.kind == .won { deal.probability = ExactDecimal(100) }
            if stage.kind == .lost { deal.probability = .zero }
            deal = try deal.valuedFromLineItems()
            try Self.check(access, deal, in: pipeline)
            let inserted = try access.table(Self.table).insert(access.db, by: access.scope.actor, at: access.now,
                                                               values: DealRecord.columns(deal))
            let id = DealID(inserted.id)
            deal.id = id
            try Self.writeContacts(access, deal: id, deal.contactIDs)
            try Self.writeLineItems(access, deal: id, deal.lineItems)
            try Self.appendHistory(access, StageMove.created(deal, by: UserID(scope.userId)))
            try access.audit(Self.entity, id: inserted.id, uid: inserted.uid, .create, "deal \(deal.name) added in \(stage.name)",
                             after: try CRMStore.snapshot(access, Self.table, id: inserted.id))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.deal.created",
                                    payload: CRMStore.payload(id: inserted.id, uid: inserted.uid, ["name": .string(deal.name)]))
            return try Self.require(access, id)
        }
    }

    /// Saves the deal's fields. The stage, probability-by-stage, close date and lost reason
    /// change only through `move`; line items only through `setLineItems`.
    public func update(_ scope: Scope, id: DealID, deal: Deal, expectedVersion: Int64) throws -> DealRecord {
        try database.write(as: scope, .edit, in: .crm) { access in
            let before = try Self.require(access, id)
            guard deal.stageID == before.deal.stageID, deal.pipelineID == before.deal.pipelineID else {
                throw CoreError.rule("deal \(before.deal.name): change its stage with a move, not an edit")
            }
            var deal = deal
            deal.id = id
            deal.lineItems = before.deal.lineItems
            deal.stageEnteredAt = before.deal.stageEnteredAt
            deal.actualCloseDate = before.deal.actualCloseDate
            deal.lostReason = before.deal.lostReason
            if !deal.lineItems.isEmpty { deal = try deal.valuedFromLineItems() }
            let pipeline = try Pipelines.pipeline(access, deal.pipelineID)
            try Self.check(access, deal, in: pipeline)
            let beforeJSON = try CRMStore.snapshot(access, Self.table, id: id.rawValue)
            try VersionedUpdate.run(access.db, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: DealRecord.columns(deal), entity: Self.entity, at: access.now)
            try Self.writeContacts(access, deal: id, deal.contactIDs)
            try access.audit(Self.entity, id: id.rawValue, uid: before.stamp.uid, .update, "deal \(deal.name) edited",
                             before: beforeJSON, after: try CRMStore.snapshot(access, Self.table, id: id.rawValue))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.deal.updated",
                                    payload: CRMStore.payload(id: id.rawValue, uid: before.stamp.uid))
            return try Self.require(access, id)
        }
    }

    public func delete(_ scope: Scope, id: DealID, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .crm) { access in
            let record = try Self.require(access, id)
            try SoftDelete.delete(access, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                  entity: Self.entity, summary: "deal \(record.deal.name) deleted")
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.deal.deleted",
                                    payload: CRMStore.payload(id: id.rawValue, uid: record.stamp.uid))
        }
    }

    public func restore(_ scope: Scope, id: DealID, expectedVersion: Int64) throws -> DealRecord {
        try database.write(as: scope, .delete, in: .crm) { access in
            try SoftDelete.restore(access, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                   entity: Self.entity, summary: "deal #\(id.rawValue) restored")
            return try Self.require(access, id)
        }
    }

    public func get(_ scope: Scope, id: DealID) throws -> DealRecord {
        try database.read(as: scope, in: .crm) { access in try Self.require(access, id) }
    }

    /// The cards of one kanban column (or of the whole pipeline when `stage` is nil), oldest
    /// first, after the deal id `after`; optionally one owner's. Line items are not loaded.
    public func list(_ scope: Scope, pipeline: PipelineID, stage: StageID? = nil, ownerId: UserID? = nil,
                     after: DealID? = nil, limit: Int = 100) throws -> [DealRecord] {
        try database.read(as: scope, in: .crm) { access in
            var condition: SQL = "deals.pipeline_id = \(pipeline.rawValue)"
            if let stage { condition += " AND deals.stage_id = \(stage.rawValue)" }
            if let ownerId { condition += " AND deals.owner_id = \(ownerId.rawValue)" }
            if let after { condition += " AND deals.id > \(after.rawValue)" }
            return try access.table(Self.table).rows(access.db, where: condition, orderBy: "deals.id", limit: max(1, min(limit, 1000)))
                .map { DealRecord(stamp: RowStamp(row: $0), deal: DealRecord.deal(row: $0, baseCurrency: scope.baseCurrency)) }
        }
    }

    /// The deal's stage moves, oldest first (the first entry is where it started).
    public func history(_ scope: Scope, id: DealID) throws -> [StageHistoryEntry] {
        try database.read(as: scope, in: .crm) { access in
            _ = try Self.require(access, id)
            return try Self.history(access, id)
        }
    }

    // MARK: Inside a transaction

    static func require(_ access: ScopedDatabase, _ id: DealID, includingDeleted: Bool = false) throws -> DealRecord {
        let row = try access.table(table, entity: entity).requireRow(access.db, id: id.rawValue, includingDeleted: includingDeleted)
        var deal = DealRecord.deal(row: row, baseCurrency: access.scope.baseCurrency)
        deal.contactIDs = try Int64.fetchAll(access.db, sql: """
            SELECT contact_id FROM deal_contacts WHERE org_id = ? AND deal_id = ? ORDER BY position, id
            """, arguments: [access.scope.orgId, id.rawValue]).map { ContactID($0) }
        deal.lineItems = try access.table("deal_line_items")
            .rows(access.db, where: SQL(sql: "deal_line_items.deal_id = ?", arguments: [id.rawValue]), orderBy: "sort_order, id")
            .map { DealRecord.lineItem(row: $0, baseCurrency: access.scope.baseCurrency) }
        return DealRecord(stamp: RowStamp(row: row), deal: deal)
    }

    static func history(_ access: ScopedDatabase, _ id: DealID) throws -> [StageHistoryEntry] {
        try Row.fetchAll(access.db, sql: """
            SELECT * FROM deal_stage_history WHERE org_id = ? AND deal_id = ? ORDER BY moved_at, id
            """, arguments: [access.scope.orgId, id.rawValue]).map(DealRecord.historyEntry(row:))
    }

    static func check(_ access: ScopedDatabase, _ deal: Deal, in pipeline: Pipeline) throws {
        try CRMStore.check(deal.validate(in: pipeline))
        try CRMStore.requireLink(access, "companies", id: deal.companyID?.rawValue, field: "company")
        for contact in deal.contactIDs { try CRMStore.requireLink(access, "contacts", id: contact.rawValue, field: "contacts") }
        try CRMStore.requireMember(access, deal.ownerID.rawValue, field: "owner")
    }

    /// Replaces the deal's contact list.
    static func writeContacts(_ access: ScopedDatabase, deal: DealID, _ contacts: [ContactID]) throws {
        try access.db.execute(sql: "DELETE FROM deal_contacts WHERE org_id = ? AND deal_id = ?",
                              arguments: [access.scope.orgId, deal.rawValue])
        for (position, contact) in contacts.enumerated() {
            try access.db.execute(sql: "INSERT INTO deal_contacts (org_id, deal_id, contact_id, position) VALUES (?, ?, ?, ?)",
                                  arguments: [access.scope.orgId, deal.rawValue, contact.rawValue, position])
        }
    }

    static func appendHistory(_ access: ScopedDatabase, _ entry: StageHistoryEntry) throws {
        try access.db.execute(sql: """
            INSERT INTO deal_stage_history (org_id, deal_id, from_stage_id, to_stage_id, moved_at, moved_by,
                                            probability_before, probability_after, lost_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [access.scope.orgId, entry.dealID?.rawValue, entry.fromStageID?.rawValue, entry.toStageID.rawValue,
                             entry.movedAt, entry.movedBy.rawValue, entry.probabilityBefore?.normalized.description,
                             entry.probabilityAfter.normalized.description, entry.lostReason])
    }

    /// The live deals of these companies that sit in open stages (for roll-ups); no line items.
    static func openDeals(_ access: ScopedDatabase, companies: [CompanyID]) throws -> [Deal] {
        guard !companies.isEmpty else { return [] }
        let list = companies.map { String($0.rawValue) }.joined(separator: ", ")
        return try Row.fetchAll(access.db, sql: """
            SELECT d.* FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id
            WHERE d.org_id = ? AND d.deleted_at IS NULL AND s.kind = 'open' AND d.company_id IN (\(list))
            """, arguments: [access.scope.orgId]).map { DealRecord.deal(row: $0, baseCurrency: access.scope.baseCurrency) }
    }
}

extension AppDatabase {
    public var deals: Deals { Deals(database: self) }
}
