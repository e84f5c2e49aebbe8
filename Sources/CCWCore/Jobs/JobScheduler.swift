import CCWDomain
import Foundation
import Logging

/// Runs registered jobs in the background of a `ccw` process (the TUI or `ccw worker`).
///
/// Every second or so the timer calls `tick()` on the scheduler's serial queue. For each job
/// due in the current slot (`now / interval`), the process tries to claim the slot in the
/// database; only the process that wins runs the job, so with many `ccw` processes on one
/// file each slot runs exactly once. Results reach people two ways: `onNotice` (called on the
/// scheduler's queue; the TUI forwards it to its UI thread as a toast) and `notifications`
/// rows, which other users' processes pick up.
public final class JobScheduler: @unchecked Sendable {
    public let database: AppDatabase
    public let clock: any Clock
    public let holder: String
    public let queue: DispatchQueue

    private let lock = NSLock()
    private let tickLock = NSRecursiveLock()
    private var timerRunning = false
    private var jobs: [Job] = []
    private var timer: (any DispatchSourceTimer)?
    private var noticeHandler: (@Sendable (JobNotice) -> Void)?
    private let logger = Logger(label: "ccw.jobs")

    public init(database: AppDatabase, clock: any Clock, holder: String,
                queue: DispatchQueue = DispatchQueue(label: "ccw.jobs", qos: .utility)) {
        self.database = database
        self.clock = clock
        self.holder = holder
        self.queue = queue
    }

    /// `host:pid` of this process, the usual holder name.
    public static var defaultHolder: String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Called for each notice of a job run by this process.
    public var onNotice: (@Sendable (JobNotice) -> Void)? {
        get { lock.withLock { noticeHandler } }
        set { lock.withLock { noticeHandler = newValue } }
    }

    public func register(_ job: Job) {
        lock.withLock {
            precondition(!jobs.contains { $0.name == job.name }, "job \(job.name) registered twice")
            jobs.append(job)
        }
    }

    public var registeredJobs: [String] { lock.withLock { jobs.map(\.name) } }

    /// Runs, synchronously and one after another, every job whose current slot this process
    /// wins. Returns the runs it made. Safe to call from any thread.
    @discardableResult
    public func tick() -> [JobRun] {
        tickLock.withLock {
            let due = lock.withLock { jobs }
            return due.compactMap(runIfClaimed)
        }
    }

    /// Starts calling `tick()` on the queue every `intervalMs`.
    public func start(intervalMs: Int = 1000) {
        lock.withLock {
            guard timer == nil else { return }
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now(), repeating: .milliseconds(intervalMs), leeway: .milliseconds(100))
            source.setEventHandler { [weak self] in self?.timerTick() }
            timerRunning = true
            source.resume()
            timer = source
        }
    }

    /// Stops the timer. A run in progress finishes before `stop()` returns; no tick starts after.
    public func stop() {
        lock.withLock {
            timerRunning = false
            timer?.cancel()
            timer = nil
        }
        tickLock.withLock {}
    }

    private func timerTick() {
        tickLock.withLock {
            guard lock.withLock({ timerRunning }) else { return }
            tick()
        }
    }

    deinit { timer?.cancel() }

    private func runIfClaimed(_ job: Job) -> JobRun? {
        let now = clock.now()
        let slot = now / job.intervalMs
        let runId: Int64?
        do {
            runId = try database.write { db in try JobClaims.claim(db, job: job, slot: slot, holder: holder, now: now) }
        } catch {
            logger.warning("job \(job.name): cannot claim slot \(slot): \(error)")
            return nil
        }
        guard let runId else { return nil }
        let context = JobContext(database: database, clock: clock, jobName: job.name, slot: slot,
                                 slotStart: slot * job.intervalMs, now: now, holder: holder)
        var notices: [JobNotice]
        var outcome: String
        var failed = false
        do {
            let result = try job.run(context)
            outcome = result.summary
            notices = result.notices.map { var notice = $0; notice.job = job.name; return notice }
        } catch {
            failed = true
            outcome = "failed: \(error)"
            notices = [JobNotice(severity: .error, message: "background job \(job.name) failed: \(error)", job: job.name)]
            logger.error("job \(job.name) slot \(slot) failed: \(error)")
        }
        do {
            try database.write { db in
                try JobClaims.finish(db, job: job, runId: runId, slot: slot, holder: holder,
                                     outcome: failed ? "failed" : "ok", detail: outcome, now: clock.now())
                for notice in notices {
                    guard let orgId = notice.orgId else { continue }
                    try Notifications.post(db, orgId: orgId, userId: notice.userId, kind: "job.\(job.name)",
                                           severity: notice.severity, title: notice.message)
                }
            }
        } catch {
            logger.error("job \(job.name) slot \(slot): cannot record the outcome: \(error)")
        }
        if let handler = onNotice { notices.forEach(handler) }
        return JobRun(job: job.name, slot: slot, outcome: outcome, failed: failed)
    }
}
