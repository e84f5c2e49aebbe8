import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw tasks list [--all] [--assignee LOGIN] [--include-done] [--limit N] [--json]`: your open
/// tasks by due date (undated last) unless asked otherwise.
struct TasksList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tasks (yours, open, by due date).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Everyone's tasks, not only yours.") var all = false
    @Option(help: "Tasks of this login.") var assignee: String?
    @Flag(name: .customLong("include-done"), help: "Completed and cancelled tasks too.") var includeDone = false
    @Option(help: "At most this many tasks (default: all).") var limit: Int?

    func validate() throws {
        if all && assignee != nil { throw ValidationError("--all and --assignee exclude each other") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let who: UserID? = all ? nil : try assignee.map { try db.crmTasks.member(scope, login: $0) } ?? UserID(scope.userId)
            var records: [CRMTaskRecord] = []
            var cursor: CRMTaskCursor?
            while limit.map({ records.count < $0 }) ?? true {
                let want = min(500, (limit ?? Int.max) - records.count)
                let page = try db.crmTasks.page(scope, assignee: who, includeClosed: includeDone, after: cursor, limit: want)
                records += page
                guard page.count == want, let last = page.last else { break }
                cursor = CRMTaskCursor(dueDate: last.task.dueDate, id: last.id)
            }
            let logins = try db.crmTasks.logins(scope, ids: records.map(\.task.assigneeID))
            let items = records.map { TaskJSON($0, assignee: logins[$0.task.assigneeID]) }
            if output.json { try Output.json(items); return }
            let today = ZonedTime.date(at: db.now(), in: scope.zone)
            Output.table(["id", "due", "priority", "status", "assignee", "title"],
                         zip(records, items).map { record, item in
                             let overdue = record.task.isOverdue(today: today) ? " overdue" : ""
                             return ["\(item.id)", (item.dueDate ?? "") + overdue, item.priority, item.status, item.assignee ?? "", item.title]
                         }, rightAligned: [0])
        }
    }
}
