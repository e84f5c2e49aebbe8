import Foundation
import Testing

/// The real binary in tmux: a task added in CRM › Tasks with a reminder due now reaches its
/// assignee's running TUI as a toast (sent by the background job the TUI runs), and only theirs.
@Suite(.serialized) struct CRMTasksEndToEndTests {
    @Test func aDueReminderShowsAsAToastOnlyForTheAssignee() throws {
        let scratch = try Scratch()
        let tester = try TmuxSession(command: try scratch.command("demo --login tester"), width: 120, height: 40)
        try tester.waitForStart()
        // a second person at work on the same file
        let demo = scratch.dir + "/demo.sqlite"
        let anna = try TmuxSession(command: try scratch.command("open --db \(TmuxSession.quote(demo)) --login anna.schmidt"),
                                   width: 120, height: 40)
        try anna.waitForStart()

        try tester.press("g", "c")
        try tester.waitFor("1 Contacts")
        try tester.press("4")
        try tester.waitFor("My open tasks")
        try tester.press("n")
        try tester.waitFor("New task")
        try tester.type("Ring Zoë back about Zürich")
        try tester.press("Tab")
        try tester.type("today")
        try tester.press("Tab", "Tab", "Tab")   // priority, assignee (tester) to the reminder
        try tester.type("+0m")
        try tester.press("C-s")
        try tester.waitFor("task \"Ring Zoë back about Zürich\" added")
        try tester.waitFor("today       medium   Ring Zoë back about Zürich")

        // the reminder job runs every 30 s in whichever process claims it; the TUI polls every 2 s
        try tester.waitFor("Reminder: Ring Zoë back about Zürich (due ", timeout: 75)
        Thread.sleep(forTimeInterval: 3)
        #expect(try !anna.screen().contains("Reminder: Ring Zoë"), "only the assignee is reminded")
        let (status, out, _) = try scratch.ccw("worker", "--db", demo, "--once")
        #expect(status == 0)
        #expect(!out.contains("task reminder"), "the reminder is not sent a second time")
    }
}
