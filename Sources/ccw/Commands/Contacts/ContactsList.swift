import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw contacts list [--status customer] [--search text] [--limit N] [--json]`: the same
/// name-ordered, keyset-paged list the CRM screen shows.
struct ContactsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List contacts in name order.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this status: lead, prospect, customer, inactive.") var status: String?
    @Option(help: "Substring of a name, email, phone or title (3+ characters).") var search: String?
    @Option(help: "At most this many contacts (default: all).") var limit: Int?

    func validate() throws {
        if let status, (try? ContactStatus(parsing: status)) == nil {
            throw ValidationError("--status \(status): use lead, prospect, customer or inactive")
        }
        if let search, search.trimmingCharacters(in: .whitespaces).count < 3 {
            throw ValidationError("--search needs at least 3 characters")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    struct Item: Encodable {
        var uid: String
        var firstName: String
        var lastName: String
        var email: String?
        var phone: String?
        var company: String?
        var status: String
        var leadScore: Int
        var tags: [String]
        var version: Int64
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let filter = ContactFilter(text: search, status: try status.map(ContactStatus.init(parsing:)))
            var items: [Item] = []
            var cursor: ContactCursor?
            while limit.map({ items.count < $0 }) ?? true {
                let want = min(500, (limit ?? Int.max) - items.count)
                let page = try db.contacts.page(scope, filter: filter, after: cursor, limit: want)
                let names = try db.companies.names(scope, ids: page.compactMap(\.contact.companyID))
                items += page.map { r in
                    let c = r.contact
                    return Item(uid: r.stamp.uid, firstName: c.firstName, lastName: c.lastName, email: c.email?.value,
                                phone: (c.phone ?? c.mobile)?.e164, company: c.companyID.flatMap { names[$0] },
                                status: c.status.rawValue, leadScore: c.leadScore, tags: c.tags, version: r.version)
                }
                guard page.count == want, let last = page.last else { break }
                cursor = last.cursor
            }
            if output.json { try Output.json(items); return }
            Output.table(["name", "company", "email", "phone", "status", "score"],
                         items.map { ["\($0.firstName) \($0.lastName)", $0.company ?? "", $0.email ?? "", $0.phone ?? "", $0.status, "\($0.leadScore)"] },
                         rightAligned: [5])
        }
    }
}
