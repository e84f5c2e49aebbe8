import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw companies show KEY [--json]`.
struct CompaniesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one company (by id, uid or name).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Id, uid or exact name of the company.") var key: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let item = CompanyJSON(try db.companies.resolve(scope, key: key))
            if output.json { try Output.json(item); return }
            let parent = try item.parentId.map { try db.companies.get(scope, id: CompanyID($0)).company.name }
            let rows: [(String, String)] = [
                ("name", item.name), ("legal name", item.legalName), ("industry", item.industry), ("website", item.website),
                ("employees", item.employees ?? ""), ("revenue", item.annualRevenue.map { "\($0) \(item.currency ?? "")" } ?? ""),
                ("phone", item.phone ?? ""), ("email", item.email ?? ""), ("city", item.city), ("country", item.country),
                ("status", item.status), ("parent", parent ?? ""), ("tags", item.tags.joined(separator: ", ")),
                ("id", "\(item.id)"), ("uid", item.uid), ("version", "\(item.version)"),
            ]
            Output.data(rows.filter { !$0.1.isEmpty }.map { "\($0.0.padding(toLength: 11, withPad: " ", startingAt: 0))\($0.1)" }
                .joined(separator: "\n"))
        }
    }
}
