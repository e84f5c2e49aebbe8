import CCWCore
import CCWDomain

/// The merge screen: two contacts that are the same person side by side, field by field. The
/// first (A) survives and keeps its id; for each field the user picks A's or B's value (tags
/// and custom fields can be combined). Merging moves B's interactions, tasks and deals to A,
/// deletes B and is audited on both.
public final class ContactMergeModel {
    public enum Intent: Sendable {
        case move(ListMove)
        /// Takes the value from A (`true`) or B for the selected field.
        case take(fromA: Bool)
        /// Combines both (tags and custom fields only).
        case combine
        /// B survives instead of A.
        case swap
        case merge
    }

    public let session: AppSession
    public private(set) var a: ContactRecord
    public private(set) var b: ContactRecord
    public private(set) var plan: ContactMerge
    /// Index into `rows`.
    public private(set) var selected = 0
    public private(set) var error: String?
    public private(set) var result: ContactMergeResult?
    /// Company names of A and B, for display.
    public private(set) var companyNames: [CompanyID: String] = [:]

    public init(session: AppSession, survivor: ContactRecord, duplicate: ContactRecord) {
        self.session = session
        a = survivor
        b = duplicate
        plan = ContactMerge(survivor: survivor.contact, duplicate: duplicate.contact)
        companyNames = (try? session.database.companies.names(session.scope,
                                                              ids: [survivor.contact.companyID, duplicate.contact.companyID].compactMap { $0 })) ?? [:]
        selected = rows.firstIndex { $0.isConflict } ?? 0
    }

    /// The fields where the two differ (conflicts first), then the ones they share.
    public var rows: [ContactMerge.FieldPlan] {
        let all = plan.fields.filter { $0.field != .currentDeal }
        return all.filter { $0.a != $0.b } + all.filter { $0.a == $0.b && !$0.a.isEmpty }
    }

    /// Display text of a field's value (company names instead of ids).
    public func text(_ field: ContactField, _ value: String, of contact: Contact) -> String {
        if field == .company, let id = contact.companyID { return companyNames[id] ?? value }
        return value
    }

    /// What the merged contact will hold for a field.
    public func merged(_ row: ContactMerge.FieldPlan) -> String {
        let merged = plan.merged()
        return text(row.field, row.field.text(of: merged), of: merged)
    }

    public func send(_ intent: Intent) {
        error = nil
        let rows = rows
        switch intent {
        case let .move(m):
            switch m {
            case .down: selected = min(rows.count - 1, selected + 1)
            case .up: selected = max(0, selected - 1)
            case .first, .pageUp: selected = 0
            case .last, .pageDown: selected = max(0, rows.count - 1)
            }
        case let .take(fromA):
            guard rows.indices.contains(selected) else { return }
            choose(fromA ? .keepA : .keepB, rows[selected].field)
        case .combine:
            guard rows.indices.contains(selected) else { return }
            choose(.combine, rows[selected].field)
        case .swap:
            swap(&a, &b)
            plan = ContactMerge(survivor: a.contact, duplicate: b.contact)
            selected = self.rows.firstIndex { $0.isConflict } ?? 0
        case .merge:
            do {
                result = try session.database.contactMerge.merge(
                    session.scope, survivor: a.id, survivorVersion: a.version, duplicate: b.id, duplicateVersion: b.version,
                    choices: plan.choices)
            } catch {
                self.error = describe(error)
            }
        }
    }

    private func choose(_ choice: ContactMerge.Choice, _ field: ContactField) {
        do { try plan.choose(choice, for: field) } catch { self.error = (error as? InputError)?.message ?? describe(error) }
    }
}
