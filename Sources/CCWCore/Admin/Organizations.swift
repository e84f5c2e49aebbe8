import CCWDomain
import Foundation
import GRDB

/// Creating and listing organizations.
///
/// Who may call `add`: it is an installation-level operation, not an org-scoped one (there is
/// no scope before the organization exists). `ccw org add` and `ccw init` run it for the
/// operator who owns the database file. The named admin becomes the new organization's first
/// admin; if that login already exists and belongs to organizations, it must be an admin in at
/// least one of them, so a non-admin user cannot mint themselves an organization.
public struct Organizations: Sendable {
    let database: AppDatabase

    /// Creates an organization with `adminLogin` (created if new) as its admin; audited in the
    /// new organization's chain.
    public func add(name: String, baseCurrency: String, timeZone: String, defaultCountry: String? = nil,
                    adminLogin: String, adminDisplayName: String? = nil) throws -> Organization {
        try database.write { db in
            try Self.create(db, name: name, baseCurrency: baseCurrency, timeZone: timeZone, defaultCountry: defaultCountry,
                            adminLogin: adminLogin, adminDisplayName: adminDisplayName).organization
        }
    }

    /// Every organization of the installation, by name.
    public func list() throws -> [Organization] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM organizations ORDER BY name COLLATE NOCASE").map(Organization.init(row:))
        }
    }

    static func create(_ db: Database, name: String, baseCurrency: String, timeZone: String, defaultCountry: String?,
                       adminLogin: String, adminDisplayName: String?) throws -> (organization: Organization, scope: Scope) {
        let now = try db.ccwNow()
        let fields = try AdminValidation.organization(name: name, baseCurrency: baseCurrency, timeZone: timeZone,
                                                      defaultCountry: defaultCountry)
        let login = try validated("login") { try AdminValidation.login(adminLogin) }
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM organizations WHERE name = ? COLLATE NOCASE)",
                             arguments: [fields.name]) == true {
            throw CoreError.duplicate(field: "organization name", value: fields.name)
        }
        let found = try Users.findOrCreate(db, login: login, displayName: adminDisplayName ?? login, email: nil, by: nil, at: now)
        var user = found.row
        guard user["active"] as Bool else { throw CoreError.inactiveUser(user["login"]) }
        let roles = try String.fetchAll(db, sql: "SELECT role FROM memberships WHERE user_id = ? AND deleted_at IS NULL",
                                        arguments: [user["id"] as Int64])
        if !roles.isEmpty && !roles.contains(Role.admin.rawValue) {
            let best = roles.compactMap(Role.init(rawValue:)).first ?? .readOnly
            throw CoreError.notPermitted(PermissionDenied(role: best, action: .create, module: .admin))
        }
        let userId: Int64 = user["id"]
        try db.execute(sql: """
            INSERT INTO organizations (uid, name, base_currency, time_zone, default_country, settings,
                                       created_at, updated_at, created_by, updated_by, version)
            VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, 1)
            """, arguments: [UID.make(at: now), fields.name, fields.currency.code, fields.timeZone, fields.country,
                             now, now, userId, userId])
        let orgRow = try Row.fetchOne(db, sql: "SELECT * FROM organizations WHERE id = ?", arguments: [db.lastInsertedRowID])!
        let organization = try Organization(row: orgRow)
        let scope = try AppDatabase.scope(orgRow: orgRow, userRow: user, role: Role.admin.rawValue)
        let access = ScopedDatabase(db: db, scope: scope, now: now)
        try access.audit("organization", id: organization.id, uid: organization.uid, .create,
                         "created organization \(organization.name) (\(organization.baseCurrency), \(organization.timeZone))",
                         after: organization)
        if found.created {
            try db.execute(sql: "UPDATE users SET created_by = ?, updated_by = ? WHERE id = ?", arguments: [userId, userId, userId])
            user = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [userId])!
            try access.audit("user", id: userId, uid: user["uid"], .create, "created user \(login)",
                             after: CanonicalJSON.object(user))
        }
        let membership = try access.table("memberships").insert(db, by: scope.actor, at: now,
                                                                 values: ["user_id": userId, "role": Role.admin.rawValue])
        try access.audit("membership", id: membership.id, uid: membership.uid, .create,
                         "\(user["login"] as String) joined \(organization.name) as admin",
                         after: ["login": user["login"] as String, "role": Role.admin.rawValue])
        return (organization, scope)
    }
}

extension AppDatabase {
    public var organizations: Organizations { Organizations(database: self) }

    /// First-run setup (`ccw init`): creates the first organization and makes `adminLogin` (the
    /// OS user running it) its admin. Refused once any organization exists, so it cannot be used
    /// to take over an installation; later organizations go through `Organizations.add`.
    public func bootstrap(orgName: String, adminLogin: String, displayName: String, currency: String,
                          timeZone: String, defaultCountry: String? = nil) throws -> Scope {
        try write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organizations") ?? 0
            guard existing == 0 else {
                throw CoreError.rule("this database is already set up (\(existing) organization\(existing == 1 ? "" : "s")); "
                    + "an admin can add another with \"ccw org add\"")
            }
            return try Organizations.create(db, name: orgName, baseCurrency: currency, timeZone: timeZone,
                                            defaultCountry: defaultCountry, adminLogin: adminLogin,
                                            adminDisplayName: displayName).scope
        }
    }
}

/// Runs a field rule and reports its failure as that field's error.
func validated<T>(_ field: String, _ rule: () throws -> T) throws -> T {
    do { return try rule() } catch let error as InputError {
        throw CoreError.invalid([FieldError(field: field, message: error.message)])
    }
}
