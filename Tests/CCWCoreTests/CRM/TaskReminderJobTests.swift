import CCWDomain
import Foundation
import GRDB
import Testing
@testable import CCWCore

/// Task reminders reach the assignee once, when due, whichever process runs the job.
@Suite struct TaskReminderJobTests {
    static let minute: Int64 = 60_000

    private func userId(_ seeded: SeededDatabase, _ login: String) throws -> UserID {
        UserID(try seeded.scope(login).userId)
    }

    private func reminders(_ seeded: SeededDatabase, _ login: String) throws -> [AppNotification] {
        try seeded.database.notifications.unread(try seeded.scope(login)).filter { $0.kind == "crm.task.reminder" }
    }

    @Test func aDueReminderReachesOnlyTheAssigneeExactlyOnce() throws {
        // given a task for jonas with a reminder in five minutes, and one for anna in an hour
        let seeded = try SeededDatabase()
        let now = seeded.clock.now()
        let scope = seeded.northwind
        _ = try seeded.database.crmTasks.add(scope, CRMTask(title: "Call Jürgen about the offer", priority: .urgent,
                                                            dueDate: CalendarDate(year: 2026, month: 11, day: 26),
                                                            reminderAt: now + 5 * Self.minute, assigneeID: try userId(seeded, "jonas.weber")))
        _ = try seeded.database.crmTasks.add(scope, CRMTask(title: "Send the price list", reminderAt: now + 60 * Self.minute,
                                                            assigneeID: try userId(seeded, "anna.schmidt")))
        // when the job runs before the reminder time: nothing
        #expect(try TaskReminderJob.send(seeded.database, now: seeded.clock.now()) == 0)
        // when the reminder time has passed
        seeded.clock.advance(by: 6 * Self.minute)
        #expect(try TaskReminderJob.send(seeded.database, now: seeded.clock.now()) == 1)
        // then jonas has exactly one reminder naming the task; anna and the admin have none
        let jonas = try reminders(seeded, "jonas.weber")
        #expect(jonas.count == 1)
        #expect(jonas.first?.title == "Reminder: Call Jürgen about the offer (due 2026-11-26, urgent)")
        #expect(try reminders(seeded, "anna.schmidt").isEmpty)
        #expect(try reminders(seeded, SeededDatabase.admin).isEmpty)
        // and running again sends nothing more
        seeded.clock.advance(by: Self.minute)
        #expect(try TaskReminderJob.send(seeded.database, now: seeded.clock.now()) == 0)
        #expect(try reminders(seeded, "jonas.weber").count == 1)
        // and the reminder is audited as the job
        let audited = try seeded.database.read { db in
            try String.fetchOne(db, sql: "SELECT login FROM audit_log WHERE action = 'remind' ORDER BY id DESC LIMIT 1")
        }
        #expect(audited == "job:crm.task-reminders")
    }

    @Test func completedAndDeletedTasksAreNotReminded() throws {
        let seeded = try SeededDatabase()
        let now = seeded.clock.now()
        let jonas = try userId(seeded, "jonas.weber")
        let done = try seeded.database.crmTasks.add(seeded.northwind, CRMTask(title: "Done already", reminderAt: now + Self.minute, assigneeID: jonas))
        let gone = try seeded.database.crmTasks.add(seeded.northwind, CRMTask(title: "Deleted", reminderAt: now + Self.minute, assigneeID: jonas))
        _ = try seeded.database.crmTasks.complete(seeded.northwind, id: done.id, expectedVersion: done.version)
        try seeded.database.crmTasks.delete(seeded.northwind, id: gone.id, expectedVersion: gone.version)
        seeded.clock.advance(by: 2 * Self.minute)
        #expect(try TaskReminderJob.send(seeded.database, now: seeded.clock.now()) == 0)
        #expect(try reminders(seeded, "jonas.weber").isEmpty)
    }

    @Test func twoSchedulersOnOneFileSendEachReminderOnce() throws {
        // given two processes (schedulers on separate connections) sharing a clock
        let seeded = try SeededDatabase()
        let second = try AppDatabase.open(path: seeded.database.path, clock: seeded.clock)
        let schedulers = [JobScheduler(database: seeded.database, clock: seeded.clock, holder: "host-a:1"),
                          JobScheduler(database: second, clock: seeded.clock, holder: "host-b:2")]
        for s in schedulers { for job in BackgroundJobs.all { s.register(job) } }
        #expect(schedulers[0].registeredJobs.contains(TaskReminderJob.name))
        let jonas = try userId(seeded, "jonas.weber")
        let start = seeded.clock.now()
        for i in 1...5 {
            _ = try seeded.database.crmTasks.add(seeded.northwind, CRMTask(title: "Follow-up \(i)", reminderAt: start + Int64(i) * Self.minute,
                                                                           assigneeID: jonas))
        }
        // when both tick concurrently every 30 seconds for ten minutes
        for step in 0...20 {
            seeded.clock.set(start + Int64(step) * TaskReminderJob.interval)
            DispatchQueue.concurrentPerform(iterations: 2) { schedulers[$0].tick() }
        }
        // then each of the five reminders arrived exactly once
        let titles = try reminders(seeded, "jonas.weber").map(\.title).sorted()
        #expect(titles == (1...5).map { "Reminder: Follow-up \($0)" })
        let marked = try seeded.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM crm_tasks WHERE reminded_at IS NOT NULL")
        }
        #expect(marked == 5)
    }

    @Test func aReminderAlreadyPastWhenTheTaskIsAddedGoesOutOnTheNextRun() throws {
        let seeded = try SeededDatabase()
        let jonas = try userId(seeded, "jonas.weber")
        _ = try seeded.database.crmTasks.add(seeded.northwind, CRMTask(title: "Late", reminderAt: seeded.clock.now() - Self.minute, assigneeID: jonas))
        #expect(try TaskReminderJob.send(seeded.database, now: seeded.clock.now()) == 1)
        #expect(try reminders(seeded, "jonas.weber").count == 1)
    }
}
