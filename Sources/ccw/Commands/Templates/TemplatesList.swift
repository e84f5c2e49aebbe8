import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw templates list [--json]`: every email template by name.
struct TemplatesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List email templates by name.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let templates = try db.emailTemplates.list(scope)
            if output.json { try Output.json(templates.map(TemplateJSON.init)); return }
            Output.table(["name", "subject", "fields"], templates.map {
                [$0.template.name, $0.template.subject,
                 MergeFieldTemplate.fieldsUsed(in: $0.template.subject + "\n" + $0.template.body).joined(separator: " ")]
            })
        }
    }
}
