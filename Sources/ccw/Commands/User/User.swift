import ArgumentParser
import CCWCore

/// `ccw user add|list|role|deactivate|activate`.
struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Users of an organization and their roles.",
        subcommands: [UserAdd.self, UserList.self, UserRole.self, UserDeactivate.self, UserActivate.self],
        aliases: ["users"])
}

/// A user as `--json` prints it.
struct UserJSON: Encodable {
    var uid: String
    var login: String
    var displayName: String
    var email: String?
    var role: String
    var active: Bool
    var version: Int64

    init(_ u: OrgUser) {
        uid = u.userUID; login = u.login; displayName = u.displayName; email = u.email
        role = u.role.rawValue; active = u.active; version = u.membershipVersion
    }
}
