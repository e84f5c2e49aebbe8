import ArgumentParser

@main
struct CCWCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccw",
        abstract: "CCW: a keyboard-driven ERP/CRM for the terminal.",
        discussion: """
        With no subcommand, opens the full-screen application as --login (else the OS user).
        Exit status: 0 done, 1 refused input or business rule, 2 usage, 3 conflict or locked, 4 not permitted.
        """,
        subcommands: [Open.self, Init.self, Demo.self, Org.self, User.self, DoctorCommand.self, Worker.self],
        defaultSubcommand: Open.self
    )
}
