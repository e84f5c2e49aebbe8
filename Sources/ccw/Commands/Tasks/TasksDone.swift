import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw tasks done KEY` (also `complete`): marks an open task completed.
struct TasksDone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a task completed.", aliases: ["complete"])

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Id or uid of the task.") var key: String
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the task is still at this version.")
    var expectVersion: Int64?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.crmTasks.resolve(scope, key: key)
            let saved = try db.crmTasks.complete(scope, id: current.id, expectedVersion: expectVersion ?? current.version)
            if output.json {
                try Output.json(TaskJSON(saved, assignee: try db.crmTasks.logins(scope, ids: [saved.task.assigneeID])[saved.task.assigneeID]))
            } else {
                Output.message("completed task \"\(saved.task.title)\" (id \(saved.id))")
            }
        }
    }
}
