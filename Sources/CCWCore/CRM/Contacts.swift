import CCWDomain
import GRDB

/// People the organization deals with (FR-1.1): add with duplicate detection, edit with
/// optimistic locking, soft delete and restore, look up by id, uid or email. Listing and
/// search are in `Contacts+List.swift`.
///
/// Permissions: CRM `create`, `edit`, `delete`, `view` per the matrix. Each write is audited
/// in its transaction; adding publishes `crm.contact.created`, editing
/// `crm.contact.updated`, deleting `crm.contact.deleted`.
///
/// An email address is unique among an organization's live contacts, compared ignoring case
/// (`email_key`); the same address may exist in another organization.
public struct Contacts: Sendable {
    let database: AppDatabase

    static let table = "contacts"
    static let entity = "contact"

    /// Adds a contact typed into a form or read from a file. The draft's company name is
    /// resolved to a company of the organization (case ignored) unless `companyId` is given.
    /// Likely duplicates (same email, same phone, similar name at the same company) are
    /// returned instead of saving, unless `force`.
    public func add(_ scope: Scope, draft: ContactDraft, companyId: CompanyID? = nil, ownerId: UserID? = nil,
                    force: Bool = false) throws -> ContactAddOutcome {
        try database.write(as: scope, .create, in: .crm) { access in
            var contact: Contact
            switch draft.parse(defaultCountry: try CRMStore.defaultCountry(access)) {
            case let .success(parsed): contact = parsed
            case let .failure(errors): throw CoreError.invalid(errors.errors)
            }
            contact.companyID = try companyId ?? draft.companyName.map { try Self.company(access, named: $0) }
            return try Self.add(access, contact, ownerId: ownerId ?? UserID(scope.userId), force: force)
        }
    }

    /// Adds a contact already held as a value (screens that edit a `Contact` directly).
    public func add(_ scope: Scope, contact: Contact, ownerId: UserID? = nil, force: Bool = false) throws -> ContactAddOutcome {
        try database.write(as: scope, .create, in: .crm) { access in
            try Self.add(access, contact, ownerId: ownerId ?? UserID(scope.userId), force: force)
        }
    }

    /// Saves every field of `contact` over the stored row read at `expectedVersion`.
    public func update(_ scope: Scope, id: ContactID, contact: Contact, ownerId: UserID?,
                       expectedVersion: Int64) throws -> ContactRecord {
        try database.write(as: scope, .edit, in: .crm) { access in
            var contact = contact
            contact.id = id
            try Self.check(access, contact, ownerId: ownerId, excluding: id)
            let before = try access.table(Self.table, entity: Self.entity).requireRow(access.db, id: id.rawValue)
            var columns = ContactRecord.columns(try LeadScores.scored(access, contact))
            columns["owner_id"] = ownerId?.rawValue
            try VersionedUpdate.run(access.db, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: columns, entity: Self.entity, at: access.now)
            let after = try Self.require(access, id)
            try access.audit(Self.entity, id: id.rawValue, uid: after.stamp.uid, .update, "contact \(contact.fullName) edited",
                             before: CanonicalJSON.object(before), after: try CRMStore.snapshot(access, Self.table, id: id.rawValue))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.contact.updated",
                                    payload: CRMStore.payload(id: id.rawValue, uid: after.stamp.uid))
            return after
        }
    }

    /// Soft-deletes a contact; its interactions, tasks and deals keep pointing at it.
    public func delete(_ scope: Scope, id: ContactID, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .crm) { access in
            let record = try Self.require(access, id)
            try SoftDelete.delete(access, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                  entity: Self.entity, summary: "contact \(record.contact.fullName) deleted")
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.contact.deleted",
                                    payload: CRMStore.payload(id: id.rawValue, uid: record.stamp.uid))
        }
    }

    /// Brings a deleted contact back, unless another live contact took its email meanwhile.
    public func restore(_ scope: Scope, id: ContactID, expectedVersion: Int64) throws -> ContactRecord {
        try database.write(as: scope, .delete, in: .crm) { access in
            let row = try access.table(Self.table, entity: Self.entity).requireRow(access.db, id: id.rawValue, includingDeleted: true)
            let record = ContactRecord(row: row)
            if let email = record.contact.email { try Self.requireFreeEmail(access, email, excluding: id) }
            try SoftDelete.restore(access, table: Self.table, id: id.rawValue, expectedVersion: expectedVersion,
                                   entity: Self.entity, summary: "contact \(record.contact.fullName) restored")
            return try Self.require(access, id)
        }
    }

    public func get(_ scope: Scope, id: ContactID) throws -> ContactRecord {
        try database.read(as: scope, in: .crm) { access in try Self.require(access, id) }
    }

    public func get(_ scope: Scope, uid: String) throws -> ContactRecord {
        try database.read(as: scope, in: .crm) { access in
            guard let row = try access.table(Self.table, entity: Self.entity).fetchRow(access.db, uid: uid) else {
                throw CoreError.notFound(entity: Self.entity, key: uid)
            }
            return ContactRecord(row: row)
        }
    }

    /// The live contact with this email address (case ignored), or nil.
    public func find(_ scope: Scope, email: String) throws -> ContactRecord? {
        let address = try EmailAddress(email)
        return try database.read(as: scope, in: .crm) { access in
            try access.table(Self.table).rows(access.db, where: SQL(sql: "contacts.email_key = ?", arguments: [address.matchKey]),
                                              limit: 1).first.map(ContactRecord.init(row:))
        }
    }

    /// Likely duplicates of `contact` among the organization's live contacts, best first.
    public func duplicates(_ scope: Scope, of contact: Contact) throws -> [DuplicateMatch] {
        try database.read(as: scope, in: .crm) { access in try Self.duplicates(access, of: contact) }
    }

    // MARK: Inside a transaction

    static func add(_ access: ScopedDatabase, _ contact: Contact, ownerId: UserID?, force: Bool) throws -> ContactAddOutcome {
        try check(access, contact, ownerId: ownerId, excluding: nil)
        if !force {
            let matches = try duplicates(access, of: contact)
            if !matches.isEmpty { return .likelyDuplicates(matches) }
        }
        var columns = ContactRecord.columns(try LeadScores.scored(access, contact))
        columns["owner_id"] = ownerId?.rawValue
        let inserted = try access.table(table).insert(access.db, by: access.scope.actor, at: access.now, values: columns)
        try access.audit(entity, id: inserted.id, uid: inserted.uid, .create, "contact \(contact.fullName) added",
                         after: try CRMStore.snapshot(access, table, id: inserted.id))
        try EventOutbox.publish(access.db, scope: access.scope, type: "crm.contact.created",
                                payload: CRMStore.payload(id: inserted.id, uid: inserted.uid, ["name": .string(contact.fullName)]))
        return .added(try require(access, ContactID(inserted.id)))
    }

    static func require(_ access: ScopedDatabase, _ id: ContactID) throws -> ContactRecord {
        ContactRecord(row: try access.table(table, entity: entity).requireRow(access.db, id: id.rawValue))
    }

    /// The domain rules, the links and the email's uniqueness.
    static func check(_ access: ScopedDatabase, _ contact: Contact, ownerId: UserID?, excluding id: ContactID?) throws {
        try CRMStore.check(contact.validate())
        try CRMStore.requireLink(access, "companies", id: contact.companyID?.rawValue, field: "company")
        try CRMStore.requireLink(access, "deals", id: contact.currentDealID?.rawValue, field: "current deal")
        try CRMStore.requireMember(access, ownerId?.rawValue, field: "owner")
        if let email = contact.email { try requireFreeEmail(access, email, excluding: id) }
    }

    static func requireFreeEmail(_ access: ScopedDatabase, _ email: EmailAddress, excluding id: ContactID?) throws {
        var condition = SQL(sql: "contacts.email_key = ?", arguments: [email.matchKey])
        if let id { condition += SQL(sql: " AND contacts.id <> ?", arguments: [id.rawValue]) }
        if try access.table(table).count(access.db, where: condition) > 0 {
            throw CoreError.duplicate(field: "email", value: email.value)
        }
    }

    /// Candidates come from the indexes (same email key, same phone in either column, same
    /// company); `DuplicateDetector` decides which of them match and ranks them.
    static func duplicates(_ access: ScopedDatabase, of contact: Contact) throws -> [DuplicateMatch] {
        var conditions: [SQL] = []
        if let email = contact.email { conditions.append(SQL(sql: "contacts.email_key = ?", arguments: [email.matchKey])) }
        for phone in Set([contact.phone, contact.mobile].compactMap { $0?.e164 }).sorted() {
            conditions.append(SQL(sql: "contacts.phone = ? OR contacts.mobile = ?", arguments: [phone, phone]))
        }
        if let company = contact.companyID {
            conditions.append(SQL(sql: "contacts.company_id = ?", arguments: [company.rawValue]))
        }
        guard !conditions.isEmpty else { return [] }
        let candidates = try access.table(table).rows(access.db, where: conditions.joined(separator: " OR "), limit: 500)
            .map { ContactRecord(row: $0).contact }
        return DuplicateDetector(existing: candidates).matches(for: contact)
    }

    /// The live company of this name (case ignored); a field error when there is none.
    static func company(_ access: ScopedDatabase, named name: String) throws -> CompanyID {
        let rows = try access.table("companies").rows(access.db, where: SQL(sql: "companies.name = ?", arguments: [name]), limit: 1)
        guard let id = rows.first?["id"] as Int64? else {
            throw CoreError.invalid("company", "no company \"\(name)\" in \(access.scope.orgName); add it first")
        }
        return CompanyID(id)
    }
}

extension AppDatabase {
    public var contacts: Contacts { Contacts(database: self) }
}
