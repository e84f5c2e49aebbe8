import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// The profile of one company: its fields, parent and subsidiaries, open pipeline rolled up
/// over the subsidiaries, and the first few contacts and deals.
struct CompanyDetail: Widget {
    var data: CompanyDetailData?
    var theme: Theme
    var narrow: Bool

    func render(_ area: Rect, on surface: Surface) {
        let block = Block(title: "Company", footer: narrow ? "Esc back" : nil, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard let data else {
            surface.put("select a company to see it", in: inner.row(0), style: theme[.muted])
            return
        }
        let c = data.record.company
        let dot = surface.glyphs.dot
        func field(_ label: String, _ value: String?) -> [TextSpan]? {
            guard let value, !value.isEmpty else { return nil }
            return [TextSpan(label.padded(toWidth: 10), role: .muted), TextSpan(value)]
        }
        var lines: [[TextSpan]] = [[TextSpan(c.name, role: .title), TextSpan("  \(c.status.rawValue)", role: c.status == .active ? .success : .muted)]]
        let place = [[c.address.postalCode, c.address.city].filter { !$0.isEmpty }.joined(separator: " "), c.address.country]
            .filter { !$0.isEmpty }.joined(separator: ", ")
        lines += [
            field("Parent", data.parentName),
            field("Owns", data.subsidiaries == 0 ? nil : "\(data.subsidiaries) subsidiar\(data.subsidiaries == 1 ? "y" : "ies")"),
            field("Industry", c.industry), field("Employees", c.employeeCount?.description), field("Website", c.website),
            field("Email", c.email?.value), field("Phone", c.phone?.e164),
            field("Address", [c.address.line1, place].filter { !$0.isEmpty }.joined(separator: ", ")),
        ].compactMap { $0 }
        lines.append([])
        let pipeline = data.pipeline
        if pipeline.count == 0 {
            lines.append([TextSpan("Open pipeline", role: .muted), TextSpan("  none")])
        } else {
            let scopeText = data.subsidiaries > 0 ? " incl. subsidiaries" : ""
            lines.append([TextSpan("Open pipeline\(scopeText)", role: .muted)])
            lines.append([TextSpan("\(pipeline.count) open deal\(pipeline.count == 1 ? "" : "s")")])
            for currency in pipeline.currencies {
                lines.append([TextSpan(pipeline.total(in: currency).formattedWithCode, role: .accent)])
                lines.append([TextSpan("weighted ", role: .muted), TextSpan(pipeline.weighted(in: currency).formattedWithCode)])
            }
        }
        lines.append([])
        lines.append([TextSpan("Contacts (\(data.contactCount))", role: .muted)])
        for contact in data.contacts {
            let title = contact.contact.title.isEmpty ? "" : " \(dot) \(contact.contact.title)"
            lines.append([TextSpan(contact.contact.fullName), TextSpan(title, role: .muted)])
        }
        if data.contactCount > data.contacts.count {
            lines.append([TextSpan("\(surface.glyphs.ellipsis) \(data.contactCount - data.contacts.count) more", role: .muted)])
        }
        lines.append([])
        lines.append([TextSpan(data.deals.isEmpty ? "Deals: none" : "Latest deals", role: .muted)])
        for deal in data.deals {
            let stage = data.stageNames[deal.deal.stageID] ?? ""
            lines.append([TextSpan(deal.deal.name)])
            lines.append([TextSpan("  \(stage) \(dot) ", role: .muted), TextSpan(deal.deal.value.formattedWithCode)])
        }
        Paragraph(lines, theme: theme).render(inner, on: surface)
    }
}
