import ArgumentParser
import CCWCore

/// `ccw user list [--json]`.
struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the organization's users and roles.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Show at most this many users.") var limit: Int?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            var users = try db.users.list(scope)
            if let limit { users = Array(users.prefix(max(0, limit))) }
            if output.json { try Output.json(users.map(UserJSON.init)); return }
            Output.table(["login", "name", "email", "role", "status"],
                         users.map { [$0.login, $0.displayName, $0.email ?? "", $0.role.rawValue, $0.active ? "active" : "inactive"] })
        }
    }
}
