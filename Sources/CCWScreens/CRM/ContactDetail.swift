import CCWDomain
import CCWViewModels
import TerminalKit

/// The profile of one contact: who, where, how to reach them, status, score, tags.
struct ContactDetail: Widget {
    var row: ContactRow?
    var theme: Theme
    var narrow: Bool

    func render(_ area: Rect, on surface: Surface) {
        let block = Block(title: "Contact", footer: narrow ? "Esc back" : nil, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard let row else {
            surface.put("select a contact to see it", in: inner.row(0), style: theme[.muted])
            return
        }
        let c = row.record.contact
        func field(_ label: String, _ value: String?) -> [TextSpan]? {
            guard let value, !value.isEmpty else { return nil }
            return [TextSpan(label.padded(toWidth: 9), role: .muted), TextSpan(value)]
        }
        var lines: [[TextSpan]] = [[TextSpan(c.fullName, role: .title)]]
        let role = [c.title, c.department].filter { !$0.isEmpty }.joined(separator: ", ")
        if !role.isEmpty { lines.append([TextSpan(role)]) }
        lines.append([])
        lines += [
            field("Company", row.companyName), field("Email", c.email?.value), field("Phone", c.phone?.e164),
            field("Mobile", c.mobile?.e164), field("Status", c.status.rawValue), field("Score", "\(c.leadScore)"),
            field("Owner", row.ownerLogin), field("Source", c.source), field("Tags", c.tags.joined(separator: ", ")),
            field("City", [c.address.postalCode, c.address.city].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")),
        ].compactMap { $0 }
        Paragraph(lines, theme: theme).render(inner, on: surface)
    }
}
