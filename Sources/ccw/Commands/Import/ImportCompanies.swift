import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw import companies accounts.csv [--dry-run] [--skip-bad-rows] [--map "Account=name"]`.
struct ImportCompanies: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "companies", abstract: "Import companies from a CSV file.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let plan = try db.companyImport.preview(scope, bytes: try options.bytes(), mapping: options.map,
                                                    mode: options.mode, duplicates: options.duplicates)
            if options.dryRun {
                try ImportReport.dryRun(mapping: plan.mapping.summary, report: plan.report, refused: !plan.canImport)
                return
            }
            ImportReport.committed(try db.companyImport.commit(scope, plan: plan, mode: options.mode), noun: "company")
        }
    }
}
