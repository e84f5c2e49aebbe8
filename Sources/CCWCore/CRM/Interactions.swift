import CCWDomain
import GRDB

/// A stored interaction (call, email, meeting, note) with its row stamp.
public struct InteractionRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var interaction: Interaction
    /// When it happened or is planned: what the timeline sorts by.
    public var occurredAt: Int64

    public var id: Int64 { stamp.id }
    public var version: Int64 { stamp.version }

    init(row: Row) {
        stamp = RowStamp(row: row)
        occurredAt = row["occurred_at"]
        interaction = Interaction(
            id: row["id"], kind: Interaction.Kind(rawValue: row["kind"]) ?? .note, subject: row["subject"],
            description: row["description"], outcome: row["outcome"], scheduledAt: row["scheduled_at"],
            completedAt: row["completed_at"], durationMinutes: row["duration_minutes"],
            contactID: (row["contact_id"] as Int64?).map { ContactID($0) }, companyID: (row["company_id"] as Int64?).map { CompanyID($0) },
            dealID: (row["deal_id"] as Int64?).map { DealID($0) }, participants: CRMStore.int64s(row["participants"]).map { UserID($0) },
            status: Interaction.Status(rawValue: row["status"]) ?? .completed,
            direction: (row["direction"] as String?).flatMap(Interaction.Direction.init(rawValue:)),
            attachments: CRMStore.tags(row["attachments"]))
    }
}

/// What an activity timeline shows: the interactions of a contact, a company or a deal.
public enum TimelineSubject: Sendable, Hashable {
    case contact(ContactID)
    case company(CompanyID)
    case deal(DealID)
}

/// Calls, emails, meetings and notes (FR-1.3) and the activity timeline (FR-1.7).
///
/// Logging needs CRM `create`, deleting CRM `delete`; each is audited and logging publishes
/// `crm.interaction.logged`. The timeline is newest first and keyset-paged on
/// `(occurred_at, id)` in the index of its subject.
public struct Interactions: Sendable {
    let database: AppDatabase

    static let table = "interactions"
    static let entity = "interaction"

    public func log(_ scope: Scope, _ interaction: Interaction) throws -> InteractionRecord {
        try database.write(as: scope, .create, in: .crm) { access in try Self.log(access, interaction) }
    }

    /// Logs inside the caller's transaction (an email sent also queues its message).
    static func log(_ access: ScopedDatabase, _ interaction: Interaction) throws -> InteractionRecord {
        try CRMStore.check(interaction.validate())
        try CRMStore.requireLink(access, "contacts", id: interaction.contactID?.rawValue, field: "contact")
        try CRMStore.requireLink(access, "companies", id: interaction.companyID?.rawValue, field: "company")
        try CRMStore.requireLink(access, "deals", id: interaction.dealID?.rawValue, field: "deal")
        for user in interaction.participants { try CRMStore.requireMember(access, user.rawValue, field: "participants") }
        let occurred = interaction.occurredAt ?? access.now
        let inserted = try access.table(Self.table).insert(access.db, by: access.scope.actor, at: access.now, values: [
            "kind": interaction.kind.rawValue, "subject": interaction.subject.trimmingCharacters(in: .whitespaces),
            "description": interaction.description, "outcome": interaction.outcome,
            "scheduled_at": interaction.scheduledAt, "completed_at": interaction.completedAt, "occurred_at": occurred,
            "duration_minutes": interaction.durationMinutes, "contact_id": interaction.contactID?.rawValue,
            "company_id": interaction.companyID?.rawValue, "deal_id": interaction.dealID?.rawValue,
            "participants": (try? CanonicalJSON.encode(interaction.participants.map(\.rawValue))) ?? "[]",
            "status": interaction.status.rawValue, "direction": interaction.direction?.rawValue,
            "attachments": CRMStore.json(interaction.attachments),
        ])
        try access.audit(Self.entity, id: inserted.id, uid: inserted.uid, .create,
                         "\(interaction.kind) \"\(interaction.subject)\" logged",
                         after: try CRMStore.snapshot(access, Self.table, id: inserted.id))
        try EventOutbox.publish(access.db, scope: access.scope, type: "crm.interaction.logged",
                                payload: CRMStore.payload(id: inserted.id, uid: inserted.uid, ["kind": .string(interaction.kind.rawValue)]))
        if let contact = interaction.contactID { try LeadScores.refresh(access, contact) }
        return InteractionRecord(row: try access.table(Self.table).requireRow(access.db, id: inserted.id))
    }

    public func delete(_ scope: Scope, id: Int64, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .crm) { access in
            try SoftDelete.delete(access, table: Self.table, id: id, expectedVersion: expectedVersion,
                                  entity: Self.entity, summary: "interaction #\(id) deleted")
        }
    }

    /// The subject's interactions, newest first; pass the last record as `before` for the
    /// next (older) page.
    public func timeline(_ scope: Scope, of subject: TimelineSubject, before: InteractionRecord? = nil,
                         limit: Int = 50) throws -> [InteractionRecord] {
        try database.read(as: scope, in: .crm) { access in
            var condition: SQL
            switch subject {
            case let .contact(id): condition = "interactions.contact_id = \(id.rawValue)"
            case let .company(id): condition = "interactions.company_id = \(id.rawValue)"
            case let .deal(id): condition = "interactions.deal_id = \(id.rawValue)"
            }
            if let before {
                condition += " AND (interactions.occurred_at, interactions.id) < (\(before.occurredAt), \(before.id))"
            }
            return try access.table(Self.table)
                .rows(access.db, where: condition, orderBy: "interactions.occurred_at DESC, interactions.id DESC",
                      limit: max(1, min(limit, 1000)))
                .map(InteractionRecord.init(row:))
        }
    }
}

extension AppDatabase {
    public var interactions: Interactions { Interactions(database: self) }
}
