import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Two contacts side by side, one line per field that differs: ←/h takes the left value,
/// →/l the right one, `c` combines tags or custom fields, `x` swaps which contact survives,
/// Ctrl-S merges (after a confirmation that says what moves).
final class ContactMergePanel: Panel {
    let model: ContactMergeModel
    let context: ScreenContext
    var onClose: () -> Void = {}
    /// Called with the surviving contact after the merge.
    var onMerged: (ContactRecord) -> Void = { _ in }
    private var grid = GridPane()

    static let takeLeft = CommandSpec("crm.merge.left", "take left", group: "Merge", help: "Use the left contact's value for this field", keys: ["left", "h"], showInHints: true)
    static let takeRight = CommandSpec("crm.merge.right", "take right", group: "Merge", help: "Use the right contact's value for this field", keys: ["right", "l"], showInHints: true)
    static let combine = CommandSpec("crm.merge.combine", "combine", group: "Merge", help: "Keep both (tags and custom fields)", keys: ["c"], showInHints: true)
    static let swap = CommandSpec("crm.merge.swap", "swap", group: "Merge", help: "Keep the right contact instead (it keeps its id and history)", keys: ["x"], showInHints: true)
    static let merge = CommandSpec("crm.merge.run", "merge", group: "Merge", help: "Merge the two contacts", keys: ["ctrl+s", "F2"], showInHints: true, changesData: true)

    init(model: ContactMergeModel, context: ScreenContext) {
        self.model = model
        self.context = context
    }

    var commands: [CommandSpec] {
        [Self.merge, Self.takeLeft, Self.takeRight, Self.combine, Self.swap, FormCommands.cancel, ListCommands.up, ListCommands.down,
         ListCommands.first, ListCommands.last]
    }
    var isDirty: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case ListCommands.up.id: model.send(.move(.up))
        case ListCommands.down.id: model.send(.move(.down))
        case ListCommands.first.id: model.send(.move(.first))
        case ListCommands.last.id: model.send(.move(.last))
        case Self.takeLeft.id: model.send(.take(fromA: true))
        case Self.takeRight.id: model.send(.take(fromA: false))
        case Self.combine.id: model.send(.combine)
        case Self.swap.id: model.send(.swap)
        case Self.merge.id: confirm()
        case FormCommands.cancel.id, GlobalCommands.back.id: onClose()
        default: return false
        }
        if let e = model.error { context.toast(e, .warning) }
        return true
    }

    private func confirm() {
        let a = model.a.contact.fullName, b = model.b.contact.fullName
        context.present(.confirm(title: "Merge \(b) into \(a)?",
                                 message: ["\(b)'s calls, emails, tasks and deals move to \(a);",
                                           "\(b) is deleted. Both contacts' audit logs record the merge."],
                                 destructive: true) { [weak self] in
            guard let self else { return }
            model.send(.merge)
            if let result = model.result {
                let r = result
                context.toast("Merged into \(r.survivor.contact.fullName): \(r.movedInteractions) interactions, \(r.movedTasks) tasks, \(r.movedDeals) deals moved", .success)
                onMerged(r.survivor)
                onClose()
            } else if let e = model.error {
                context.toast(e, .error)
            }
        })
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let a = model.a, b = model.b
        let block = Block(title: "Merge contacts", footer: "←/→ choose · c combine · x swap · Ctrl-S merge · Esc cancel", focused: true, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        let (head, body) = inner.splitTop(2)
        surface.put("Keeps \(a.contact.fullName) (#\(a.id.rawValue)); \(b.contact.fullName) (#\(b.id.rawValue)) is merged into it and deleted.",
                    in: head.row(0), style: theme[.info])
        let rows = model.rows
        let columns = [
            GridColumn("Field", width: .fixed(14)),
            GridColumn("Keep: \(a.contact.fullName)", width: .flex(min: 10, weight: 1)),
            GridColumn("Merge in: \(b.contact.fullName)", width: .flex(min: 10, weight: 1)),
            GridColumn("Result", width: .flex(min: 10, weight: 1)),
        ]
        grid.draw(columns: columns, count: rows.count, selected: model.selected, row: { [model] i in
            let r = rows[i]
            let left = model.text(r.field, r.a, of: a.contact), right = model.text(r.field, r.b, of: b.contact)
            let takesA = r.choice != .keepB, takesB = r.choice != .keepA
            return GridRow([ContactFormPanel.label(r.field), left, right, model.merged(r)],
                           cellRoles: [r.isConflict ? .warning : .muted, takesA ? .success : .muted, takesB ? .success : .muted, nil])
        }, in: body, on: surface, theme: theme, emptyText: "The two contacts hold the same values")
    }
}
