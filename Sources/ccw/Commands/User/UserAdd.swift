import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw user add LOGIN --name "Full Name" --role sales [--email E]`.
struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user to the organization with a role.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The login (the SSH or OS user name they use).") var user: String
    @Option(help: "Full name.") var name: String?
    @Option(help: "Email address.") var email: String?
    @Option(help: "Role: admin, manager, sales, warehouse, accountant, read-only.") var role: String = "read-only"

    func validate() throws {
        guard Role(name: role) != nil else {
            throw ValidationError("unknown role \"\(role)\": use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let u = try db.users.add(scope, login: user, displayName: name ?? user, email: email, role: Role(name: role) ?? .readOnly)
            if output.json { try Output.json(UserJSON(u)) } else {
                Output.message("added \(u.login) to \(scope.orgName) as \(u.role.rawValue)")
            }
        }
    }
}
