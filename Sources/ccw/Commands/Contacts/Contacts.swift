import ArgumentParser

/// `ccw contacts list` (more verbs arrive with the rest of the CRM module).
struct Contacts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Contacts of the organization.",
        subcommands: [ContactsList.self, ContactsEmail.self])
}
