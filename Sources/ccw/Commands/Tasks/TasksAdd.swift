import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw tasks add "Call Anna" [--due +2] [--priority high] [--assignee LOGIN]
/// [--contact KEY] [--company KEY] [--deal KEY] [--json]`.
struct TasksAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a task.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "What to do.") var title: String
    @Option(help: "Due date: 2026-12-01, today, +7, eom.") var due: String?
    @Option(help: "low, medium, high or urgent.") var priority: String = "medium"
    @Option(help: "Login of the member who does it (default: you).") var assignee: String?
    @Option(help: "Contact it is about (id, uid or email).") var contact: String?
    @Option(help: "Company it is about (id, uid or name).") var company: String?
    @Option(help: "Deal it is about (id or uid).") var deal: String?
    @Option(help: "Details.") var description: String = ""

    func validate() throws {
        if CRMTask.Priority(rawValue: priority.lowercased()) == nil {
            throw ValidationError("--priority \(priority): use low, medium, high or urgent")
        }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let today = ZonedTime.date(at: db.now(), in: scope.zone)
            var task = CRMTask(title: title, description: description, priority: CRMTask.Priority(rawValue: priority.lowercased()) ?? .medium,
                               assigneeID: try assignee.map { try db.crmTasks.member(scope, login: $0) } ?? UserID(scope.userId))
            task.dueDate = try due.map { text in try FieldInput.parse("due date", text) { try CalendarDate.parse($0, today: today) } }
            task.contactID = try contact.map { try db.contacts.resolve(scope, key: $0).id }
            task.companyID = try company.map { try db.companies.resolve(scope, key: $0).id }
            task.dealID = try deal.map { try db.deals.resolve(scope, key: $0).id }
            let saved = try db.crmTasks.add(scope, task)
            if output.json {
                try Output.json(TaskJSON(saved, assignee: assignee ?? scope.login))
            } else {
                Output.message("added task \"\(saved.task.title)\" (id \(saved.id))\(saved.task.dueDate.map { ", due \($0)" } ?? "")")
            }
        }
    }
}
