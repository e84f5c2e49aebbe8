import ArgumentParser
import CCWCore
import Foundation

/// `ccw doctor`: integrity, WAL state, file permissions, schema version, audit chains.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doctor", abstract: "Check the database: integrity, WAL, permissions, schema version, audit chains.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CommandRunner.run {
            let report = Doctor.run(path: global.databasePath)
            if output.json {
                try Output.json(report)
            } else {
                Output.data("database \(report.path)")
                Output.table(["check", "status", "detail"], report.checks.map { [$0.name, $0.status.rawValue, $0.detail] })
            }
            if report.status == .fail { throw ExitCode(1) }
        }
    }
}
