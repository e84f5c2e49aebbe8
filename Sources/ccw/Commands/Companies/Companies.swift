import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw companies list|show|add|update|delete`.
struct Companies: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "companies",
        abstract: "Companies (accounts) of the organization.",
        discussion: "Name a company by id, uid or exact name.",
        subcommands: [CompaniesList.self, CompaniesShow.self, CompaniesAdd.self, CompaniesUpdate.self, CompaniesDelete.self])
}

/// A company as `--json` prints it (revenue as a decimal string beside its currency).
struct CompanyJSON: Encodable {
    var id: Int64
    var uid: String
    var name: String
    var legalName: String
    var industry: String
    var website: String
    var employees: String?
    var annualRevenue: String?
    var currency: String?
    var phone: String?
    var email: String?
    var city: String
    var country: String
    var status: String
    var parentId: Int64?
    var tags: [String]
    var version: Int64

    init(_ r: CompanyRecord) {
        let c = r.company
        id = r.stamp.id; uid = r.stamp.uid; name = c.name; legalName = c.legalName; industry = c.industry; website = c.website
        employees = c.employeeCount?.description; annualRevenue = c.annualRevenue?.decimalString
        currency = c.annualRevenue?.currency.code; phone = c.phone?.e164; email = c.email?.value; city = c.address.city
        country = c.address.country; status = c.status.rawValue; parentId = c.parentCompanyID?.rawValue; tags = c.tags
        version = r.version
    }
}

/// The company fields `add` and `update` take.
struct CompanyFieldOptions: ParsableArguments {
    @Option(help: "Company name.") var name: String?
    @Option(name: .customLong("legal-name"), help: "Registered legal name.") var legalName: String?
    @Option(help: "Industry.") var industry: String?
    @Option(help: "Web site.") var website: String?
    @Option(help: "Number of employees (e.g. 120 or 50-200).") var employees: String?
    @Option(name: .customLong("annual-revenue"), help: "Annual revenue in the organization's currency.") var annualRevenue: String?
    @Option(help: "Main phone.") var phone: String?
    @Option(help: "Main email.") var email: String?
    @Option(help: "City.") var city: String?
    @Option(help: "Country (code or name).") var country: String?
    @Option(help: "active, inactive or prospect.") var status: String?
    @Option(help: "Parent company name (\"\" for none).") var parent: String?
    @Option(help: "Tags, comma separated.") var tags: String?

    var changes: [CompanyField: String] {
        let pairs: [(CompanyField, String?)] = [
            (.name, name), (.legalName, legalName), (.industry, industry), (.website, website), (.employeeCount, employees),
            (.annualRevenue, annualRevenue), (.phone, phone), (.email, email), (.city, city), (.country, country),
            (.status, status), (.parentCompany, parent), (.tags, tags),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { field, value in value.map { (field, $0) } })
    }
}

enum CompanyOutput {
    static func written(_ record: CompanyRecord, json: Bool, done: String) throws {
        if json { try Output.json(CompanyJSON(record)) } else {
            Output.message("\(done) company \(record.company.name) (id \(record.stamp.id), version \(record.version))")
        }
    }
}
