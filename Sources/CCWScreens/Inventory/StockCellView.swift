import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// A drill into one stock-matrix cell: the product at one warehouse, its quantities against
/// the reorder point, the stock per bin and batch (with expiry), the serials held there and
/// the document that last moved each, and the newest movements at that warehouse.
struct StockCellView: Widget {
    var detail: StockCellDetail
    var theme: Theme

    func render(_ area: Rect, on surface: Surface) {
        let d = detail
        let block = Block(title: "\(d.row.sku) at \(d.warehouse.code)", footer: "Esc back to the matrix", focused: true, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        var left: [[TextSpan]] = [[TextSpan(d.row.name, role: .title)], [TextSpan(d.warehouse.name, role: .muted)]]
        if let cell = d.cell {
            let (text, role) = StockText.cell(cell)
            left.append([TextSpan("On hand   ", role: .muted), TextSpan("\(text) \(d.row.unit)", role: role)])
            if !cell.allocated.isZero {
                left.append([TextSpan("Reserved  ", role: .muted), TextSpan(StockText.quantity(cell.allocated))])
                left.append([TextSpan("Available ", role: .muted), TextSpan(StockText.quantity(cell.available))])
            }
            if let point = cell.reorderPoint { left.append([TextSpan("Reorder at", role: .muted), TextSpan(" " + StockText.quantity(point))]) }
        } else {
            left.append([TextSpan("No stock has been kept here.", role: .muted)])
        }
        left.append([])
        left.append([TextSpan("Bins and batches", role: .title)])
        if d.locations.isEmpty { left.append([TextSpan("  none", role: .muted)]) }
        for loc in d.locations {
            let parts = [loc.bin.isEmpty ? nil : "bin \(loc.bin)", loc.batch.isEmpty ? nil : "batch \(loc.batch)"].compactMap { $0 }
            let place = parts.isEmpty ? "no bin, no batch" : parts.joined(separator: " · ")
            left.append([TextSpan("  " + place.padded(toWidth: 26)), TextSpan(StockText.quantity(loc.onHand).padded(toWidth: 8, alignRight: true)),
                         TextSpan(loc.expiry.map { "  expires \($0)" } ?? "", role: .muted)])
        }
        if !d.reservations.isEmpty {
            left.append([])
            left.append([TextSpan("Reserved for", role: .title), TextSpan("  u releases", role: .muted)])
            for r in d.reservations { left.append([TextSpan("  " + Self.reservationText(r, unit: d.row.unit))]) }
        }
        if !d.serials.isEmpty {
            left.append([])
            left.append([TextSpan("Serials here", role: .title), TextSpan("  \(d.serials.count)", role: .muted)])
            for s in d.serials {
                left.append([TextSpan("  " + s.serial.padded(toWidth: 18)), TextSpan("\(s.movementKind) \(s.movementDate)", role: .muted),
                             TextSpan(s.reference.map { " · \($0)" } ?? "", role: .accent)])
            }
        }
        var right: [[TextSpan]] = [[TextSpan("Movements here", role: .title), TextSpan(d.movements.isEmpty ? "  none" : "  newest first", role: .muted)]]
        for l in d.movements {
            let m = l.movement
            let qty = (m.quantity.isPositive ? "+" : "") + StockText.quantity(m.quantity)
            right.append([TextSpan(String(m.date.dropFirst(5)) + " ", role: .muted), TextSpan(m.kind.padded(toWidth: 13), role: ProductDetailView.role(m.kind)),
                          TextSpan(qty.padded(toWidth: 8, alignRight: true)), TextSpan(StockText.quantity(l.balance).padded(toWidth: 8, alignRight: true)),
                          TextSpan("  " + (m.batch.isEmpty ? "" : "\(m.batch) ") + (m.reference ?? ""), role: .muted)])
        }
        if inner.width >= 90 {
            let (a, b) = inner.splitLeft(inner.width / 2)
            SpanLines(lines: left, theme: theme).render(a.inset(right: 1), on: surface)
            SpanLines(lines: right, theme: theme).render(b.inset(left: 1), on: surface)
        } else {
            SpanLines(lines: left + [[]] + right, theme: theme).render(inner, on: surface)
        }
    }

    /// "order:SO-1042   3 pcs  bin A-12-3".
    static func reservationText(_ r: StockReservationLine, unit: String) -> String {
        let place = [r.bin.isEmpty ? nil : "bin \(r.bin)", r.batch.isEmpty ? nil : "batch \(r.batch)"].compactMap { $0 }.joined(separator: " · ")
        return (r.document?.description ?? "?").padded(toWidth: 22) + (StockText.quantity(r.reserved) + " " + unit).padded(toWidth: 10, alignRight: true)
            + (place.isEmpty ? "" : "  " + place)
    }
}
