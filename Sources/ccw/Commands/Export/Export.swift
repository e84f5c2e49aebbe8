import ArgumentParser

/// `ccw export contacts ...`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records as CSV (RFC 4180, UTF-8, header row).",
        subcommands: [ExportContacts.self])
}
