import ArgumentParser
import CCWCore

/// `ccw org add NAME --currency EUR --time-zone Europe/Berlin [--admin LOGIN]`.
struct OrgAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an organization; the admin login becomes its first admin.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Organization name.") var name: String
    @Option(help: "Base currency (ISO 4217).") var currency: String = "EUR"
    @Option(help: "Time zone (IANA name).") var timeZone: String = "UTC"
    @Option(help: "Default country for phone numbers (ISO 3166 code).") var country: String?
    @Option(help: "Login of the first admin (default: --login, else the OS user).") var admin: String?

    func run() throws {
        try CommandRunner.run {
            let db = try CommandRunner.openExisting(global.databasePath)
            let org = try db.organizations.add(name: name, baseCurrency: currency, timeZone: timeZone, defaultCountry: country,
                                               adminLogin: admin ?? global.effectiveLogin)
            if output.json { try Output.json(OrgJSON(org)) } else {
                Output.message("added organization \"\(org.name)\" (\(org.baseCurrency.code), \(org.timeZone)), admin \(admin ?? global.effectiveLogin)")
            }
        }
    }
}

/// An organization as `--json` prints it.
struct OrgJSON: Encodable {
    var uid: String
    var name: String
    var baseCurrency: String
    var timeZone: String
    var defaultCountry: String?
    var version: Int64

    init(_ o: Organization) {
        uid = o.uid; name = o.name; baseCurrency = o.baseCurrency.code; timeZone = o.timeZone
        defaultCountry = o.defaultCountry; version = o.version
    }
}
