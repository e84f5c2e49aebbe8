import CCWDomain
import GRDB

/// A stored email template with its row stamp.
public struct EmailTemplateRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var template: EmailTemplate

    public var id: Int64 { stamp.id }
    public var version: Int64 { stamp.version }

    init(row: Row) {
        stamp = RowStamp(row: row)
        template = EmailTemplate(name: row["name"], subject: row["subject"], body: row["body"])
    }
}

/// Email templates (FR-1.6): the organization's reusable messages with merge fields, rendered
/// for a contact and sent (queued in the outbox) by `render` and `send` (EmailTemplates+Send).
///
/// A template is refused before it is saved when a merge field is unknown or a section is not
/// closed (`EmailTemplate.validate`), naming the field (subject or body) and the line and
/// column. Names are unique per organization among live templates (case ignored). Adding and
/// editing need CRM `create` / `edit`, deleting CRM `delete`; every write is audited and
/// publishes `crm.email-template.created/updated/deleted`. Edits use optimistic locking.
public struct EmailTemplates: Sendable {
    let database: AppDatabase

    static let table = "email_templates"
    static let entity = "email template"
    /// Templates a list shows at most (an organization keeps a few dozen).
    public static let listLimit = 1000

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE email_templates (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL COLLATE NOCASE,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by INTEGER REFERENCES users(id),
                updated_by INTEGER REFERENCES users(id),
                deleted_at INTEGER,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE UNIQUE INDEX email_templates_name_unique ON email_templates(org_id, name) WHERE deleted_at IS NULL;
            """)
    }

    public func add(_ scope: Scope, _ template: EmailTemplate) throws -> EmailTemplateRecord {
        try database.write(as: scope, .create, in: .crm) { access in
            let template = Self.cleaned(template)
            try CRMStore.check(template.validate())
            try Self.requireFreeName(access, template.name, excluding: nil)
            let inserted = try access.table(Self.table).insert(access.db, by: access.scope.actor, at: access.now, values: [
                "name": template.name, "subject": template.subject, "body": template.body,
            ])
            try access.audit(Self.entity, id: inserted.id, uid: inserted.uid, .create, "email template \(template.name) added",
                             after: try CRMStore.snapshot(access, Self.table, id: inserted.id))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.email-template.created",
                                    payload: CRMStore.payload(id: inserted.id, uid: inserted.uid, ["name": .string(template.name)]))
            return try Self.require(access, id: inserted.id)
        }
    }

    /// Saves name, subject and body; refused with a conflict when someone saved it since
    /// `expectedVersion` was read.
    public func update(_ scope: Scope, id: Int64, _ template: EmailTemplate, expectedVersion: Int64) throws -> EmailTemplateRecord {
        try database.write(as: scope, .edit, in: .crm) { access in
            let template = Self.cleaned(template)
            let before = try Self.require(access, id: id)
            try CRMStore.check(template.validate())
            try Self.requireFreeName(access, template.name, excluding: id)
            let beforeJSON = try CRMStore.snapshot(access, Self.table, id: id)
            try VersionedUpdate.run(access.db, table: Self.table, id: id, expectedVersion: expectedVersion, scope: access.scope,
                                    assignments: ["name": template.name, "subject": template.subject, "body": template.body],
                                    entity: Self.entity, at: access.now)
            try access.audit(Self.entity, id: id, uid: before.stamp.uid, .update, "email template \(template.name) edited",
                             before: beforeJSON, after: try CRMStore.snapshot(access, Self.table, id: id))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.email-template.updated",
                                    payload: CRMStore.payload(id: id, uid: before.stamp.uid, ["name": .string(template.name)]))
            return try Self.require(access, id: id)
        }
    }

    /// Soft-deletes a template; emails already sent with it keep their text.
    public func delete(_ scope: Scope, id: Int64, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .crm) { access in
            let record = try Self.require(access, id: id)
            try SoftDelete.delete(access, table: Self.table, id: id, expectedVersion: expectedVersion, entity: Self.entity,
                                  summary: "email template \(record.template.name) deleted")
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.email-template.deleted",
                                    payload: CRMStore.payload(id: id, uid: record.stamp.uid, ["name": .string(record.template.name)]))
        }
    }

    /// The live templates by name (at most `listLimit`).
    public func list(_ scope: Scope) throws -> [EmailTemplateRecord] {
        try database.read(as: scope, in: .crm) { access in
            try access.table(Self.table).rows(access.db, orderBy: "email_templates.name, email_templates.id", limit: Self.listLimit)
                .map(EmailTemplateRecord.init(row:))
        }
    }

    public func get(_ scope: Scope, id: Int64) throws -> EmailTemplateRecord {
        try database.read(as: scope, in: .crm) { access in try Self.require(access, id: id) }
    }

    /// The live template with this name (case ignored).
    public func get(_ scope: Scope, name: String) throws -> EmailTemplateRecord {
        try database.read(as: scope, in: .crm) { access in try Self.require(access, name: name) }
    }

    // MARK: Inside a transaction

    static func require(_ access: ScopedDatabase, id: Int64) throws -> EmailTemplateRecord {
        EmailTemplateRecord(row: try access.table(table, entity: entity).requireRow(access.db, id: id))
    }

    static func require(_ access: ScopedDatabase, name: String) throws -> EmailTemplateRecord {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let row = try access.table(table).rows(access.db, where: SQL(sql: "email_templates.name = ?", arguments: [trimmed]),
                                                     limit: 1).first else {
            throw CoreError.notFound(entity: entity, key: "\"\(trimmed)\"")
        }
        return EmailTemplateRecord(row: row)
    }

    static func requireFreeName(_ access: ScopedDatabase, _ name: String, excluding id: Int64?) throws {
        var condition = SQL(sql: "email_templates.name = ?", arguments: [name])
        if let id { condition = condition + SQL(sql: " AND email_templates.id <> ?", arguments: [id]) }
        if try access.table(table).count(access.db, where: condition) > 0 {
            throw CoreError.duplicate(field: "template name", value: name)
        }
    }

    /// Trims the name and the subject; the body keeps its text but loses trailing blank space.
    static func cleaned(_ template: EmailTemplate) -> EmailTemplate {
        var body = template.body
        while let last = body.last, last.isWhitespace { body.removeLast() }
        return EmailTemplate(name: template.name.trimmingCharacters(in: .whitespaces),
                             subject: template.subject.trimmingCharacters(in: .whitespaces), body: body)
    }
}

extension AppDatabase {
    public var emailTemplates: EmailTemplates { EmailTemplates(database: self) }
}
