import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw companies add --name "Acme GmbH" [--website acme.example] [--parent "Acme Holding"] [--json]`.
struct CompaniesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a company.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: CompanyFieldOptions

    func validate() throws {
        if fields.name == nil { throw ValidationError("give the company's name: --name \"Acme GmbH\"") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            try CompanyOutput.written(try db.companies.add(scope, fields: fields.changes), json: output.json, done: "added")
        }
    }
}
