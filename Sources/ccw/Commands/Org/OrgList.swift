import ArgumentParser
import CCWCore

/// `ccw org list [--json]`: the organizations the login belongs to, with its role in each.
struct OrgList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the organizations you belong to, with your role.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    struct Item: Encodable {
        var organization: OrgJSON
        var role: String
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let items = try db.organizations(of: scope).map { Item(organization: OrgJSON($0.organization), role: $0.role.rawValue) }
            if output.json { try Output.json(items); return }
            Output.table(["name", "currency", "time zone", "your role", "uid"],
                         items.map { [$0.organization.name, $0.organization.baseCurrency, $0.organization.timeZone, $0.role, $0.organization.uid] })
        }
    }
}
