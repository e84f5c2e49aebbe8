import ArgumentParser

/// `ccw org add|list`.
struct Org: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Organizations in this database.",
        subcommands: [OrgAdd.self, OrgList.self],
        aliases: ["orgs"])
}
