import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw companies update KEY --industry Retail [--expect-version N] [--json]`; a company
/// changed since it was read is a conflict (exit 3).
struct CompaniesUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change fields of a company.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Id, uid or exact name of the company.") var key: String
    @OptionGroup var fields: CompanyFieldOptions
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the company is still at this version.")
    var expectVersion: Int64?

    func validate() throws {
        if fields.changes.isEmpty { throw ValidationError("nothing to change: give at least one field, e.g. --industry Retail") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.companies.resolve(scope, key: key)
            let saved = try db.companies.update(scope, id: current.id, changes: fields.changes,
                                                expectedVersion: expectVersion ?? current.version)
            try CompanyOutput.written(saved, json: output.json, done: "updated")
        }
    }
}
