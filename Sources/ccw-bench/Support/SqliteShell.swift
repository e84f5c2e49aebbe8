import Foundation

/// The baseline: the same work done by the `sqlite3` command-line shell, in the same run, on the
/// same database file. Query times come from the shell's own `.timer` output.
struct SqliteShell {
    let databasePath: String

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Runs a script through `sqlite3` and returns stdout; throws with stderr on failure.
    @discardableResult
    func run(_ script: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", "-batch", databasePath]
        let input = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardOutput = out
        p.standardError = err
        try p.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            throw Failure(description: "sqlite3 failed: \(String(decoding: e, as: UTF8.self))")
        }
        return String(decoding: o, as: UTF8.self)
    }

    /// Runs each statement with `.timer on` and returns the shell's "real" time of each, in ms.
    func timed(_ statements: [String]) throws -> [Double] {
        let script = ".timer on\n.output /dev/null\n" + statements.map { $0.hasSuffix(";") ? $0 : $0 + ";" }.joined(separator: "\n") + "\n"
        let text = try run(script)
        var times: [Double] = []
        for line in text.split(separator: "\n") where line.hasPrefix("Run Time:") {
            // "Run Time: real 0.001 user 0.000000 sys 0.000000"
            let parts = line.split(separator: " ")
            if let i = parts.firstIndex(of: "real"), i + 1 < parts.count, let v = Double(parts[i + 1]) {
                times.append(v * 1000)
            }
        }
        if times.count != statements.count {
            throw Failure(description: "sqlite3 printed \(times.count) timings for \(statements.count) statements")
        }
        return times
    }

    /// Wall time of a whole `sqlite3` process that opens the database and runs `script`.
    func wallTime(_ script: String) throws -> Double {
        let (_, ms) = try Stopwatch.time { try run(script) }
        return ms
    }
}
