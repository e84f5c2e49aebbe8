import Foundation

/// One benchmark figure: ours beside the baseline measured in the same run.
struct Figure {
    var metric: String
    var ours: Double
    var baseline: Double?
    var unit: String = "ms"
    /// The target from the issue, if any (ours must be at or below it, or at or above it
    /// for a rate).
    var target: Double?
    /// A rate (rows/s): more is better and the target is a floor.
    var higherIsBetter = false

    /// Nil without a target, else whether ours meets it.
    var met: Bool? { target.map { higherIsBetter ? ours >= $0 : ours <= $0 } }

    var ratio: String {
        guard let b = baseline, b > 0 else { return "-" }
        let r = ours / b
        return String(format: r < 0.1 ? "%.3fx" : "%.2fx", r)
    }
    var verdict: String {
        guard let t = target, let met else { return "" }
        let bound = "(target \(higherIsBetter ? ">=" : "<") \(Self.format(t)) \(unit))"
        return (met ? "ok " : "MISSED ") + bound
    }

    static func format(_ v: Double) -> String {
        if v >= 10_000 { return Int(v.rounded()).grouped }
        if v >= 100 { return String(format: "%.0f", v) }
        if v >= 10 { return String(format: "%.1f", v) }
        return String(format: "%.3f", v)
    }
}

/// Prints `metric | ours | baseline | ratio` as an aligned table.
enum ResultTable {
    static func render(_ figures: [Figure]) -> String {
        let header = ["metric", "ours", "baseline", "ratio", "target"]
        let rows = figures.map { f in
            [f.metric, Figure.format(f.ours) + " " + f.unit,
             f.baseline.map { Figure.format($0) + " " + f.unit } ?? "-", f.ratio, f.verdict]
        }
        var w = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { w[i] = max(w[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in
                let pad = String(repeating: " ", count: w[i] - c.count)
                return (i == 1 || i == 2 || i == 3) ? pad + c : c + pad
            }.joined(separator: " | ")
        }
        var out = line(header) + "\n" + w.map { String(repeating: "-", count: $0) }.joined(separator: "-|-") + "\n"
        for r in rows { out += line(r) + "\n" }
        return out
    }
}
