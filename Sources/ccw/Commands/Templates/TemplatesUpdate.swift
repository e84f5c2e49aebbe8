import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw templates update NAME [--name NEW] [--subject S] [--body B | --body-file PATH]`:
/// changes only what is given.
struct TemplatesUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change an email template's name, subject or body.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The template's current name (case ignored).") var template: String
    @Option(help: "A new name.") var name: String?
    @Option(help: "A new one-line subject.") var subject: String?
    @OptionGroup var body: TemplateBodyOptions

    func validate() throws {
        if name == nil && subject == nil && body.body == nil && body.bodyFile == nil {
            throw ValidationError("nothing to change: give --name, --subject, --body or --body-file")
        }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let record = try db.emailTemplates.get(scope, name: template)
            var changed = record.template
            if let name { changed.name = name }
            if let subject { changed.subject = subject }
            if let text = try body.read() { changed.body = text }
            let saved = try db.emailTemplates.update(scope, id: record.id, changed, expectedVersion: record.version)
            if output.json { try Output.json(TemplateJSON(saved)) } else { Output.message("updated template \(saved.template.name)") }
        }
    }
}
