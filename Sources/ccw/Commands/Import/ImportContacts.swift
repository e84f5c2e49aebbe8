import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw import contacts people.csv [--dry-run] [--skip-bad-rows] [--skip-duplicates] [--map "Mail=email"]`.
struct ImportContacts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contacts", abstract: "Import contacts from a CSV file.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let plan = try db.contactImport.preview(scope, bytes: try options.bytes(), mapping: options.map,
                                                    mode: options.mode, duplicates: options.duplicates)
            if options.dryRun {
                try ImportReport.dryRun(mapping: plan.mapping.summary, report: plan.report, refused: !plan.canImport)
                return
            }
            ImportReport.committed(try db.contactImport.commit(scope, plan: plan, mode: options.mode), noun: "contact")
        }
    }
}
