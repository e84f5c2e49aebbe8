import Foundation

/// One benchmark figure: ours beside the baseline measured in the same run.
struct Figure {
    var metric: String
    var ours: Double
    var baseline: Double?
    var unit: String = "ms"
    /// The target from the issue, if any (ours must be at or below it).
    var target: Double?

    var ratio: String {
        guard let b = baseline, b > 0 else { return "-" }
        let r = ours / b
        return String(format: r < 0.1 ? "%.3fx" : "%.2fx", r)
    }
    var verdict: String {
        guard let t = target else { return "" }
        return ours <= t ? "ok (target < \(Self.format(t)) \(unit))" : "MISSED (target < \(Self.format(t)) \(unit))"
    }

    static func format(_ v: Double) -> String {
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
