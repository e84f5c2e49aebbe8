import CCWCore
import CCWDomain

/// CRM › Tasks: "my tasks" grouped overdue / today / upcoming / no date, or every open task
/// of the organization (paged by due date); marking done, deleting, and the new-task form.
public final class CRMTasksModel {
    public enum View: Sendable, Hashable {
        case mine, allOpen
    }

    /// A line of "my tasks": a group heading or a task.
    public enum Line: Sendable, Hashable {
        case heading(String, count: Int, role: HeadingRole)
        case task(CRMTaskRow)

        public var task: CRMTaskRow? {
            if case .task(let row) = self { return row }
            return nil
        }
    }

    /// How a group heading is marked.
    public enum HeadingRole: Sendable, Hashable {
        case overdue, today, upcoming, undated
    }

    public enum Intent: Sendable {
        case reload
        case toggleView
        case move(ListMove)
        case complete
        case delete
        case new
        case set(TaskEditor.Field, String)
        case save
        case cancel
    }

    public let session: AppSession
    public private(set) var view: View = .mine
    public private(set) var mine: [Line] = []
    public private(set) var mineSelected = 0
    public private(set) var all: PagedList<CRMTaskRow>
    public private(set) var editor: TaskEditor?
    public private(set) var assignees: [TaskAssignee] = []
    /// The last action's message (success) or error.
    public private(set) var message: String?
    public private(set) var error: String?
    public var pageSize = 20 {
        didSet { all.pageSize = pageSize }
    }
    /// "My tasks" shows at most this many (the oldest due first).
    public static let mineLimit = 1000

    public init(session: AppSession) {
        self.session = session
        all = PagedList(source: Self.allSource(session))
    }

    public var canCreate: Bool { session.can(.create, in: .crm) }
    public var canEdit: Bool { session.can(.edit, in: .crm) }
    public var canDelete: Bool { session.can(.delete, in: .crm) }

    /// Index of the selected line in the current view.
    public var selectedIndex: Int { view == .mine ? mineSelected : all.selected }
    public var selected: CRMTaskRow? {
        switch view {
        case .mine: mine.indices.contains(mineSelected) ? mine[mineSelected].task : nil
        case .allOpen: all.selectedRow
        }
    }
    public var openCount: Int { mine.reduce(0) { $0 + ($1.task == nil ? 0 : 1) } }

    public func send(_ intent: Intent) {
        message = nil
        error = nil
        switch intent {
        case .reload: reload()
        case .toggleView:
            view = view == .mine ? .allOpen : .mine
            reload()
        case .move(let m): move(m)
        case .complete: complete()
        case .delete: delete()
        case .new:
            assignees = (try? session.database.crmTasks.assignees(session.scope)) ?? []
            editor = TaskEditor(assignee: session.login)
        case .set(let f, let v):
            editor?.values[f] = v
            editor?.errors[f] = nil
        case .save: save()
        case .cancel: editor = nil
        }
    }

    // MARK: Lists

    private func reload() {
        let keep = selected?.id
        switch view {
        case .mine: loadMine(keeping: keep)
        case .allOpen:
            let size = all.pageSize
            all = PagedList(source: Self.allSource(session))
            all.pageSize = size
            all.reload()
            if let e = all.error { error = e }
        }
    }

    private func loadMine(keeping id: Int64?) {
        do {
            let rows = try session.database.crmTasks.openRows(session.scope, assignee: UserID(session.scope.userId), limit: Self.mineLimit)
            let byId = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
            let groups = MyTasks(tasks: rows.map(\.task), assignee: UserID(session.scope.userId), today: session.today)
            mine = []
            for (title, tasks, role) in [("Overdue", groups.overdue, HeadingRole.overdue), ("Today", groups.today, .today),
                                         ("Upcoming", groups.upcoming, .upcoming), ("No due date", groups.undated, .undated)]
                where !tasks.isEmpty {
                mine.append(.heading(title, count: tasks.count, role: role))
                mine += tasks.compactMap { $0.id.flatMap { byId[$0] } }.map(Line.task)
            }
        } catch {
            mine = []
            self.error = describe(error)
        }
        let index = id.flatMap { id in mine.firstIndex { $0.task?.id == id } } ?? min(mineSelected, max(0, mine.count - 1))
        selectMine(index, direction: 1)
    }

    /// Selects the task at or after `index` in `direction`, skipping headings.
    private func selectMine(_ index: Int, direction: Int) {
        guard !mine.isEmpty else { mineSelected = 0; return }
        var i = min(max(0, index), mine.count - 1)
        while mine.indices.contains(i), mine[i].task == nil { i += direction }
        if !mine.indices.contains(i) {
            i = min(max(0, index), mine.count - 1)
            while mine.indices.contains(i), mine[i].task == nil { i -= direction }
        }
        mineSelected = mine.indices.contains(i) ? i : 0
    }

    private func move(_ m: ListMove) {
        guard view == .mine else { all.apply(m); return }
        let page = max(1, pageSize)
        switch m {
        case .down: selectMine(mineSelected + 1, direction: 1)
        case .up: selectMine(mineSelected - 1, direction: -1)
        case .pageDown: selectMine(mineSelected + page, direction: 1)
        case .pageUp: selectMine(mineSelected - page, direction: -1)
        case .first: selectMine(0, direction: 1)
        case .last: selectMine(mine.count - 1, direction: -1)
        }
    }

    static func allSource(_ session: AppSession) -> KeysetSource<CRMTaskRow> {
        let tasks = session.database.crmTasks, scope = session.scope
        return KeysetSource(
            count: { ListCount(try tasks.countOpen(scope)) },
            first: { try tasks.openPage(scope, after: nil, limit: $0) },
            after: { row, limit in try tasks.openPage(scope, after: row.cursor, limit: limit) },
            before: { row, limit in try tasks.openPage(scope, before: row.cursor, limit: limit) },
            last: { try tasks.openPage(scope, before: nil, limit: $0) })
    }

    // MARK: Changes

    private func complete() {
        guard let row = selected else { return }
        do {
            _ = try session.database.crmTasks.complete(session.scope, id: row.id, expectedVersion: row.record.version)
            message = "done: \(row.task.title)"
        } catch {
            self.error = describe(error)
        }
        reloadAfterChange()
    }

    private func delete() {
        guard let row = selected else { return }
        do {
            try session.database.crmTasks.delete(session.scope, id: row.id, expectedVersion: row.record.version)
            message = "task \"\(row.task.title)\" deleted"
        } catch {
            self.error = describe(error)
        }
        reloadAfterChange()
    }

    private func reloadAfterChange() {
        let (m, e) = (message, error)
        let index = selectedIndex
        reload()
        if view == .mine { selectMine(index, direction: 1) } else { all.moveTo(index) }
        (message, error) = (m, e)
    }

    private func save() {
        guard var editor else { return }
        let db = session.database, scope = session.scope, logins = assignees
        let context = TaskEditor.Context(
            today: session.today, now: session.clock.now(), zone: scope.zone,
            assignee: { text in
                guard let a = logins.first(where: { $0.login.caseInsensitiveCompare(text) == .orderedSame }) else {
                    throw InputError("no active user \"\(text)\" in \(scope.orgName)")
                }
                return a.id
            },
            contact: { try db.crmLookups.contact(scope, named: $0) },
            company: { try db.crmLookups.company(scope, named: $0) },
            deal: { try db.crmLookups.deal(scope, named: $0) })
        let (task, errors) = editor.task(context)
        guard let task else {
            editor.errors = errors
            self.editor = editor
            error = "not saved: fix the marked fields"
            return
        }
        do {
            let saved = try db.crmTasks.add(scope, task)
            self.editor = nil
            message = "task \"\(saved.task.title)\" added"
            let (m, _) = (message, error)
            reload()
            if view == .mine, let i = mine.firstIndex(where: { $0.task?.id == saved.id }) { mineSelected = i }
            message = m
        } catch CoreError.invalid(let list) {
            editor.errors = [:]
            for fe in list { editor.errors[TaskEditor.field(named: fe.field)] = fe.message }
            self.editor = editor
            error = "not saved: fix the marked fields"
        } catch {
            self.error = describe(error)
        }
    }
}
