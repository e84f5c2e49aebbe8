import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw user role LOGIN ROLE`.
struct UserRole: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a user's role in the organization.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The user's login.") var user: String
    @Argument(help: "New role: admin, manager, sales, warehouse, accountant, read-only.") var role: String

    func validate() throws {
        guard Role(name: role) != nil else {
            throw ValidationError("unknown role \"\(role)\": use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let u = try db.users.setRole(scope, login: user, role: Role(name: role) ?? .readOnly)
            if output.json { try Output.json(UserJSON(u)) } else { Output.message("\(u.login) is now \(u.role.rawValue) in \(scope.orgName)") }
        }
    }
}

/// `ccw user deactivate LOGIN`.
struct UserDeactivate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deactivate", abstract: "Stop a user from logging in (history is kept).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.") var user: String

    func run() throws { try UserActivation.set(false, user: user, global: global) }
}

/// `ccw user activate LOGIN`.
struct UserActivate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activate", abstract: "Let a deactivated user log in again.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.") var user: String

    func run() throws { try UserActivation.set(true, user: user, global: global) }
}

/// The one body behind `activate` and `deactivate`.
enum UserActivation {
    static func set(_ active: Bool, user: String, global: GlobalOptions) throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let u = active ? try db.users.activate(scope, login: user) : try db.users.deactivate(scope, login: user)
            Output.message("\(active ? "reactivated" : "deactivated") \(u.login)")
        }
    }
}
