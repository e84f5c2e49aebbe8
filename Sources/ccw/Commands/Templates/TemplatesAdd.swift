import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw templates add --name N --subject S (--body B | --body-file PATH)`. A merge field that
/// does not exist is refused with its line and column.
struct TemplatesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an email template.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The name the team picks it by (unique).") var name: String
    @Option(help: "One-line subject, e.g. \"Your offer, {{contact.first_name}}\".") var subject: String
    @OptionGroup var body: TemplateBodyOptions

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            guard let text = try body.read() else { throw CoreError.invalid([FieldError(field: "body", message: "give --body or --body-file")]) }
            let record = try db.emailTemplates.add(scope, EmailTemplate(name: name, subject: subject, body: text))
            if output.json { try Output.json(TemplateJSON(record)) } else { Output.message("added template \(record.template.name)") }
        }
    }
}
