/// The "my tasks" view: one user's open tasks split into overdue, due today, upcoming and
/// without a due date.
///
/// Order inside each group: due date (earliest first), then priority (urgent first), then
/// title, then id, so the list is the same on every refresh.
public struct MyTasks: Sendable, Hashable {
    public var overdue: [CRMTask]
    public var today: [CRMTask]
    public var upcoming: [CRMTask]
    public var undated: [CRMTask]

    /// - Parameters:
    ///   - upcomingDays: how far ahead "upcoming" looks (tasks due later are left out); nil
    ///     shows every future task.
    public init(tasks: [CRMTask], assignee: UserID, today: CalendarDate, upcomingDays: Int? = nil) {
        let mine = tasks.filter { $0.assigneeID == assignee && $0.status.isOpen }.sorted(by: MyTasks.order)
        let horizon = upcomingDays.map { today.adding(days: $0) }
        overdue = mine.filter { $0.dueDate.map { $0 < today } ?? false }
        self.today = mine.filter { $0.dueDate == today }
        upcoming = mine.filter { task in
            guard let due = task.dueDate, due > today else { return false }
            return horizon.map { due <= $0 } ?? true
        }
        undated = mine.filter { $0.dueDate == nil }
    }

    public var count: Int { overdue.count + today.count + upcoming.count + undated.count }

    /// Open tasks whose reminder falls in `(after, upTo]`: what a reminder job run at `upTo`
    /// sends when it last ran at `after`, so no reminder is sent twice or skipped.
    public static func remindersDue(_ tasks: [CRMTask], after: Int64, upTo: Int64) -> [CRMTask] {
        tasks.filter { task in
            guard task.status.isOpen, let at = task.reminderAt else { return false }
            return at > after && at <= upTo
        }.sorted { ($0.reminderAt!, $0.id ?? .max) < ($1.reminderAt!, $1.id ?? .max) }
    }

    static func order(_ a: CRMTask, _ b: CRMTask) -> Bool {
        if a.dueDate != b.dueDate {
            guard let x = a.dueDate else { return false }
            guard let y = b.dueDate else { return true }
            return x < y
        }
        if a.priority != b.priority { return a.priority > b.priority }
        if a.title != b.title { return a.title < b.title }
        return (a.id ?? .max) < (b.id ?? .max)
    }
}
