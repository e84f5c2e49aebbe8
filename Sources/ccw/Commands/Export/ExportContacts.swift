import ArgumentParser
import CCWCore
import CCWDomain
import Foundation

/// `ccw export contacts --format csv [--status S] [--search TEXT] [--output FILE]`: the contacts
/// of the filter in name order, streamed page by page to stdout or to a file (written beside
/// it first and renamed when complete, so a failed export never leaves half a file).
struct ExportContacts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contacts", abstract: "Export contacts as CSV.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format (csv).") var format: String = "csv"
    @Option(help: "Only this status: lead, prospect, customer, inactive.") var status: String?
    @Option(help: "Substring of a name, email, phone or title.") var search: String?
    @Option(name: .customLong("custom-field"), help: "Add this custom field as a column \"custom.NAME\" (repeatable).")
    var customField: [String] = []
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        if format.lowercased() != "csv" { throw ValidationError("--format \(format): only csv is supported") }
        if let status, (try? ContactStatus(parsing: status)) == nil {
            throw ValidationError("--status \(status): use lead, prospect, customer or inactive")
        }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let filter = ContactFilter(text: search, status: try status.map(ContactStatus.init(parsing:)))
            guard let output else {
                let count = try db.contacts.exportCSV(scope, filter: filter, customFields: customField) {
                    FileHandle.standardOutput.write(Data($0.utf8))
                }
                Output.message("exported \(count) contact\(count == 1 ? "" : "s")")
                return
            }
            let partial = output + ".partial"
            guard FileManager.default.createFile(atPath: partial, contents: nil),
                  let handle = FileHandle(forWritingAtPath: partial) else {
                throw CoreError.unreadable(path: output, detail: "cannot create the file")
            }
            do {
                let count = try db.contacts.exportCSV(scope, filter: filter, customFields: customField) { try handle.write(contentsOf: Data($0.utf8)) }
                try handle.close()
                if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
                try FileManager.default.moveItem(atPath: partial, toPath: output)
                Output.message("exported \(count) contact\(count == 1 ? "" : "s") to \(output)")
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(atPath: partial)
                throw error
            }
        }
    }
}
