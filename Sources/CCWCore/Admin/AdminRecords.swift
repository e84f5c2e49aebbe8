import CCWDomain
import GRDB

/// An organization (tenant) with its settings.
public struct Organization: Sendable, Hashable, Codable {
    public var id: Int64
    public var uid: String
    public var name: String
    public var baseCurrency: CurrencyCode
    /// IANA identifier, e.g. `Europe/Berlin`.
    public var timeZone: String
    /// ISO 3166-1 alpha-2 code, e.g. `DE`.
    public var defaultCountry: String?
    /// Further settings (rounding per line or per document, number formats, …) as JSON.
    public var settings: [String: JSONValue]
    public var createdAt: Int64
    public var updatedAt: Int64
    public var version: Int64

    init(row: Row) throws {
        id = row["id"]
        uid = row["uid"]
        name = row["name"]
        baseCurrency = try CurrencyCode(row["base_currency"] as String)
        timeZone = row["time_zone"]
        defaultCountry = row["default_country"]
        settings = (try? CanonicalJSON.decode([String: JSONValue].self, from: row["settings"])) ?? [:]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        version = row["version"]
    }
}

/// A user as a member of one organization: the Admin → Users list and `ccw user list`.
public struct OrgUser: Sendable, Hashable, Codable {
    public var userId: Int64
    public var userUID: String
    public var login: String
    public var displayName: String
    public var email: String?
    public var active: Bool
    /// Version of the user row (name, email, active).
    public var userVersion: Int64
    public var membershipId: Int64
    public var membershipUID: String
    public var role: Role
    /// Version of the membership row (role); pass it to `setRole` and `Memberships.remove`.
    public var membershipVersion: Int64
    public var memberSince: Int64

    static let selectSQL = """
        SELECT u.id AS user_id, u.uid AS user_uid, u.login, u.display_name, u.email, u.active,
               u.version AS user_version, memberships.id AS membership_id, memberships.uid AS membership_uid,
               memberships.role, memberships.version AS membership_version, memberships.created_at AS member_since
        FROM memberships JOIN users u ON u.id = memberships.user_id
        """

    init(row: Row) {
        userId = row["user_id"]
        userUID = row["user_uid"]
        login = row["login"]
        displayName = row["display_name"]
        email = row["email"]
        active = row["active"]
        userVersion = row["user_version"]
        membershipId = row["membership_id"]
        membershipUID = row["membership_uid"]
        role = Role(rawValue: row["role"]) ?? .readOnly
        membershipVersion = row["membership_version"]
        memberSince = row["member_since"]
    }

    /// The members of the scope's organization matching `condition` (on `u` = users,
    /// `memberships`), through the tenant choke point.
    static func fetch(_ access: ScopedDatabase, where condition: SQL? = nil) throws -> [OrgUser] {
        let clause = access.table("memberships", entity: "membership").whereClause(condition)
        let request: SQL = "\(sql: selectSQL) WHERE \(literal: clause) ORDER BY u.login COLLATE NOCASE"
        return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map(OrgUser.init(row:))
    }

    static func require(_ access: ScopedDatabase, login: String) throws -> OrgUser {
        guard let user = try fetch(access, where: "u.login = \(login) COLLATE NOCASE").first else {
            throw CoreError.notFound(entity: "user", key: "\"\(login)\"")
        }
        return user
    }
}
