import CCWDomain
import GRDB

/// One change applied to many contacts at once from the grid's marked rows.
public enum ContactBulkChange: Sendable, Hashable, CustomStringConvertible {
    case addTag(String)
    case removeTag(String)
    case setOwner(UserID?)
    case setStatus(ContactStatus)
    case delete

    /// The permission the change needs.
    var action: Action { self == .delete ? .delete : .edit }

    public var description: String {
        switch self {
        case let .addTag(tag): "tag \(tag) added"
        case let .removeTag(tag): "tag \(tag) removed"
        case let .setOwner(owner): owner.map { "owner set to user #\($0.rawValue)" } ?? "owner cleared"
        case let .setStatus(status): "status set to \(status)"
        case .delete: "deleted"
        }
    }
}

/// What a bulk change did.
public struct ContactBulkResult: Sendable, Hashable {
    /// Contacts the change was written to.
    public var changed: Int
    /// Contacts that already had the value (nothing written, nothing audited).
    public var unchanged: Int
    /// Marked contacts that were deleted meanwhile.
    public var missing: Int
}

extension Contacts {
    /// The largest number of contacts one transaction changes; more are done in batches so
    /// other writers are never held up for long.
    public static let bulkBatchSize = 500

    /// Applies `change` to each of `ids`, in batches of `bulkBatchSize` transactions. Every
    /// changed contact gets its own audit row and version bump, like a single edit; contacts
    /// that already hold the value are left alone. Deleted or unknown ids are counted, not errors.
    public func bulk(_ scope: Scope, ids: [ContactID], change: ContactBulkChange) throws -> ContactBulkResult {
        var result = ContactBulkResult(changed: 0, unchanged: 0, missing: 0)
        var tag = ""
        switch change {
        case let .addTag(t), let .removeTag(t):
            tag = Tags.normalize([t]).first ?? ""
            guard !tag.isEmpty else { throw CoreError.invalid("tag", "type a tag") }
        default: break
        }
        for start in stride(from: 0, to: ids.count, by: Self.bulkBatchSize) {
            let batch = Array(ids[start..<min(ids.count, start + Self.bulkBatchSize)])
            let part = try database.write(as: scope, change.action, in: .crm) { access in
                var part = ContactBulkResult(changed: 0, unchanged: 0, missing: 0)
                if case let .setOwner(owner) = change { try CRMStore.requireMember(access, owner?.rawValue, field: "owner") }
                for id in batch {
                    guard let row = try access.table(Self.table, entity: Self.entity).fetchRow(access.db, id: id.rawValue) else {
                        part.missing += 1
                        continue
                    }
                    let record = ContactRecord(row: row)
                    if try Self.apply(change, tag: tag, to: record, access) { part.changed += 1 } else { part.unchanged += 1 }
                }
                return part
            }
            result.changed += part.changed
            result.unchanged += part.unchanged
            result.missing += part.missing
        }
        return result
    }

    /// Writes one contact's change; false when it already held the value.
    private static func apply(_ change: ContactBulkChange, tag: String, to record: ContactRecord, _ access: ScopedDatabase) throws -> Bool {
        let id = record.id.rawValue, name = record.contact.fullName
        var assignments: [String: (any DatabaseValueConvertible)?] = [:]
        switch change {
        case .delete:
            try SoftDelete.delete(access, table: table, id: id, expectedVersion: record.version, entity: entity,
                                  summary: "contact \(name) deleted (bulk)")
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.contact.deleted",
                                    payload: CRMStore.payload(id: id, uid: record.stamp.uid))
            return true
        case .addTag:
            guard !record.contact.tags.contains(tag) else { return false }
            assignments["tags"] = CRMStore.json(Tags.normalize(record.contact.tags + [tag]))
        case .removeTag:
            guard record.contact.tags.contains(tag) else { return false }
            assignments["tags"] = CRMStore.json(record.contact.tags.filter { $0 != tag })
        case let .setOwner(owner):
            guard record.ownerId != owner else { return false }
            assignments["owner_id"] = owner?.rawValue
        case let .setStatus(status):
            guard record.contact.status != status else { return false }
            assignments["status"] = status.rawValue
        }
        let before = try CRMStore.snapshot(access, table, id: id)
        try VersionedUpdate.run(access.db, table: table, id: id, expectedVersion: record.version, scope: access.scope,
                                assignments: assignments, entity: entity, at: access.now)
        try access.audit(entity, id: id, uid: record.stamp.uid, .update, "contact \(name): \(change) (bulk)",
                         before: before, after: try CRMStore.snapshot(access, table, id: id))
        try EventOutbox.publish(access.db, scope: access.scope, type: "crm.contact.updated",
                                payload: CRMStore.payload(id: id, uid: record.stamp.uid))
        return true
    }
}

extension Contacts {
    /// The ids of every live contact matching `filter` (for "mark all, then change"): one
    /// indexed scan, ids only.
    public func ids(_ scope: Scope, filter: ContactFilter) throws -> [ContactID] {
        try database.read(as: scope, in: .crm) { access in
            let request: SQL = "SELECT contacts.id FROM \(literal: Self.source(filter)) WHERE \(literal: Self.conditions(filter, scope: scope))"
            return try Int64.fetchAll(access.db, SQLRequest<Int64>(literal: request)).map { ContactID($0) }
        }
    }
}
