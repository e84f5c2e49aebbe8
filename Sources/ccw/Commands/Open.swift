import ArgumentParser
import CCWCore

/// `ccw` with no subcommand: the full-screen application.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the full-screen application (the default).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            try TUILauncher.launch(database: db, scope: scope, interface: interface)
        }
    }
}
