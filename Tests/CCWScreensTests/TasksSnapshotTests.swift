import CCWCore
import CCWDomain
import Testing
import TerminalKit
@testable import CCWScreens

/// CRM › Tasks: my tasks grouped by when they are due, all open tasks, the new-task form.
@Suite struct TasksSnapshotTests {
    func check(_ name: String, keys: [String], sizes: [(Int, Int)] = ScreenFixture.sizes) throws {
        for (w, h) in sizes {
            let (driver, db) = try ScreenFixture.driver(width: w, height: h)
            try CRMFixtureData.addTasks(db)
            driver.run("go.crm.tasks")
            for k in keys { driver.press(k) }
            #expect(Snapshot.verify(driver.render(), named: "\(name)-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func myTasks() throws { try check("crm-tasks", keys: []) }
    @Test func allOpenTasks() throws { try check("crm-tasks-all", keys: ["a"]) }
    @Test func taskDetailWhenNarrow() throws { try check("crm-task-detail", keys: ["enter"], sizes: [(80, 24)]) }
    @Test func newTaskForm() throws { try check("crm-task-new", keys: ["n"]) }

    @Test func addingATaskThroughTheForm() throws {
        let (driver, db) = try ScreenFixture.driver(width: 120, height: 40)
        try CRMFixtureData.addTasks(db)
        driver.run("go.crm.tasks")
        driver.press("n")
        driver.type("Ring Søren")
        driver.press("tab")
        driver.type("+2")
        driver.press("tab", "right", "tab")   // priority: medium → high
        driver.press("tab")                            // assignee stays admin
        driver.type("09:00")
        driver.press("tab")
        driver.type("Søren Andersen")
        driver.press("ctrl+s")
        let frame = driver.snapshot()
        #expect(frame.contains("Ring Søren"))
        #expect(frame.contains("2026-11-27"))
        let scope = try db.login("admin", org: DemoSeed.northwindName)
        let added = try db.crmTasks.openRows(scope, assignee: UserID(scope.userId)).first { $0.task.title == "Ring Søren" }
        #expect(added?.task.priority == .high)
        #expect(added?.contactName == "Søren Andersen")
        // 09:00 in Berlin on 2026-11-27 is 08:00 UTC
        #expect(added?.task.reminderAt == ZonedTime.startOfDay(try CalendarDate(year: 2026, month: 11, day: 27), in: scope.zone) + 9 * 3_600_000)
    }

    @Test func badInputIsMarkedAndNothingIsLost() throws {
        let (driver, db) = try ScreenFixture.driver(width: 120, height: 40)
        try CRMFixtureData.addTasks(db)
        driver.run("go.crm.tasks")
        driver.press("n")
        driver.type("Ring Søren")
        driver.press("tab")
        driver.type("2026-13-01")
        driver.press("ctrl+s")
        let frame = driver.snapshot()
        #expect(frame.contains("month must be 1-12") || frame.contains("2026-13-01"))
        #expect(frame.contains("Ring Søren"))   // still in the form
        #expect(frame.contains("New task"))
    }

    @Test func markingDoneRemovesTheTaskFromMyTasks() throws {
        let (driver, db) = try ScreenFixture.driver(width: 120, height: 40)
        try CRMFixtureData.addTasks(db)
        driver.run("go.crm.tasks")
        #expect(driver.snapshot().contains("Angebot an Jürgen nachfassen"))
        driver.press("x")
        let scope = try db.login("admin", org: DemoSeed.northwindName)
        #expect(try db.crmTasks.openRows(scope, assignee: UserID(scope.userId)).contains { $0.task.title == "Angebot an Jürgen nachfassen" } == false)
        #expect(driver.notices.contains("done: Angebot an Jürgen nachfassen"))
    }

    @Test func readOnlyCannotAddOrComplete() throws {
        let (driver, db) = try ScreenFixture.driver(login: "petra.koch", width: 120, height: 40)
        try CRMFixtureData.addTasks(db)
        driver.run("go.crm.tasks")
        driver.press("a")
        #expect(driver.snapshot().contains("Angebot an Jürgen nachfassen"))
        driver.press("x")
        driver.press("n")
        #expect(!driver.snapshot().contains("New task"))
        #expect(driver.snapshot().contains("Angebot an Jürgen nachfassen"))
    }
}
