import ArgumentParser
import Foundation

@main
struct CCWCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccw",
        abstract: "CCW: a keyboard-driven ERP/CRM for the terminal.",
        discussion: """
        With no subcommand, opens the full-screen application as --login (else the OS user).
        Exit status: 0 done, 1 refused input or business rule, 2 usage, 3 conflict or locked, 4 not permitted.
        """,
        subcommands: [Open.self, Init.self, Demo.self, Org.self, User.self, Contacts.self, Companies.self, Deals.self, Tasks.self,
                      Products.self, Warehouses.self, Stock.self,
                      Import.self, Export.self, Templates.self, Segments.self, Scoring.self, PurchaseOrdersCommand.self, DoctorCommand.self, Worker.self],
        defaultSubcommand: Open.self
    )

    /// Runs the command; usage errors exit with 2 (UX.md), not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
