import CCWDomain
import GRDB

/// What a merge did.
public struct ContactMergeResult: Sendable, Hashable {
    /// The surviving contact after the merge.
    public var survivor: ContactRecord
    public var movedInteractions: Int
    public var movedTasks: Int
    public var movedDeals: Int
}

/// Merging two contacts that are the same person, in one transaction.
///
/// The survivor keeps its id and takes each field from where the `ContactMerge` plan says
/// (its defaults, overridden by `choices`); the duplicate's interactions, tasks and deal links
/// move to the survivor and the duplicate is soft-deleted. Both contacts are checked against
/// the versions the merge screen read. Each contact gets an audit row with action `merge`
/// (the survivor's holds both contacts before and itself after), and `crm.contact.merged` is
/// published. Needs CRM `edit` and `delete`.
public struct ContactMergeUseCase: Sendable {
    let database: AppDatabase

    public func merge(_ scope: Scope, survivor: ContactID, survivorVersion: Int64, duplicate: ContactID,
                      duplicateVersion: Int64, choices: [ContactField: ContactMerge.Choice] = [:]) throws -> ContactMergeResult {
        try scope.require(.delete, in: .crm)
        return try database.write(as: scope, .edit, in: .crm) { access in
            try access.scope.require(.delete, in: .crm)
            guard survivor != duplicate else { throw CoreError.rule("a contact cannot be merged into itself") }
            let a = try Contacts.require(access, survivor)
            let b = try Contacts.require(access, duplicate)
            var plan = ContactMerge(survivor: a.contact, duplicate: b.contact)
            for (field, choice) in choices.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                do { try plan.choose(choice, for: field) } catch let error as InputError {
                    throw CoreError.invalid(field.label, error.message)
                }
            }
            let merged = plan.merged()
            let beforeA = try CRMStore.snapshot(access, Contacts.table, id: survivor.rawValue)
            let beforeB = try CRMStore.snapshot(access, Contacts.table, id: duplicate.rawValue)

            // The duplicate goes first, so an email it hands to the survivor is free.
            try VersionedUpdate.run(access.db, table: Contacts.table, id: duplicate.rawValue, expectedVersion: duplicateVersion,
                                    scope: access.scope, assignments: ["deleted_at": access.now],
                                    entity: Contacts.entity, at: access.now)
            try Contacts.check(access, merged, ownerId: a.ownerId ?? b.ownerId, excluding: survivor)
            var columns = ContactRecord.columns(merged)
            columns["owner_id"] = (a.ownerId ?? b.ownerId)?.rawValue
            try VersionedUpdate.run(access.db, table: Contacts.table, id: survivor.rawValue, expectedVersion: survivorVersion,
                                    scope: access.scope, assignments: columns, entity: Contacts.entity, at: access.now)

            let interactions = try Self.relink(access, table: "interactions", from: duplicate, to: survivor)
            let tasks = try Self.relink(access, table: "crm_tasks", from: duplicate, to: survivor)
            let deals = try Int.fetchOne(access.db, sql: "SELECT COUNT(*) FROM deal_contacts WHERE org_id = ? AND contact_id = ?",
                                         arguments: [scope.orgId, duplicate.rawValue]) ?? 0
            try access.db.execute(sql: """
                UPDATE OR IGNORE deal_contacts SET contact_id = ? WHERE org_id = ? AND contact_id = ?;
                DELETE FROM deal_contacts WHERE org_id = ? AND contact_id = ?;
                """, arguments: [survivor.rawValue, scope.orgId, duplicate.rawValue, scope.orgId, duplicate.rawValue])

            let summary = "contact \(b.contact.fullName) (#\(duplicate.rawValue)) merged into \(merged.fullName) (#\(survivor.rawValue)): "
                + "\(interactions) interaction(s), \(tasks) task(s), \(deals) deal(s) moved"
            try access.audit(Contacts.entity, id: survivor.rawValue, uid: a.stamp.uid, .merge, summary,
                             before: ["survivor": beforeA, "duplicate": beforeB],
                             after: try CRMStore.snapshot(access, Contacts.table, id: survivor.rawValue))
            try access.audit(Contacts.entity, id: duplicate.rawValue, uid: b.stamp.uid, .merge, summary, before: beforeB)
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.contact.merged", payload: [
                "survivor_id": JSONValue.int(survivor.rawValue), "survivor_uid": .string(a.stamp.uid),
                "duplicate_id": .int(duplicate.rawValue), "duplicate_uid": .string(b.stamp.uid),
            ])
            return ContactMergeResult(survivor: try Contacts.require(access, survivor), movedInteractions: interactions,
                                      movedTasks: tasks, movedDeals: deals)
        }
    }

    /// Points the duplicate's live rows of `table` at the survivor (their versions move on, so
    /// a form still holding the old link gets a conflict); returns how many moved.
    private static func relink(_ access: ScopedDatabase, table: String, from: ContactID, to: ContactID) throws -> Int {
        try access.db.execute(sql: """
            UPDATE \(table) SET contact_id = ?, version = version + 1, updated_at = ?, updated_by = ?
            WHERE org_id = ? AND contact_id = ? AND deleted_at IS NULL
            """, arguments: [to.rawValue, access.now, access.scope.userId, access.scope.orgId, from.rawValue])
        return access.db.changesCount
    }
}

extension AppDatabase {
    public var contactMerge: ContactMergeUseCase { ContactMergeUseCase(database: self) }
}
