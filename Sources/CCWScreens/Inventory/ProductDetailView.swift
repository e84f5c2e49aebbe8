import CCWCore
import CCWDomain
import CCWViewModels
import Foundation
import TerminalKit

/// One product on one screen: its fields, sale price and price ladders (tier · currency · from
/// quantity → unit price), stock by warehouse and by bin/batch (or
/// its serials), the cost layers of each warehouse and the stock value, and the newest
/// movements of its ledger (kind, quantity, unit cost, cost of goods, balance, reference, who).
/// Wide enough, the ledger stands in a column of its own.
struct ProductDetailView: Widget {
    var overview: ProductOverview?
    var theme: Theme
    var narrow: Bool
    var zone: TimeZone = .gmt

    func render(_ area: Rect, on surface: Surface) {
        let block = Block(title: "Product", footer: narrow ? "e edit · p prices · Esc back" : nil, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard let o = overview else {
            surface.put("select a product to see it", in: inner.row(0), style: theme[.muted])
            return
        }
        if inner.width >= 90 {
            let (left, right) = inner.splitLeft(inner.width * 2 / 5)
            SpanLines(lines: fields(o) + prices(o, width: left.width - 1) + [[]] + stock(o) + [[]] + layers(o), theme: theme).render(left.inset(right: 1), on: surface)
            SpanLines(lines: ledger(o), theme: theme).render(right.inset(left: 1), on: surface)
        } else {
            SpanLines(lines: fields(o) + prices(o, width: inner.width) + [[]] + stock(o) + [[]] + layers(o) + [[]] + ledger(o), theme: theme)
                .render(inner, on: surface)
        }
    }

    private func field(_ label: String, _ value: String?, role: ThemeRole? = nil) -> [TextSpan]? {
        guard let value, !value.isEmpty else { return nil }
        return [TextSpan(label.padded(toWidth: 10), role: .muted), TextSpan(value, role: role)]
    }

    private func fields(_ o: ProductOverview) -> [[TextSpan]] {
        let p = o.product
        var lines: [[TextSpan]] = [[TextSpan(p.name, role: .title), TextSpan(p.active ? "" : "  inactive", role: .warning)]]
        let variants = o.variantCount > 0 ? "\(o.variantCount) variants" : o.parentSKU.map { "variant of \($0)" }
        let attributes = p.variantAttributes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines += [
            field("SKU", p.sku + (variants.map { "  · \($0)" } ?? ""), role: .accent), field("Barcode", p.barcode),
            field("Variant", attributes), field("Category", o.categoryPath), field("Brand", p.brand),
            field("Price", "\(p.price.formattedWithCode) per \(p.unit) · cost \(p.cost.formatted)"),
            field("Tax", p.taxCategory), field("Stock", "\(p.valuation) · tracked by \(p.tracking == .quantityOnly ? "quantity" : p.tracking.rawValue)"),
            field("Reorder", p.reorderPoint.map { "at \(StockText.quantity($0))" + (p.reorderQuantity.map { ", order \(StockText.quantity($0))" } ?? "") }),
            field("Supplier", p.supplierSKU.map { "SKU \($0)" }),
        ].compactMap { $0 }
        return lines
    }

    /// "Prices" (with the key that edits them) and each ladder: `  wholesale EUR  1 → 10.00 · 10 → 9.00 · 50 → 8.00`; breaks that
    /// do not fit continue on the next line (below the label itself when the pane is narrow).
    private func prices(_ o: ProductOverview, width: Int) -> [[TextSpan]] {
        guard !o.prices.isEmpty else { return [[], [TextSpan("Prices", role: .title), TextSpan("  sale price only · p adds", role: .muted)]] }
        let note = width < 40 ? "  qty → unit price · p edits" : "  from qty → unit price · p edits"
        var lines: [[TextSpan]] = [[], [TextSpan("Prices", role: .title), TextSpan(note, role: .muted)]]
        let labels = o.prices.map { "\($0.tier) \($0.currency.code)" }
        var labelWidth = min(20, (labels.map(\.displayWidth).max() ?? 0) + 4)
        let stacked = width - labelWidth < 24
        if stacked { labelWidth = 4 }
        for (ladder, label) in zip(o.prices, labels) {
            if stacked { lines.append([TextSpan("  " + label, role: .accent)]) }
            var row: [String] = []
            func flush(first: Bool) {
                let head = first && !stacked ? "  " + label : ""
                lines.append([TextSpan(head.padded(toWidth: labelWidth), role: .accent), TextSpan(row.joined(separator: " · "))])
                row = []
            }
            var first = true
            for step in ladder.breaks {
                let text = "\(StockText.quantity(step.minimumQuantity)) → \(step.unitPrice.formatted)"
                if !row.isEmpty && (row + [text]).joined(separator: " · ").displayWidth > width - labelWidth {
                    flush(first: first)
                    first = false
                }
                row.append(text)
            }
            if !row.isEmpty { flush(first: first) }
        }
        return lines
    }

    private func stock(_ o: ProductOverview) -> [[TextSpan]] {
        var lines: [[TextSpan]] = [[TextSpan("Stock by location", role: .title)]]
        let levels = o.levels.filter { !$0.level.onHand.isZero || !$0.level.allocated.isZero || $0.reorderPoint != nil }
        if levels.isEmpty {
            lines.append([TextSpan(o.variantCount > 0 ? "  kept by its \(o.variantCount) variants (Space shows them)" : "  none on hand", role: .muted)])
        }
        for l in levels {
            let cell = StockMatrixCell(onHand: l.level.onHand, allocated: l.level.allocated, reorderPoint: l.reorderPoint)
            let (text, role) = StockText.cell(cell)
            var spans = [TextSpan("  " + l.warehouseCode.padded(toWidth: 8), role: .accent), TextSpan(text.padded(toWidth: 12), role: role)]
            if let point = l.reorderPoint { spans.append(TextSpan("reorder at \(StockText.quantity(point))", role: .muted)) }
            lines.append(spans)
        }
        // A warehouse's stock outside any bin or batch only needs a line beside its bins.
        let placed = Set(o.locations.filter { !$0.bin.isEmpty || !$0.batch.isEmpty }.map(\.warehouseId))
        let shown = o.locations.filter { !$0.bin.isEmpty || !$0.batch.isEmpty || placed.contains($0.warehouseId) }
        for loc in shown.prefix(8) {
            let parts = [loc.bin.isEmpty ? nil : "bin \(loc.bin)", loc.batch.isEmpty ? nil : "batch \(loc.batch)"].compactMap { $0 }
            let place = parts.isEmpty ? "no bin" : parts.joined(separator: " ")
            lines.append([TextSpan("    \(loc.warehouseCode) \(place)".padded(toWidth: 26), role: .muted), TextSpan(StockText.quantity(loc.onHand).padded(toWidth: 7)),
                          TextSpan(loc.expiry.map { " exp \($0)" } ?? "", role: .muted)])
        }
        if shown.count > 8 { lines.append([TextSpan("    … \(shown.count - 8) more bins/batches (Stock › Enter)", role: .muted)]) }
        if !o.serials.isEmpty {
            let here = o.serials.filter { $0.warehouseCode != nil }
            lines.append([TextSpan("  serials in stock: \(here.count)", role: .muted)])
            for s in here.prefix(4) {
                lines.append([TextSpan("    " + s.serial.padded(toWidth: 18)), TextSpan(s.warehouseCode ?? "", role: .accent),
                              TextSpan("  \(s.movementKind) \(s.reference ?? "")", role: .muted)])
            }
        }
        return lines
    }

    private func layers(_ o: ProductOverview) -> [[TextSpan]] {
        var lines: [[TextSpan]] = [[TextSpan("Value ", role: .title), TextSpan(o.value.formattedWithCode, role: .accent),
                                    TextSpan("  \(o.product.valuation)", role: .muted)]]
        for pool in o.pools where !pool.layers.isEmpty {
            let average = pool.averageUnitCost.map { " · avg \($0.formatted)" } ?? ""
            lines.append([TextSpan("  " + pool.warehouseCode.padded(toWidth: 8), role: .accent),
                          TextSpan("\(StockText.quantity(pool.onHand)) = \(pool.value.formatted)\(average)")])
            if pool.method != .weightedAverage {
                for layer in pool.layers.prefix(4) {
                    lines.append([TextSpan("    \(layer.receivedOn)  ", role: .muted),
                                  TextSpan("\(StockText.quantity(layer.quantity)) @ \(layer.unitCost?.formatted ?? "–")".padded(toWidth: 16)),
                                  TextSpan(layer.value.formatted, role: .muted)])
                }
                if pool.layers.count > 4 { lines.append([TextSpan("    … \(pool.layers.count - 4) older layers", role: .muted)]) }
            }
        }
        return lines
    }

    private func ledger(_ o: ProductOverview) -> [[TextSpan]] {
        var lines: [[TextSpan]] = [[TextSpan("Movements", role: .title), TextSpan(o.ledger.isEmpty ? "  none yet" : "  newest first", role: .muted)]]
        if !o.ledger.isEmpty {
            let header = "  date  " + "kind".padded(toWidth: 9) + "where".padded(toWidth: 6) + "qty".padded(toWidth: 9, alignRight: true)
                + "unit cost".padded(toWidth: 11, alignRight: true) + "COGS".padded(toWidth: 11, alignRight: true)
                + "balance".padded(toWidth: 10, alignRight: true) + "  ref · who"
            lines.append([TextSpan(header, role: .muted)])
        }
        for l in o.ledger {
            let m = l.movement
            let qty = (m.quantity.isPositive ? "+" : "") + StockText.quantity(m.quantity)
            let who = [m.reference, l.login].compactMap { $0 }.joined(separator: " · ")
            lines.append([
                TextSpan("  " + String(m.date.dropFirst(5)) + " ", role: .muted),
                TextSpan(m.kind.padded(toWidth: 9), role: Self.role(m.kind)),
                TextSpan(l.warehouseCode.padded(toWidth: 6), role: .accent),
                TextSpan(qty.padded(toWidth: 9, alignRight: true)),
                TextSpan((m.unitCost?.formatted ?? "").padded(toWidth: 11, alignRight: true)),
                TextSpan((m.costOfGoods.isZero ? "" : m.costOfGoods.formatted).padded(toWidth: 11, alignRight: true), role: .muted),
                TextSpan(StockText.quantity(l.balance).padded(toWidth: 10, alignRight: true)),
                TextSpan("  " + who, role: .muted),
            ])
        }
        return lines
    }

    static func role(_ kind: String) -> ThemeRole? {
        switch kind {
        case "receive", "transfer-in": .success
        case "issue", "transfer-out": nil
        case "adjust", "count": .warning
        case "reversal": .error
        default: .muted
        }
    }
}
