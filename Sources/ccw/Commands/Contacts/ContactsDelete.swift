import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw contacts delete KEY [--expect-version N]`: soft-deletes a contact (it can be restored).
struct ContactsDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a contact (soft delete).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id, uid or email of the contact.") var key: String
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the contact is still at this version.")
    var expectVersion: Int64?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.contacts.resolve(scope, key: key)
            try db.contacts.delete(scope, id: current.id, expectedVersion: expectVersion ?? current.version)
            Output.message("deleted contact \(current.contact.fullName) (id \(current.stamp.id))")
        }
    }
}
