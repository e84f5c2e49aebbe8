import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// One deal in full: who it is with, value and probability, dates, owner, its line items (exact
/// amounts with discounts) and every stage move with who made it and why it was lost.
struct DealDetailView: Widget {
    var detail: DealDetail
    var session: AppSession
    var theme: Theme
    var scroll: Int

    func render(_ area: Rect, on surface: Surface) {
        let block = Block(title: "Deal", footer: "Esc back · j/k scroll", focused: true, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        let lines = self.lines(width: inner.width)
        Paragraph(lines, theme: theme, scroll: max(0, min(scroll, lines.count - inner.height))).render(inner, on: surface)
    }

    func lines(width: Int) -> [[TextSpan]] {
        let deal = detail.record.deal
        func field(_ label: String, _ value: String, role: ThemeRole? = nil) -> [TextSpan] {
            [TextSpan(label.padded(toWidth: 16), role: .muted), TextSpan(value, role: role)]
        }
        let stage = detail.stage
        var lines: [[TextSpan]] = [[TextSpan(deal.name, role: .title)], []]
        lines.append(field("Company", detail.companyName ?? "(none)"))
        lines.append(field("Contacts", detail.contactNames.isEmpty ? "(none)" : detail.contactNames.joined(separator: ", ")))
        lines.append(field("Value", deal.value.formattedWithCode))
        lines.append(field("Probability", "\(deal.probability)% · weighted \(deal.weightedValue.formattedWithCode)"))
        let days = StageMove.daysInStage(deal, now: session.clock.now(), zone: session.scope.zone)
        let stageRole: ThemeRole? = switch stage?.kind {
        case .won?: .success
        case .lost?: .error
        default: nil
        }
        lines.append(field("Stage", "\(stage?.name ?? deal.stageID.description) (\(detail.pipeline.name)) · \(days) \(days == 1 ? "day" : "days") in stage", role: stageRole))
        if !deal.lostReason.isEmpty { lines.append(field("Lost reason", deal.lostReason, role: .error)) }
        lines.append(field("Expected close", deal.expectedCloseDate?.description ?? "(not set)"))
        if let closed = deal.actualCloseDate { lines.append(field("Closed", closed.description)) }
        lines.append(field("Owner", detail.ownerLogin))
        if !deal.source.isEmpty { lines.append(field("Source", deal.source)) }
        if !deal.tags.isEmpty { lines.append(field("Tags", deal.tags.joined(separator: ", "))) }

        lines.append([])
        lines.append([TextSpan("Line items", role: .header)])
        if deal.lineItems.isEmpty {
            lines.append([TextSpan("none: the value is entered directly", role: .muted)])
        } else {
            let amountWidth = 14
            let descriptionWidth = max(10, width - 3 * amountWidth - 8 - 4)
            lines.append([TextSpan("Item".padded(toWidth: descriptionWidth) + " " + "Qty".padded(toWidth: 6, alignRight: true) + " "
                                   + "Unit price".padded(toWidth: amountWidth, alignRight: true) + " "
                                   + "Discount".padded(toWidth: amountWidth, alignRight: true) + " "
                                   + "Total".padded(toWidth: amountWidth, alignRight: true), role: .muted)])
            for item in deal.lineItems {
                let discount: String = switch item.discount {
                case .none: ""
                case .percent(let p): "\(p)%"
                case .amount(let m): "-" + m.formatted
                }
                let total = (try? item.lineTotal())?.formatted ?? "?"
                lines.append([TextSpan(item.description.padded(toWidth: descriptionWidth) + " "
                                       + "\(item.quantity)".padded(toWidth: 6, alignRight: true) + " "
                                       + item.unitPrice.formatted.padded(toWidth: amountWidth, alignRight: true) + " "
                                       + discount.padded(toWidth: amountWidth, alignRight: true) + " "
                                       + total.padded(toWidth: amountWidth, alignRight: true))])
            }
        }

        lines.append([])
        lines.append([TextSpan("Stage history", role: .header)])
        for move in detail.history {
            let when = session.timestampText(move.entry.movedAt)
            let path = move.fromStage.map { "\($0) → \(move.toStage)" } ?? "started in \(move.toStage)"
            var spans = [TextSpan(when + "  ", role: .muted), TextSpan(path),
                         TextSpan("  \(move.entry.probabilityAfter)%", role: .muted), TextSpan("  by \(move.movedBy)", role: .accent)]
            if !move.entry.lostReason.isEmpty { spans.append(TextSpan("  lost: \(move.entry.lostReason)", role: .error)) }
            lines.append(spans)
        }
        return lines
    }
}
