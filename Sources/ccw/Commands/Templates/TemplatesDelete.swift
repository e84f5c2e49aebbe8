import ArgumentParser
import CCWCore

/// `ccw templates delete NAME`: soft-deletes a template (emails already sent keep their text).
struct TemplatesDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an email template.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The template's name (case ignored).") var name: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let record = try db.emailTemplates.get(scope, name: name)
            try db.emailTemplates.delete(scope, id: record.id, expectedVersion: record.version)
            Output.message("deleted template \(record.template.name)")
        }
    }
}
