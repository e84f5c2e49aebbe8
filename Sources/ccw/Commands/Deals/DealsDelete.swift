import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw deals delete KEY`: soft-deletes a deal.
struct DealsDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a deal (soft delete).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id or uid of the deal.") var key: String
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the deal is still at this version.")
    var expectVersion: Int64?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.deals.resolve(scope, key: key)
            try db.deals.delete(scope, id: current.id, expectedVersion: expectVersion ?? current.version)
            Output.message("deleted deal \(current.deal.name) (id \(current.stamp.id))")
        }
    }
}
