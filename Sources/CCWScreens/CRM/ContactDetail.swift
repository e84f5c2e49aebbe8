import CCWCore
import CCWDomain
import CCWViewModels
import Foundation
import TerminalKit

/// One contact on one screen: who, where, how to reach them, status and owner; the lead score
/// and the rules that gave it; their deals and open tasks; and the activity timeline (calls,
/// emails, meetings, notes, tasks, deal stage changes and edits, newest first). Wide enough,
/// the timeline stands in a column of its own.
struct ContactDetail: Widget {
    var row: ContactRow?
    var overview: ContactOverview?
    var theme: Theme
    var narrow: Bool
    var today: CalendarDate?
    var zone: TimeZone = .gmt

    func render(_ area: Rect, on surface: Surface) {
        let block = Block(title: "Contact", footer: narrow ? "i log call · t task · E email · e edit · M merge · Esc back" : nil, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard let row else {
            surface.put("select a contact to see it", in: inner.row(0), style: theme[.muted])
            return
        }
        if inner.width >= 70 {
            let (left, right) = inner.splitLeft(inner.width / 2)
            draw(profile(row) + [[]] + dealsAndTasks(), in: left.inset(right: 1), on: surface)
            draw(activity(), in: right.inset(left: 1), on: surface)
        } else {
            draw(profile(row) + [[]] + dealsAndTasks() + [[]] + activity(), in: inner, on: surface)
        }
    }

    /// Lines cut at the edge (never wrapped, so every entry keeps one line).
    private func draw(_ lines: [[TextSpan]], in area: Rect, on surface: Surface) {
        let base = theme[.base]
        for (i, spans) in lines.prefix(area.height).enumerated() {
            var x = area.x
            for span in spans where x < area.maxX {
                x += surface.put(span.text, x: x, y: area.y + i, style: span.style(over: base, theme: theme), maxX: area.maxX)
            }
        }
    }

    private func field(_ label: String, _ value: String?, role: ThemeRole? = nil) -> [TextSpan]? {
        guard let value, !value.isEmpty else { return nil }
        return [TextSpan(label.padded(toWidth: 9), role: .muted), TextSpan(value, role: role)]
    }

    private func profile(_ row: ContactRow) -> [[TextSpan]] {
        let c = overview?.record.contact ?? row.record.contact
        var lines: [[TextSpan]] = [[TextSpan(c.fullName, role: .title)]]
        let role = [c.title, c.department].filter { !$0.isEmpty }.joined(separator: ", ")
        if !role.isEmpty { lines.append([TextSpan(role)]) }
        let city = [c.address.postalCode, c.address.city].filter { !$0.isEmpty }.joined(separator: " ")
        lines += [
            field("Company", overview?.companyName ?? row.companyName), field("Email", c.email?.value), field("Phone", c.phone?.e164),
            field("Mobile", c.mobile?.e164), field("Status", c.status.rawValue, role: ContactsSection.role(c.status)),
            field("Owner", overview?.ownerLogin ?? row.ownerLogin, role: .accent), field("Source", c.source),
            field("Tags", c.tags.joined(separator: ", ")),
            field("Address", [c.address.line1, city, c.address.country].filter { !$0.isEmpty }.joined(separator: ", ")),
        ].compactMap { $0 }
        let score = overview?.score
        lines.append([TextSpan("Score".padded(toWidth: 9), role: .muted), TextSpan("\(score?.total ?? c.leadScore)", role: .accent),
                      TextSpan(score.map { $0.reasons.isEmpty ? "" : "  from \($0.reasons.count) rule\($0.reasons.count == 1 ? "" : "s")" } ?? "", role: .muted)])
        for line in score?.explanation.prefix(4) ?? [] { lines.append([TextSpan("  " + line, role: .muted)]) }
        return lines
    }

    private func dealsAndTasks() -> [[TextSpan]] {
        guard let o = overview else { return [] }
        var lines: [[TextSpan]] = [[TextSpan("Deals", role: .title), TextSpan(o.deals.isEmpty ? "  none" : "  \(o.deals.count)", role: .muted)]]
        for d in o.deals.prefix(5) {
            let role: ThemeRole? = d.stageKind == .won ? .success : d.stageKind == .lost ? .muted : nil
            lines.append([TextSpan("  " + d.stage.padded(toWidth: 11), role: .info), TextSpan(CompactMoney.text(d.value).padded(toWidth: 10), role: role),
                          TextSpan(d.name, role: role)])
        }
        lines.append([TextSpan("Open tasks", role: .title), TextSpan(o.openTasks.isEmpty ? "  none" : "  \(o.openTasks.count)", role: .muted)])
        for t in o.openTasks.prefix(5) {
            let overdue = t.due.map { due in today.map { due < $0 } ?? false } ?? false
            lines.append([TextSpan("  " + (t.due.map { String($0.description.dropFirst(5)) } ?? "     "), role: overdue ? .error : .muted),
                          TextSpan("  " + t.title), TextSpan("  " + t.assignee, role: .accent)])
        }
        return lines
    }

    private func activity() -> [[TextSpan]] {
        guard let o = overview else { return [] }
        var lines: [[TextSpan]] = [[TextSpan("Activity", role: .title), TextSpan(o.timeline.isEmpty ? "  nothing yet · i logs a call" : "", role: .muted)]]
        for e in o.timeline {
            let day = ZonedTime.format(e.at, in: zone)
            lines.append([TextSpan(String(day.dropFirst(5).prefix(5)) + " ", role: .muted), TextSpan(Self.badge(e.kind) + " ", role: Self.role(e.kind)),
                          TextSpan(e.text), TextSpan(e.by.map { " · \($0)" } ?? "", role: .muted)])
        }
        return lines
    }

    static func badge(_ kind: TimelineEntry.Kind) -> String {
        switch kind {
        case .call: "call "
        case .email: "email"
        case .meeting: "meet "
        case .note: "note "
        case .task: "task "
        case .stage: "deal "
        case .edit: "edit "
        }
    }

    static func role(_ kind: TimelineEntry.Kind) -> ThemeRole {
        switch kind {
        case .call, .email, .meeting: .accent
        case .note: .info
        case .task: .warning
        case .stage: .success
        case .edit: .muted
        }
    }
}
