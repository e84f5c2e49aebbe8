import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw contacts list|show|add|update|delete`.
struct Contacts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Contacts of the organization.",
        discussion: "Name a contact by id, uid or email.",
        subcommands: [ContactsList.self, ContactsShow.self, ContactsAdd.self, ContactsUpdate.self, ContactsDelete.self, ContactsEmail.self])
}

/// A contact as `--json` prints it.
struct ContactJSON: Encodable {
    var id: Int64
    var uid: String
    var firstName: String
    var lastName: String
    var email: String?
    var phone: String?
    var mobile: String?
    var title: String
    var department: String
    var company: String?
    var status: String
    var leadScore: Int
    var source: String
    var city: String
    var country: String
    var tags: [String]
    var customFields: [String: String]
    var version: Int64

    init(_ r: ContactRecord, company: String?) {
        let c = r.contact
        id = r.stamp.id; uid = r.stamp.uid; firstName = c.firstName; lastName = c.lastName; email = c.email?.value
        phone = c.phone?.e164; mobile = c.mobile?.e164; title = c.title; department = c.department
        self.company = company; status = c.status.rawValue; leadScore = c.leadScore; source = c.source
        city = c.address.city; country = c.address.country; tags = c.tags; customFields = c.customFields; version = r.version
    }
}

/// The contact fields `add` and `update` take, as options named by the import's field keys.
struct ContactFieldOptions: ParsableArguments {
    @Option(name: .customLong("first-name"), help: "First name.") var firstName: String?
    @Option(name: .customLong("last-name"), help: "Last name.") var lastName: String?
    @Option(help: "Full name, split into first and last (\"Anna Meier\" or \"Meier, Anna\").") var name: String?
    @Option(help: "Email address.") var email: String?
    @Option(help: "Phone (national numbers use the organization's country).") var phone: String?
    @Option(help: "Mobile phone.") var mobile: String?
    @Option(help: "Job title.") var title: String?
    @Option(help: "Department.") var department: String?
    @Option(help: "Company name (must exist; \"\" for none).") var company: String?
    @Option(help: "lead, prospect, customer or inactive.") var status: String?
    @Option(help: "Where the contact came from.") var source: String?
    @Option(name: .customLong("lead-score"), help: "Lead score (whole number).") var leadScore: String?
    @Option(help: "City.") var city: String?
    @Option(help: "Country (code or name).") var country: String?
    @Option(help: "Tags, comma separated.") var tags: String?

    /// The given options as draft text; nothing for options not given.
    var draft: ContactDraft {
        var draft = ContactDraft()
        let pairs: [(ContactField, String?)] = [
            (.firstName, firstName), (.lastName, lastName), (.email, email), (.phone, phone), (.mobile, mobile),
            (.title, title), (.department, department), (.company, company), (.status, status), (.source, source),
            (.leadScore, leadScore), (.city, city), (.country, country), (.tags, tags),
        ]
        if let name, firstName == nil, lastName == nil {
            let (first, last) = ContactImportPlan.splitName(name)
            draft[.firstName] = first
            draft[.lastName] = last
        }
        for (field, value) in pairs { if let value { draft[field] = value } }
        return draft
    }
}

enum ContactOutput {
    /// Prints a written contact: the record as JSON, or one line saying what was done.
    static func written(_ db: AppDatabase, _ scope: Scope, _ record: ContactRecord, json: Bool, done: String) throws {
        if json {
            let names = try db.companies.names(scope, ids: record.contact.companyID.map { [$0] } ?? [])
            try Output.json(ContactJSON(record, company: record.contact.companyID.flatMap { names[$0] }))
        } else {
            Output.message("\(done) contact \(record.contact.fullName) (id \(record.stamp.id), version \(record.version))")
        }
    }
}
