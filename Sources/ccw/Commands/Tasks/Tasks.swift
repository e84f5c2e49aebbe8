import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw tasks list|add|done|delete`.
struct Tasks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "To-dos about contacts, companies and deals.",
        discussion: "Name a task by id or uid.",
        subcommands: [TasksList.self, TasksAdd.self, TasksDone.self, TasksDelete.self])
}

/// A task as `--json` prints it.
struct TaskJSON: Encodable {
    var id: Int64
    var uid: String
    var title: String
    var priority: String
    var status: String
    var dueDate: String?
    var assignee: String?
    var contactId: Int64?
    var companyId: Int64?
    var dealId: Int64?
    var version: Int64

    init(_ r: CRMTaskRecord, assignee: String?) {
        let t = r.task
        id = r.stamp.id; uid = r.stamp.uid; title = t.title; priority = t.priority.rawValue; status = t.status.rawValue
        dueDate = t.dueDate?.description; self.assignee = assignee; contactId = t.contactID?.rawValue
        companyId = t.companyID?.rawValue; dealId = t.dealID?.rawValue; version = r.version
    }
}
