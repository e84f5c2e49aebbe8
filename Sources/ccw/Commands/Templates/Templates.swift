import ArgumentParser

/// `ccw templates list|show|add|update|delete`: the organization's email templates.
struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Email templates with merge fields ({{contact.first_name}}, {{company.name}}, …).",
        subcommands: [TemplatesList.self, TemplatesShow.self, TemplatesAdd.self, TemplatesUpdate.self, TemplatesDelete.self])
}
