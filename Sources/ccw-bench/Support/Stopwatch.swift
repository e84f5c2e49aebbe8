import Foundation

/// Wall-clock timing in milliseconds with a monotonic clock.
enum Stopwatch {
    static func nowNanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `body` once and returns its result with the elapsed milliseconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let t0 = nowNanos()
        let r = try body()
        return (r, Double(nowNanos() - t0) / 1_000_000)
    }

    /// Runs `body` `times` times and returns every duration in milliseconds.
    static func samples(_ times: Int, _ body: (Int) throws -> Void) rethrows -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(times)
        for i in 0..<times {
            let t0 = nowNanos()
            try body(i)
            out.append(Double(nowNanos() - t0) / 1_000_000)
        }
        return out
    }
}

/// Summary statistics over timing samples.
struct Samples {
    var values: [Double]
    init(_ values: [Double]) { self.values = values.sorted() }
    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(values.count - 1)).rounded())
        return values[min(max(rank, 0), values.count - 1)]
    }
}
