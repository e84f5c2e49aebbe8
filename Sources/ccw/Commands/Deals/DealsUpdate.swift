import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw deals update KEY --value 1400 [--expect-version N] [--json]`; the stage changes only
/// with `ccw deals move`.
struct DealsUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change fields of a deal.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Id or uid of the deal.") var key: String
    @OptionGroup var fields: DealFieldOptions
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the deal is still at this version.")
    var expectVersion: Int64?

    func validate() throws {
        if fields.isEmpty { throw ValidationError("nothing to change: give at least one field, e.g. --value 1400") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.deals.resolve(scope, key: key)
            var deal = current.deal
            try fields.apply(to: &deal, db, scope)
            let saved = try db.deals.update(scope, id: current.id, deal: deal, expectedVersion: expectVersion ?? current.version)
            try DealOutput.written(db, scope, saved, json: output.json, done: "updated")
        }
    }
}
