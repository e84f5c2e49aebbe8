import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// One task in full: status, priority, due date, reminder, who does it and what it is about.
struct TaskDetail: Widget {
    var row: CRMTaskRow?
    var session: AppSession
    var theme: Theme
    var narrow: Bool

    func render(_ area: Rect, on surface: Surface) {
        let block = Block(title: "Task", footer: narrow ? "Esc back" : nil, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard let row else {
            surface.put("select a task to see it", in: inner.row(0), style: theme[.muted])
            return
        }
        let t = row.task
        func field(_ label: String, _ value: String?, _ role: ThemeRole? = nil) -> [TextSpan]? {
            guard let value, !value.isEmpty else { return nil }
            return [TextSpan(label.padded(toWidth: 10), role: .muted), TextSpan(value, role: role)]
        }
        let today = session.today
        let overdue = t.isOverdue(today: today)
        let dueText = t.dueDate.map { due in
            due == today ? "\(due) (today)" : overdue ? "\(due) (overdue \(due.days(until: today))d)" : due.description
        }
        let reminder = t.reminderAt.map { at in
            session.timestampText(at) + (row.remindedAt != nil ? " (sent)" : at <= session.clock.now() ? " (due)" : "")
        }
        var lines: [[TextSpan]] = [[TextSpan(t.title, role: .title)], []]
        lines += [
            field("Status", t.status.rawValue.replacingOccurrences(of: "_", with: " ")),
            field("Priority", t.priority.rawValue, TasksSection.role(t.priority)),
            field("Due", dueText, overdue ? .error : nil),
            field("Reminder", reminder),
            field("Assignee", row.assigneeLogin, .accent),
            field("Contact", row.contactName), field("Company", row.companyName), field("Deal", row.dealName),
            field("Created", session.timestampText(row.record.stamp.createdAt), .muted),
        ].compactMap { $0 }
        if !t.description.isEmpty {
            lines.append([])
            lines.append([TextSpan(t.description)])
        }
        Paragraph(lines, theme: theme).render(inner, on: surface)
    }
}
