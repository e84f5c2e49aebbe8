import Foundation
import Testing

/// Two `ccw worker` processes on one database file: each job runs once per interval, never
/// twice, whichever process wins it.
@Suite struct WorkerEndToEndTests {
    @Test func twoWorkersRunEachHeartbeatSlotExactlyOnce() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        let args = [try Build.ccw(), "worker", "--heartbeat-ms", "100", "--rounds", "40"]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in s.environment { env[k] = v }
        let environment = env
        let box = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if let r = try? Spawn.run(args, environment: environment) { box.append(r) }
        }
        let outputs = box.results
        #expect(outputs.count == 2)
        for o in outputs { #expect(o.status == 0, "\(o.err)") }
        // Each worker prints the slots it ran; together they must never repeat a slot.
        let slots = outputs.flatMap { o in
            o.out.split(separator: "\n").filter { $0.contains("worker.heartbeat slot") }
                .compactMap { line in line.split(separator: " ").drop { $0 != "slot" }.dropFirst().first.map { String($0.dropLast()) } }
        }
        #expect(slots.count >= 10, "expected many heartbeat runs, got \(slots.count)")
        #expect(Set(slots).count == slots.count, "a slot ran twice: \(slots.sorted())")
        // The database agrees: one row per slot.
        let db = try Spawn.run(["sqlite3", s.db, "SELECT COUNT(*), COUNT(DISTINCT slot) FROM job_runs WHERE job_name = 'worker.heartbeat'"])
        let counts = db.out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
        #expect(counts.count == 2 && counts[0] == counts[1])
        #expect(Int(counts.first ?? "0") == slots.count)
    }
}

/// Collects results from concurrent threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Spawn.Result] = []
    func append(_ r: Spawn.Result) { lock.withLock { items.append(r) } }
    var results: [Spawn.Result] { lock.withLock { items } }
}
