import Foundation

/// Sub-millisecond baselines. The shell's `.timer` prints whole milliseconds, so a statement that
/// takes 0.3 ms reads as 0.000 or 0.001. For such statements the time is taken from whole
/// `sqlite3` processes instead: one that runs the statements `reps + 1` times and one that runs
/// them once; the difference divided by `reps` is the time per run with a warm page cache, free
/// of process start and file open. Each process is timed three times and the fastest kept, which
/// filters out moments when another process had the CPU.
extension SqliteShell {
    /// Time of running `statements` once (their sum), in ms. The statements share their
    /// parameters (`?1`… bound once from the longest list), as a count and its first page do.
    func precise(_ statements: [BoundSQL]) throws -> Double {
        let preamble = statements.max { $0.values.count < $1.values.count }?.shellParameters ?? ""
        let sql = statements.map(\.sql)
        let once = try timed(sql, preamble: preamble).reduce(0, +)
        if once >= 20 {
            let more = try timed(Array(Array(repeating: sql, count: 3).joined()), preamble: preamble)
            let sums = stride(from: 0, to: more.count, by: sql.count).map { more[$0..<($0 + sql.count)].reduce(0, +) }
            return Samples(sums).median
        }
        let reps = max(20, min(400, Int(300 / max(once, 0.25))))
        let body = sql.map { $0 + ";" }.joined(separator: "\n") + "\n"
        let single = preamble + ".output /dev/null\n" + body
        let repeated = preamble + ".output /dev/null\n" + String(repeating: body, count: reps + 1)
        let t1 = try (0..<3).map { _ in try wallTime(single) }.min() ?? 0
        let tN = try (0..<3).map { _ in try wallTime(repeated) }.min() ?? 0
        return max(0, tN - t1) / Double(reps)
    }
}
