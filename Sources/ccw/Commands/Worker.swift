import ArgumentParser
import CCWCore
import CCWDomain
import Foundation

/// `ccw worker`: runs the background jobs without a terminal (for a headless host or cron).
/// Any number of workers and open TUIs may share the database: each job runs in one process
/// per interval, claimed through the database.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run background jobs without a terminal (Ctrl-C or SIGTERM stops).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Run one round of due jobs and exit.") var once = false
    @Option(help: "Stop after this many rounds (one round a second).") var rounds: Int?
    @Option(help: "Also run a heartbeat job every N milliseconds (liveness monitoring).") var heartbeatMs: Int64?

    func run() throws {
        try CommandRunner.run {
            let db = try CommandRunner.openExisting(global.databasePath)
            let scheduler = JobScheduler(database: db, clock: SystemClock(), holder: JobScheduler.defaultHolder)
            for job in BackgroundJobs.all { scheduler.register(job) }
            if let ms = heartbeatMs {
                guard ms >= 10 else { throw ValidationError("--heartbeat-ms must be at least 10") }
                scheduler.register(Job(name: "worker.heartbeat", every: ms) { _ in JobOutcome(summary: "alive") })
            }
            Output.message("worker \(scheduler.holder) on \(db.path): jobs \(scheduler.registeredJobs.joined(separator: ", "))")
            let limit = once ? 1 : rounds
            var done = 0
            signal(SIGTERM) { _ in Worker.stopRequested.store(true) }
            signal(SIGINT) { _ in Worker.stopRequested.store(true) }
            while !Worker.stopRequested.load() {
                for run in scheduler.tick() {
                    Output.data("\(ZonedTime.iso8601UTC(SystemClock().now())) \(run.job) slot \(run.slot): \(run.failed ? "FAILED " : "")\(run.outcome)")
                }
                done += 1
                if let limit, done >= limit { break }
                let step = max(10, Int(min(heartbeatMs ?? 1000, 1000)))
                usleep(useconds_t(step * 1000))
            }
        }
    }

    static let stopRequested = AtomicFlag()
}

/// A flag set from a signal handler and read by the loop.
final class AtomicFlag: @unchecked Sendable {
    private var value: sig_atomic_t = 0
    func store(_ v: Bool) { value = v ? 1 : 0 }
    func load() -> Bool { value != 0 }
}
