import CCWCore
import CCWDomain
import TerminalKit

/// Lines of styled text drawn top-down and cut at the edge (never wrapped, so each entry
/// keeps one line): what the inventory details and drill-downs are made of.
struct SpanLines: Widget {
    var lines: [[TextSpan]]
    var theme: Theme

    func render(_ area: Rect, on surface: Surface) {
        let base = theme[.base]
        for (i, spans) in lines.prefix(area.height).enumerated() {
            var x = area.x
            for span in spans where x < area.maxX {
                x += surface.put(span.text, x: x, y: area.y + i, style: span.style(over: base, theme: theme), maxX: area.maxX)
            }
        }
    }
}

/// How inventory screens write quantities and money.
enum StockText {
    /// "1,250" or "12.500" with thousands grouped.
    static func quantity(_ q: Quantity) -> String {
        let text = q.description
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        let whole = Int64(parts[0]).map { NumberText.grouped(Int($0)) } ?? String(parts[0])
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func money(_ m: Money) -> String { m.formatted }

    /// A cell of the stock matrix: "120", "12 (9)" when reservations make available differ,
    /// with "!" at or below the reorder point and "✗" when out; "·" where nothing is kept.
    static func cell(_ cell: StockMatrixCell?) -> (String, ThemeRole?) {
        guard let cell else { return ("·", .muted) }
        var text = quantity(cell.onHand)
        if !cell.allocated.isZero { text += " (\(quantity(cell.available)))" }
        switch cell.status {
        case .out: return (text + " ✗", .error)
        case .low: return (text + " !", .warning)
        case .normal: return (text, cell.onHand.isZero ? .muted : nil)
        }
    }
}
