import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw contacts update KEY --title CFO [--expect-version N] [--json]`: changes only the
/// fields given, at the version just read (or the one given, e.g. from `show --json`); a
/// contact changed meanwhile is a conflict (exit 3) and nothing is saved.
struct ContactsUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change fields of a contact.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Id, uid or email of the contact.") var key: String
    @OptionGroup var fields: ContactFieldOptions
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the contact is still at this version.")
    var expectVersion: Int64?

    func validate() throws {
        if fields.draft.values.isEmpty { throw ValidationError("nothing to change: give at least one field, e.g. --title \"CFO\"") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.contacts.resolve(scope, key: key)
            let saved = try db.contacts.update(scope, id: current.id, changes: fields.draft,
                                               expectedVersion: expectVersion ?? current.version)
            try ContactOutput.written(db, scope, saved, json: output.json, done: "updated")
        }
    }
}
