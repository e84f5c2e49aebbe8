import CCWDomain
import GRDB

/// One deal a contact takes part in, for the contact screen.
public struct ContactDealLine: Sendable, Hashable {
    public var id: DealID
    public var name: String
    public var stage: String
    public var stageKind: StageKind
    public var value: Money
    public var probability: ExactDecimal
    public var expectedClose: CalendarDate?
}

/// One open task about a contact.
public struct ContactTaskLine: Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var due: CalendarDate?
    public var priority: CRMTask.Priority
    public var assignee: String
}

/// One line of an activity timeline: an interaction, a task, a deal's stage change or an edit.
public struct TimelineEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case call, email, meeting, note, task, stage, edit

        /// At the same instant, what was done comes before the edit that recorded it.
        var rank: Int {
            switch self {
            case .edit: 0
            case .task: 1
            case .stage: 2
            default: 3
            }
        }
    }

    /// Milliseconds since 1970 UTC; the timeline is newest first.
    public var at: Int64
    public var kind: Kind
    /// "Call (outbound, 15 min): pricing for 2027 · interested"
    public var text: String
    /// Who did it (login), when known.
    public var by: String?
}

/// Everything the contact screen shows about one contact, read in one transaction and bounded:
/// the profile, the company and owner names, its deals, open tasks, the newest activity and
/// the lead score with the rules that gave it.
public struct ContactOverview: Sendable, Hashable {
    public var record: ContactRecord
    public var companyName: String?
    public var ownerLogin: String?
    public var deals: [ContactDealLine]
    public var openTasks: [ContactTaskLine]
    public var timeline: [TimelineEntry]
    public var score: LeadScore
    /// At most this many entries of each kind are read; the timeline shows the newest of them.
    public static let limit = 25
}

extension Contacts {
    public func overview(_ scope: Scope, id: ContactID) throws -> ContactOverview {
        try database.read(as: scope, in: .crm) { access in
            let record = try Self.require(access, id)
            let db = access.db, org = scope.orgId, cid = id.rawValue, n = ContactOverview.limit
            let company: Company? = try record.contact.companyID.flatMap { try Companies.require(access, $0).company }
            let logins = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT users.id, users.login FROM users JOIN memberships ON memberships.user_id = users.id AND memberships.org_id = ?
                """, arguments: [org]).map { ($0["id"] as Int64, $0["login"] as String) })

            let deals = try Row.fetchAll(db, sql: """
                SELECT deals.id, deals.name, deals.value_minor, deals.currency, deals.probability, deals.expected_close_date,
                       pipeline_stages.name AS stage_name, pipeline_stages.kind AS stage_kind
                FROM deal_contacts JOIN deals ON deals.id = deal_contacts.deal_id AND deals.deleted_at IS NULL
                JOIN pipeline_stages ON pipeline_stages.id = deals.stage_id
                WHERE deal_contacts.org_id = ? AND deal_contacts.contact_id = ?
                ORDER BY deals.expected_close_date IS NULL, deals.expected_close_date DESC, deals.id DESC LIMIT ?
                """, arguments: [org, cid, n]).map { row in
                ContactDealLine(id: DealID(row["id"] as Int64), name: row["name"], stage: row["stage_name"],
                                stageKind: StageKind(rawValue: row["stage_kind"]) ?? .open,
                                value: Money(minor: row["value_minor"], currency: CRMStore.currency(row["currency"], fallback: scope.baseCurrency)),
                                probability: CRMStore.decimal(row["probability"]) ?? .zero, expectedClose: CRMStore.date(row["expected_close_date"]))
            }

            let tasks = try Row.fetchAll(db, sql: """
                SELECT * FROM crm_tasks WHERE org_id = ? AND contact_id = ? AND deleted_at IS NULL
                ORDER BY COALESCE(completed_at, created_at) DESC, id DESC LIMIT ?
                """, arguments: [org, cid, n * 2]).map(CRMTaskRecord.init(row:))
            let openTasks = tasks.filter { $0.task.status.isOpen }
                .sorted { ($0.task.dueDate?.description ?? "9999", $0.id) < ($1.task.dueDate?.description ?? "9999", $1.id) }
                .map { ContactTaskLine(id: $0.id, title: $0.task.title, due: $0.task.dueDate, priority: $0.task.priority,
                                       assignee: logins[$0.task.assigneeID.rawValue] ?? "#\($0.task.assigneeID.rawValue)") }

            var timeline: [TimelineEntry] = []
            let interactions = try Row.fetchAll(db, sql: """
                SELECT * FROM interactions WHERE org_id = ? AND contact_id = ? AND deleted_at IS NULL
                ORDER BY occurred_at DESC, id DESC LIMIT ?
                """, arguments: [org, cid, n]).map(InteractionRecord.init(row:))
            for r in interactions {
                timeline.append(TimelineEntry(at: r.occurredAt, kind: TimelineEntry.Kind(rawValue: r.interaction.kind.rawValue) ?? .note,
                                              text: Self.describe(r.interaction), by: r.stamp.createdBy.flatMap { logins[$0] }))
            }
            for t in tasks {
                if let done = t.task.completedAt, t.task.status == .completed {
                    timeline.append(TimelineEntry(at: done, kind: .task, text: "Task done: \(t.task.title)", by: t.stamp.updatedBy.flatMap { logins[$0] }))
                }
                let due = t.task.dueDate.map { " (due \($0))" } ?? ""
                timeline.append(TimelineEntry(at: t.stamp.createdAt, kind: .task, text: "Task added: \(t.task.title)\(due)",
                                              by: t.stamp.createdBy.flatMap { logins[$0] }))
            }
            // CROSS JOIN: the contact's deals first, then their history by deal
            // (`deal_stage_history_by_deal`); left to itself SQLite walked the whole history of
            // the organization (1.3 s of CPU at 200,000 deals) for every contact shown.
            let moves = try Row.fetchAll(db, sql: """
                SELECT h.moved_at, h.moved_by, h.lost_reason, deals.name AS deal_name, f.name AS from_name, t.name AS to_name
                FROM deal_contacts CROSS JOIN deal_stage_history h ON h.deal_id = deal_contacts.deal_id AND h.org_id = deal_contacts.org_id
                JOIN pipeline_stages t ON t.id = h.to_stage_id LEFT JOIN pipeline_stages f ON f.id = h.from_stage_id
                JOIN deals ON deals.id = h.deal_id
                WHERE deal_contacts.org_id = ? AND deal_contacts.contact_id = ?
                ORDER BY h.moved_at DESC, h.id DESC LIMIT ?
                """, arguments: [org, cid, n])
            for m in moves {
                let name: String = m["deal_name"], to: String = m["to_name"], reason: String = m["lost_reason"]
                let text = (m["from_name"] as String?).map { "Deal \(name): \($0) → \(to)" } ?? "Deal \(name) opened in \(to)"
                timeline.append(TimelineEntry(at: m["moved_at"], kind: .stage, text: reason.isEmpty ? text : "\(text) (\(reason))",
                                              by: (m["moved_by"] as Int64?).flatMap { logins[$0] }))
            }
            let edits = try Row.fetchAll(db, sql: """
                SELECT at, login, summary FROM audit_log WHERE org_id = ? AND entity = ? AND entity_id = ?
                ORDER BY id DESC LIMIT ?
                """, arguments: [org, Self.entity, cid, n])
            for e in edits {
                timeline.append(TimelineEntry(at: e["at"], kind: .edit, text: Self.sentence(e["summary"], name: record.contact.fullName),
                                              by: e["login"]))
            }
            timeline.sort { ($0.at, $0.kind.rank) > ($1.at, $1.kind.rank) }

            let score = try LeadScores.score(access, record.contact, company: company)
            return ContactOverview(record: record, companyName: company?.name, ownerLogin: record.ownerId.flatMap { logins[$0.rawValue] },
                                   deals: deals, openTasks: Array(openTasks.prefix(n)), timeline: Array(timeline.prefix(40)), score: score)
        }
    }

    /// "Call (outbound, 15 min): pricing for 2027 · interested"
    static func describe(_ i: Interaction) -> String {
        var details: [String] = []
        if let d = i.direction { details.append(d.rawValue) }
        if let m = i.durationMinutes, m > 0 { details.append("\(m) min") }
        if i.status != .completed { details.append(i.status.rawValue) }
        let kind = i.kind.rawValue.prefix(1).uppercased() + i.kind.rawValue.dropFirst()
        var text = details.isEmpty ? kind : "\(kind) (\(details.joined(separator: ", ")))"
        if !i.subject.isEmpty { text += ": \(i.subject)" }
        if !i.outcome.isEmpty { text += " · \(i.outcome)" }
        return text
    }

    /// "contact Jürgen Müller edited" → "Edited", "contact Jürgen Müller: lead score 0 → 15" →
    /// "Lead score 0 → 15": the audit summary without the name the screen already shows.
    static func sentence(_ summary: String, name: String) -> String {
        var s = Substring(summary)
        for prefix in ["contact \(name)", "contact "] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
            break
        }
        s = s.drop { $0 == ":" || $0 == " " }
        return s.isEmpty ? summary : s.prefix(1).uppercased() + s.dropFirst()
    }
}
