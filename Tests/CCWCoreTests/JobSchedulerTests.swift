import CCWDomain
import Foundation
import GRDB
import Testing
@testable import CCWCore

@Suite struct JobSchedulerTests {
    static let minute: Int64 = 60_000

    /// Two schedulers on separate connections to one file, sharing a clock.
    private func twoSchedulers(job: @escaping @Sendable (JobContext) throws -> JobOutcome, leaseMs: Int64? = nil)
        throws -> (ManualClock, [JobScheduler], AppDatabase) {
        let clock = ManualClock(1_767_225_600_000)
        let first = try makeDatabase(clock: clock)
        let second = try AppDatabase.open(path: first.path, clock: clock)
        let schedulers = [JobScheduler(database: first, clock: clock, holder: "host-a:1"),
                          JobScheduler(database: second, clock: clock, holder: "host-b:2")]
        for scheduler in schedulers {
            scheduler.register(Job(name: "reminders", every: Self.minute, leaseMs: leaseMs, run: job))
        }
        return (clock, schedulers, first)
    }

    private func tickConcurrently(_ schedulers: [JobScheduler]) -> [JobRun] {
        let runs = RunBox()
        DispatchQueue.concurrentPerform(iterations: schedulers.count) { index in
            runs.append(schedulers[index].tick())
        }
        return runs.items
    }

    @Test func eachSlotRunsExactlyOnceAcrossProcesses() throws {
        let counter = Counter()
        let (clock, schedulers, database) = try twoSchedulers(job: { _ in counter.increment(); return .idle })
        // when both tick in the same slot, twice
        _ = tickConcurrently(schedulers)
        _ = tickConcurrently(schedulers)
        #expect(counter.count == 1)
        // when N more slots pass
        let slots = 20
        let start = clock.now()
        for slot in 1...Int64(slots) {
            clock.set(start + slot * Self.minute)
            _ = tickConcurrently(schedulers)
            clock.set(start + slot * Self.minute + 59_000)   // still the same slot
            _ = tickConcurrently(schedulers)
        }
        #expect(counter.count == slots + 1)
        let recorded = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job_runs WHERE job_name = 'reminders' AND outcome = 'ok'")
        }
        #expect(recorded == slots + 1)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job_leases") } == 0)
    }

    @Test func aLongRunIsNotStartedTwice() throws {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let counter = Counter()
        let (clock, schedulers, _) = try twoSchedulers(job: { _ in
            counter.increment()
            if counter.count == 1 {          // only the first run is long
                started.signal()
                release.wait()
            }
            return JobOutcome(summary: "long")
        }, leaseMs: 10 * Self.minute)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { schedulers[0].tick(); done.signal() }
        started.wait()
        // while the first process still runs it, the next slot comes and the other process ticks
        clock.advance(by: Self.minute)
        #expect(schedulers[1].tick().isEmpty)
        release.signal()
        done.wait()
        #expect(counter.count == 1)
        // once finished, the next slot runs normally
        clock.advance(by: Self.minute)
        #expect(schedulers[1].tick().count == 1)
        #expect(counter.count == 2)
    }

    @Test func anExpiredLeaseOfACrashedHolderIsTakenOver() throws {
        let counter = Counter()
        let (clock, schedulers, database) = try twoSchedulers(job: { _ in counter.increment(); return .idle },
                                                              leaseMs: 5 * Self.minute)
        // given a process that claimed the job and died
        try database.write { db in
            try db.execute(sql: "INSERT INTO job_leases (job_name, holder, acquired_at, expires_at) VALUES ('reminders', 'dead:99', ?, ?)",
                           arguments: [clock.now(), clock.now() + 5 * Self.minute])
        }
        #expect(tickConcurrently(schedulers).isEmpty)
        clock.advance(by: 2 * Self.minute)
        #expect(tickConcurrently(schedulers).isEmpty)
        // when the lease expires
        clock.advance(by: 3 * Self.minute)
        let runs = tickConcurrently(schedulers)
        #expect(runs.count == 1 && counter.count == 1)
        let holder = try database.read { db in
            try String.fetchOne(db, sql: "SELECT holder FROM job_runs WHERE job_name = 'reminders' ORDER BY id DESC LIMIT 1")
        }
        #expect(holder == "host-a:1" || holder == "host-b:2")
    }

    @Test func noticesReachTheCallbackAndOtherUsersNotifications() throws {
        let seeded = try SeededDatabase()
        let orgId = seeded.northwind.orgId
        let scheduler = JobScheduler(database: seeded.database, clock: seeded.clock, holder: "tui:1")
        scheduler.register(Job(name: "low-stock", every: Self.minute) { context in
            JobOutcome(summary: "1 alert", notices: [JobNotice(orgId: orgId, severity: .warning, message: "3 products below reorder level")])
        })
        scheduler.register(Job(name: "broken", every: Self.minute) { _ in throw CoreError.rule("smtp server unreachable") })
        let received = NoticeBox()
        scheduler.onNotice = { received.append($0) }
        let runs = scheduler.tick()
        #expect(runs.map(\.failed) == [false, true])
        #expect(received.items.map(\.job) == ["low-stock", "broken"])
        #expect(received.items[1].severity == .error && received.items[1].message.contains("smtp server unreachable"))
        // another user's process sees the notice
        let anna = try seeded.scope("anna.schmidt")
        let unread = try seeded.database.notifications.unread(anna)
        #expect(unread.map(\.title).contains("3 products below reorder level"))
        #expect(unread.first { $0.kind == "job.low-stock" }?.severity == .warning)
    }

    @Test func theTimerTicksOnItsQueue() throws {
        let counter = Counter()
        let database = try makeDatabase(clock: ManualClock())
        let scheduler = JobScheduler(database: database, clock: SystemClock(), holder: "timer:1")
        scheduler.register(Job(name: "often", every: 50) { _ in counter.increment(); return .idle })
        scheduler.start(intervalMs: 20)
        Thread.sleep(forTimeInterval: 0.5)
        scheduler.stop()
        let afterStop = counter.count
        #expect(afterStop >= 2)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(counter.count == afterStop)
    }
}

final class NoticeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var notices: [JobNotice] = []
    func append(_ notice: JobNotice) { lock.withLock { notices.append(notice) } }
    var items: [JobNotice] { lock.withLock { notices } }
}

final class RunBox: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [JobRun] = []
    func append(_ made: [JobRun]) { lock.withLock { runs += made } }
    var items: [JobRun] { lock.withLock { runs } }
}
