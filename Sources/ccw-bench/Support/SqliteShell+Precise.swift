import Foundation

/// Sub-millisecond baselines. The shell's `.timer` prints whole milliseconds, so a statement that
/// takes 0.3 ms reads as 0.000 or 0.001. For such statements the time is taken from whole
/// `sqlite3` processes instead: one that runs the statements `reps + 1` times and one that runs
/// them once; the difference divided by `reps` is the time per run with a warm page cache, free
/// of process start and file open. Each process is timed three times and the fastest kept, which
/// filters out moments when another process had the CPU.
extension SqliteShell {
    /// Time of running `statements` once (their sum), in ms.
    func precise(_ statements: [String]) throws -> Double {
        let once = try timed(statements).reduce(0, +)
        if once >= 20 {
            let more = try timed(Array(Array(repeating: statements, count: 3).joined()))
            let sums = stride(from: 0, to: more.count, by: statements.count).map {
                more[$0..<($0 + statements.count)].reduce(0, +)
            }
            return Samples(sums).median
        }
        let reps = max(20, min(400, Int(300 / max(once, 0.25))))
        let body = statements.map { $0.hasSuffix(";") ? $0 : $0 + ";" }.joined(separator: "\n") + "\n"
        let single = ".output /dev/null\n" + body
        let repeated = ".output /dev/null\n" + String(repeating: body, count: reps + 1)
        let t1 = try (0..<3).map { _ in try wallTime(single) }.min() ?? 0
        let tN = try (0..<3).map { _ in try wallTime(repeated) }.min() ?? 0
        return max(0, tN - t1) / Double(reps)
    }
}
