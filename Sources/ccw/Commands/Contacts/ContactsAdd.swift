import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw contacts add --name "Anna Meier" --email anna@example.com [--force] [--json]`.
/// Likely duplicates (same email or phone, similar name at the same company) are listed and
/// nothing is saved, unless `--force`.
struct ContactsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a contact.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: ContactFieldOptions
    @Flag(help: "Save even when the contact looks like one that exists.") var force = false

    func validate() throws {
        if fields.name == nil && fields.firstName == nil && fields.lastName == nil {
            throw ValidationError("give the contact's name: --name \"Anna Meier\" or --first-name/--last-name")
        }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            switch try db.contacts.add(scope, draft: fields.draft, force: force) {
            case let .added(record):
                try ContactOutput.written(db, scope, record, json: output.json, done: "added")
            case let .likelyDuplicates(matches):
                Output.message("ccw: not saved: this looks like a contact that exists:")
                for match in matches {
                    Output.message("  \(match.name)\(match.contactID.map { " (id \($0.rawValue))" } ?? ""): "
                        + match.reasons.map(\.description).joined(separator: ", "))
                }
                Output.message("add it anyway with --force")
                throw ExitCode(1)
            }
        }
    }
}
