import ArgumentParser
import CCWCore
import CCWDomain
import Foundation

/// `ccw demo`: a fresh demo database with realistic data for every module that exists, then the
/// application on it. The demo has its own file (demo.sqlite), so it never touches real data.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a demo database with realistic data and open it.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var interface: InterfaceOptions
    @Flag(help: "Create the database and exit without opening the application.") var noOpen = false

    func run() throws {
        try CommandRunner.run {
            // --db, else CCW_DEMO_DB, else demo.sqlite beside the default database (never CCW_DB).
            let env = ProcessInfo.processInfo.environment["CCW_DEMO_DB"].flatMap { $0.isEmpty ? nil : $0 }
            let finalPath = DatabaseLocation.expand(global.db ?? env ?? DatabaseLocation.dataDirectory() + "/demo.sqlite")
            try replaceDemoFile(at: finalPath)
            // The history is written on a clock that walks through the last four weeks; the
            // application then opens the file again on the real clock.
            let login = global.effectiveLogin
            let seedClock = ManualClock()
            let seeding = try AppDatabase.open(path: finalPath, clock: seedClock)
            Output.message("creating the demo at \(finalPath):")
            let identity = try DemoHistory.seed(database: seeding, clock: seedClock, adminLogin: login,
                                                adminName: login.capitalized, end: SystemClock().now(),
                                                progress: { Output.message("  \($0)…") })
            try seeding.close()
            let db = try AppDatabase.open(path: finalPath)
            Output.message("demo database at \(finalPath)")
            Output.message("you are \(login), admin of \(DemoSeed.northwindName) and \(DemoSeed.harbourName); other logins: \(identity.logins.filter { $0 != login }.joined(separator: ", "))")
            if noOpen { return }
            let scope = try db.login(login, org: global.org ?? DemoSeed.northwindName)
            try TUILauncher.launch(database: db, scope: scope, interface: interface)
        }
    }

    /// Removes an earlier demo database; refuses a file that holds anything else.
    private func replaceDemoFile(at path: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return }
        let existing = try AppDatabase.open(path: path)
        let names = try existing.organizations.list().map(\.name)
        try existing.close()
        let demoNames: Set<String> = [DemoSeed.northwindName, DemoSeed.harbourName]
        guard Set(names).isSubset(of: demoNames) else {
            Output.message("ccw: \(path) holds organizations that are not demo data (\(names.joined(separator: ", "))); choose another --db")
            throw ExitCode(1)
        }
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
    }
}
