import ArgumentParser

@main
struct CCWCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccw",
        abstract: "CCW: keyboard-driven ERP/CRM for the terminal.",
        subcommands: []
    )
}
