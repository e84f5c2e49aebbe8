import CCWDomain
import GRDB

/// Keeps contacts' lead scores in step with the organization's scoring rules (FR-1.5).
///
/// When an organization has enabled rules, a contact's score is computed, never typed: it is
/// recomputed in the same transaction as any change to its inputs (the contact saved, an
/// interaction logged with it, its company edited), and for every contact when the rules
/// change (`LeadScoreRefresh`). Without rules, scores are left as entered or imported. A
/// changed score is written without a version bump (it is derived, so it never makes a form
/// that holds the contact conflict) and audited as "lead score 35 → 55".
enum LeadScores {
    /// Interactions older than this never count, whatever a rule says (bounds the read).
    static let maxDays = 3650

    /// The enabled rules, in evaluation order.
    static func rules(_ access: ScopedDatabase) throws -> [ScoringRule] {
        try CRMDefinitions.rules(access).map(\.rule).filter(\.enabled)
    }

    /// The score the rules give `contact` now.
    static func score(_ access: ScopedDatabase, _ contact: Contact, company: Company?, rules: [ScoringRule]? = nil) throws -> LeadScore {
        let rules = try rules ?? Self.rules(access)
        guard !rules.isEmpty else { return LeadScore(total: contact.leadScore, reasons: []) }
        var interactions: [Interaction] = []
        let days = rules.compactMap { rule -> Int? in
            if case let .recentInteractions(_, days) = rule.condition { return days }
            return nil
        }.max()
        if let days, let id = contact.id {
            let since = access.now - Int64(min(days, maxDays)) * LeadScoring.millisecondsPerDay
            interactions = try Row.fetchAll(access.db, sql: """
                SELECT * FROM interactions WHERE org_id = ? AND contact_id = ? AND deleted_at IS NULL AND occurred_at >= ?
                ORDER BY occurred_at DESC LIMIT 1000
                """, arguments: [access.scope.orgId, id.rawValue, since]).map { InteractionRecord(row: $0).interaction }
        }
        return LeadScoring.score(ContactFacts(contact: contact, company: company), interactions: interactions,
                                 rules: rules, now: access.now)
    }

    /// `contact` with the score the rules give it (unchanged when the organization has no
    /// rules), for saving it with the score already right.
    static func scored(_ access: ScopedDatabase, _ contact: Contact) throws -> Contact {
        let rules = try Self.rules(access)
        guard !rules.isEmpty else { return contact }
        let company = try contact.companyID.flatMap {
            try access.table(Companies.table).fetchRow(access.db, id: $0.rawValue).map { CompanyRecord(row: $0, baseCurrency: access.scope.baseCurrency).company }
        }
        var scored = contact
        scored.leadScore = try score(access, contact, company: company, rules: rules).total
        return scored
    }

    /// Recomputes one contact's score and stores it when it changed. Returns the new score.
    @discardableResult
    static func refresh(_ access: ScopedDatabase, _ id: ContactID, rules: [ScoringRule]? = nil) throws -> Int? {
        let rules = try rules ?? Self.rules(access)
        guard !rules.isEmpty,
              let row = try access.table(Contacts.table, entity: Contacts.entity).fetchRow(access.db, id: id.rawValue) else { return nil }
        let record = ContactRecord(row: row)
        let company = try record.contact.companyID.flatMap {
            try access.table(Companies.table).fetchRow(access.db, id: $0.rawValue).map { CompanyRecord(row: $0, baseCurrency: access.scope.baseCurrency).company }
        }
        let score = try Self.score(access, record.contact, company: company, rules: rules).total
        guard score != record.contact.leadScore else { return score }
        try access.db.execute(sql: "UPDATE contacts SET lead_score = ? WHERE id = ? AND org_id = ?",
                              arguments: [score, id.rawValue, access.scope.orgId])
        _ = try access.audit(Contacts.entity, id: id.rawValue, uid: record.stamp.uid, .update,
                         "contact \(record.contact.fullName): lead score \(record.contact.leadScore) → \(score)",
                         before: ["lead_score": record.contact.leadScore], after: ["lead_score": score])
        return score
    }

    /// Recomputes the scores of a company's contacts (after the company changed); bounded.
    static func refresh(_ access: ScopedDatabase, company: CompanyID) throws {
        let rules = try Self.rules(access)
        guard !rules.isEmpty else { return }
        let ids = try Int64.fetchAll(access.db, sql: """
            SELECT id FROM contacts WHERE org_id = ? AND company_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 5000
            """, arguments: [access.scope.orgId, company.rawValue])
        for id in ids { try refresh(access, ContactID(id), rules: rules) }
    }
}
