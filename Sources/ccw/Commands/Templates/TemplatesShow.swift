import ArgumentParser
import CCWCore

/// `ccw templates show NAME [--json]`: one template's subject and body as written.
struct TemplatesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an email template.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The template's name (case ignored).") var name: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let record = try db.emailTemplates.get(scope, name: name)
            if output.json { try Output.json(TemplateJSON(record)); return }
            Output.data("Name:    \(record.template.name)\nSubject: \(record.template.subject)\n\n\(record.template.body)")
        }
    }
}
