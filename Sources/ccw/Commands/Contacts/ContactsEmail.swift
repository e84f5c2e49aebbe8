import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw contacts email CONTACT --template NAME [--dry-run] [--json]`: renders the template for
/// the contact (named by email address, uid or id); without `--dry-run` logs the email with the
/// contact and queues it for delivery.
struct ContactsEmail: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "email", abstract: "Email a contact from a template.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The contact: email address, uid or id.") var contact: String
    @Option(help: "The template's name (case ignored).") var template: String
    @Flag(help: "Print the rendered email without sending it.") var dryRun = false

    struct Result: Encodable {
        var to: String
        var toName: String
        var subject: String
        var body: String
        var template: String
        var queued: Bool
        var interactionId: Int64?
        var eventId: Int64?
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let recipient = try Self.contact(contact, db, scope)
            let record = try db.emailTemplates.get(scope, name: template)
            let email = try db.emailTemplates.render(scope, templateId: record.id, contact: recipient.id)
            var result = Result(to: email.to, toName: email.toName, subject: email.subject, body: email.body,
                                template: record.template.name, queued: false)
            if !dryRun {
                let queued = try db.emailTemplates.send(scope, contact: recipient.id, subject: email.subject, body: email.body,
                                                        templateId: record.id)
                result.queued = true
                result.interactionId = queued.interaction.id
                result.eventId = queued.eventId
            }
            if output.json { try Output.json(result); return }
            if dryRun {
                let to = email.to.isEmpty ? "(no email address)" : "\(email.toName) <\(email.to)>"
                Output.data("To:      \(to)\nSubject: \(email.subject)\n\n\(email.body)")
            } else {
                Output.message("queued email \"\(email.subject)\" to \(email.toName) <\(email.to)>")
            }
        }
    }

    /// The live contact named by an email address, a uid or an id.
    static func contact(_ key: String, _ db: AppDatabase, _ scope: Scope) throws -> ContactRecord {
        if key.contains("@") {
            guard let found = try db.contacts.find(scope, email: key) else { throw CoreError.notFound(entity: "contact", key: key) }
            return found
        }
        if let id = Int64(key) { return try db.contacts.get(scope, id: ContactID(id)) }
        return try db.contacts.get(scope, uid: key)
    }
}
