import CCWDomain
import GRDB

/// The settings of the scope's organization (Admin → Organization, `ccw org show/update`).
/// Anyone in the organization may read them; changing them needs Admin `edit`.
public struct OrgSettings: Sendable {
    let database: AppDatabase

    public func get(_ scope: Scope) throws -> Organization {
        try database.read(as: scope, in: .home) { access in try Self.load(access) }
    }

    /// Replaces name, base currency, time zone (and, when given, default country and extra
    /// settings) if nobody changed the organization since `expectedVersion`. Every invalid
    /// field is reported at once, named as on the form.
    public func update(_ scope: Scope, name: String, baseCurrency: String, timeZone: String,
                       defaultCountry: String?? = .none, settings: [String: JSONValue]? = nil,
                       expectedVersion: Int64) throws -> Organization {
        try database.write(as: scope, .edit, in: .admin) { access in
            let before = try Self.load(access)
            let fields = try AdminValidation.organization(name: name, baseCurrency: baseCurrency, timeZone: timeZone,
                                                          defaultCountry: defaultCountry ?? before.defaultCountry)
            if fields.name.lowercased() != before.name.lowercased(),
               try Bool.fetchOne(access.db, sql: "SELECT EXISTS (SELECT 1 FROM organizations WHERE name = ? COLLATE NOCASE AND id <> ?)",
                                 arguments: [fields.name, scope.orgId]) == true {
                throw CoreError.duplicate(field: "organization name", value: fields.name)
            }
            var assignments: [String: (any DatabaseValueConvertible)?] = [
                "name": fields.name, "base_currency": fields.currency.code, "time_zone": fields.timeZone,
                "default_country": fields.country,
            ]
            if let settings { assignments["settings"] = try CanonicalJSON.encode(settings) }
            try VersionedUpdate.run(access.db, table: "organizations", id: scope.orgId, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: assignments, entity: "organization",
                                    tenancy: .ownOrganization, at: access.now)
            let after = try Self.load(access)
            try access.audit("organization", id: after.id, uid: after.uid, .update,
                             "updated organization settings of \(after.name)", before: before, after: after)
            return after
        }
    }

    static func load(_ access: ScopedDatabase) throws -> Organization {
        guard let row = try Row.fetchOne(access.db, sql: "SELECT * FROM organizations WHERE id = ?",
                                         arguments: [access.scope.orgId]) else {
            throw CoreError.notFound(entity: "organization", key: access.scope.orgName)
        }
        return try Organization(row: row)
    }
}

extension AppDatabase {
    public var orgSettings: OrgSettings { OrgSettings(database: self) }
}
