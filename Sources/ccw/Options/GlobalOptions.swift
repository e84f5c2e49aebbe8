import ArgumentParser
import Foundation

/// Options every command shares: which database and which login.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database file (default: $CCW_DB, else $XDG_DATA_HOME/ccw/ccw.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Act as this CCW user (default: the OS user name).", valueName: "name"))
    var login: String?

    @Option(name: .long, help: ArgumentHelp("Organization name or uid, when the login belongs to several.", valueName: "org"))
    var org: String?

    /// The database path chosen by --db, then CCW_DB, then the XDG data directory.
    var databasePath: String { DatabaseLocation.resolve(explicit: db) }

    /// The login chosen by --login, then CCW_LOGIN, then the OS user.
    var effectiveLogin: String { login ?? ProcessInfo.processInfo.environment["CCW_LOGIN"] ?? DatabaseLocation.osUser() }
}

/// `--json` for commands that print records.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (snake_case keys, money as decimal strings) instead of a table.")
    var json = false
}
