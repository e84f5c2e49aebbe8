import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw tasks delete KEY`: soft-deletes a task.
struct TasksDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a task (soft delete).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id or uid of the task.") var key: String
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the task is still at this version.")
    var expectVersion: Int64?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.crmTasks.resolve(scope, key: key)
            try db.crmTasks.delete(scope, id: current.id, expectedVersion: expectVersion ?? current.version)
            Output.message("deleted task \"\(current.task.title)\" (id \(current.id))")
        }
    }
}
