import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw contacts show KEY [--json]`: one contact by id, uid or email.
struct ContactsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one contact (by id, uid or email).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Id, uid or email of the contact.") var key: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let record = try db.contacts.resolve(scope, key: key)
            let names = try db.companies.names(scope, ids: record.contact.companyID.map { [$0] } ?? [])
            let item = ContactJSON(record, company: record.contact.companyID.flatMap { names[$0] })
            if output.json { try Output.json(item); return }
            let rows: [(String, String)] = [
                ("name", "\(item.firstName) \(item.lastName)"), ("email", item.email ?? ""), ("phone", item.phone ?? ""),
                ("mobile", item.mobile ?? ""), ("title", item.title), ("department", item.department),
                ("company", item.company ?? ""), ("status", item.status), ("lead score", "\(item.leadScore)"),
                ("source", item.source), ("city", item.city), ("country", item.country),
                ("tags", item.tags.joined(separator: ", ")), ("id", "\(item.id)"), ("uid", item.uid), ("version", "\(item.version)"),
            ]
            Output.data(rows.filter { !$0.1.isEmpty }.map { "\($0.0.padding(toLength: 11, withPad: " ", startingAt: 0))\($0.1)" }
                .joined(separator: "\n"))
        }
    }
}
