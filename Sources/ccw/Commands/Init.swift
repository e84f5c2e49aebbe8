import ArgumentParser
import CCWCore
import Foundation

/// `ccw init`: creates the database and its first organization, with the OS user as admin.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a database and its first organization (you become its admin).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Name of the first organization.") var orgName: String = "My Company"
    @Option(help: "Base currency (ISO 4217).") var currency: String = "EUR"
    @Option(help: "Time zone (IANA name).") var timeZone: String = TimeZone.current.identifier
    @Option(help: "Default country for phone numbers (ISO 3166 code).") var country: String?
    @Option(help: "Your display name.") var name: String?

    func run() throws {
        try CommandRunner.run {
            let path = global.databasePath
            let db = try AppDatabase.open(path: path)
            let login = global.effectiveLogin
            let scope = try db.bootstrap(orgName: orgName, adminLogin: login, displayName: name ?? login,
                                         currency: currency, timeZone: timeZone, defaultCountry: country)
            Output.message("created \(path): organization \"\(scope.orgName)\" (\(scope.baseCurrency.code), \(scope.timeZone)) with \(login) as admin")
            Output.message("next: `ccw` opens it; `ccw user add NAME --name \"Full Name\" --role sales` adds staff")
        }
    }
}
