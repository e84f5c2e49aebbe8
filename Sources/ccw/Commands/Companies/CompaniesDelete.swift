import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw companies delete KEY`: soft-deletes a company (manager or admin only).
struct CompaniesDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a company (managers and admins).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id, uid or exact name of the company.") var key: String
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the company is still at this version.")
    var expectVersion: Int64?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.companies.resolve(scope, key: key)
            try db.companies.delete(scope, id: current.id, expectedVersion: expectVersion ?? current.version)
            Output.message("deleted company \(current.company.name) (id \(current.stamp.id))")
        }
    }
}
