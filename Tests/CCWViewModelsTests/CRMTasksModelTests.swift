import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

/// My tasks, all open tasks and the new-task form, driven by intents.
@Suite struct CRMTasksModelTests {
    func day(_ d: Int) throws -> CalendarDate { try CalendarDate(year: 2026, month: 11, day: d) }

    func seed(_ session: AppSession) throws {
        let me = UserID(session.scope.userId)
        let jonas = UserID(try session.database.login("jonas.weber", org: DemoSeed.northwindName).userId)
        for t in [CRMTask(title: "Overdue call", priority: .urgent, dueDate: try day(20), assigneeID: me),
                  CRMTask(title: "Today's email", dueDate: try day(25), assigneeID: me),
                  CRMTask(title: "Next week", priority: .low, dueDate: try day(30), assigneeID: me),
                  CRMTask(title: "Someday", assigneeID: me),
                  CRMTask(title: "Jonas's visit", dueDate: try day(26), assigneeID: jonas)] {
            _ = try session.database.crmTasks.add(session.scope, t)
        }
    }

    @Test func myTasksAreGroupedAndHeadingsAreSkipped() throws {
        let session = try SessionFixture.session()
        try seed(session)
        let model = CRMTasksModel(session: session)
        model.send(.reload)
        let shape = model.mine.map { line -> String in
            switch line {
            case .heading(let t, let n, _): "[\(t) \(n)]"
            case .task(let r): r.task.title
            }
        }
        #expect(shape == ["[Overdue 1]", "Overdue call", "[Today 1]", "Today's email", "[Upcoming 1]", "Next week", "[No due date 1]", "Someday"])
        #expect(model.selected?.task.title == "Overdue call")
        model.send(.move(.down))
        #expect(model.selected?.task.title == "Today's email")
        model.send(.move(.up))
        model.send(.move(.up))
        #expect(model.selected?.task.title == "Overdue call")
        model.send(.move(.last))
        #expect(model.selected?.task.title == "Someday")
        // all open tasks include jonas's
        model.send(.toggleView)
        #expect(model.all.count == 5)
        model.send(.move(.last))
        #expect(model.selected?.task.title == "Someday")   // undated last
        model.send(.move(.up))
        #expect(model.selected?.assigneeLogin == "admin")
    }

    @Test func completingAndDeleting() throws {
        let session = try SessionFixture.session()
        try seed(session)
        let model = CRMTasksModel(session: session)
        model.send(.reload)
        model.send(.complete)
        #expect(model.message == "done: Overdue call")
        #expect(model.openCount == 3)
        #expect(model.selected?.task.title == "Today's email")
        model.send(.delete)
        #expect(model.message == "task \"Today's email\" deleted")
        #expect(model.openCount == 2)
    }

    @Test func newTaskParsesDatesRemindersAndLinks() throws {
        let session = try SessionFixture.session()
        try seed(session)
        let company = try session.database.companies.add(session.scope, company: Company(name: "Kramer Logistik AG"))
        let model = CRMTasksModel(session: session)
        model.send(.reload)
        model.send(.new)
        #expect(model.editor?.value(.assignee) == "admin")
        model.send(.set(.title, "Ring Zoë"))
        model.send(.set(.due, "2026-11-31"))
        model.send(.set(.reminder, "25:00"))
        model.send(.set(.assignee, "nobody"))
        model.send(.set(.company, "Kramer"))
        model.send(.save)
        let errors = model.editor?.errors ?? [:]
        #expect(errors[.due]?.contains("November 2026 has 30 days") == true)
        #expect(errors[.reminder]?.contains("expected +15m") == true)
        #expect(errors[.assignee] == "no active user \"nobody\" in Northwind Trading GmbH")
        #expect(errors[.company] == "no company called \"Kramer\" (pick one of the suggestions)")
        model.send(.set(.due, "+3"))
        model.send(.set(.reminder, "+15m"))
        model.send(.set(.assignee, "jonas.weber"))
        model.send(.set(.company, "kramer logistik ag"))
        model.send(.save)
        #expect(model.editor == nil)
        #expect(model.message == "task \"Ring Zoë\" added")
        let jonas = try SessionFixture.other(session, login: "jonas.weber")
        let added = try jonas.database.crmTasks.openRows(jonas.scope, assignee: UserID(jonas.scope.userId)).first { $0.task.title == "Ring Zoë" }
        #expect(added?.task.dueDate == (try day(28)))
        #expect(added?.task.reminderAt == SessionFixture.now + 15 * 60_000)
        #expect(added?.task.companyID == company.id)
        #expect(added?.companyName == "Kramer Logistik AG")
    }
}
