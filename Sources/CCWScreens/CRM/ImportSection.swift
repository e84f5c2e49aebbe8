import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Import: `o` asks for a CSV file and shows its dry-run preview: the counts, how the
/// columns map, every bad row as `line N: reason` and the likely duplicates, in a list to
/// scroll. `I` imports all or nothing, `B` imports the good rows and skips the bad ones; both
/// ask first and end with a toast. Nothing is written before that.
final class ImportSection: CRMSection {
    let model: ContactImportModel
    let context: ScreenContext
    private var list = ListViewState()

    static let open = CommandSpec("crm.import.open", "open file", group: "Import", help: "Choose a CSV file of contacts to preview",
                                  keys: ["o"], showInHints: true)
    static let importAll = CommandSpec("crm.import.all", "import all", group: "Import",
                                       help: "Import every row, or nothing when any row is bad", keys: ["I"], showInHints: true,
                                       changesData: true)
    static let importGood = CommandSpec("crm.import.skip-bad", "import good rows", group: "Import",
                                        help: "Import the good rows and skip the bad ones", keys: ["B"], showInHints: true,
                                        changesData: true)

    init(session: AppSession, context: ScreenContext) {
        model = ContactImportModel(session: session)
        self.context = context
    }

    var title: String { "Import" }
    var name: String { "import" }
    var commands: [CommandSpec] { [Self.open, Self.importAll, Self.importGood] + ListCommands.movement }
    var disabledCommands: [String: String] {
        if !model.canImport {
            let why = "importing needs a role that may add contacts"
            return [Self.open.id: why, Self.importAll.id: why, Self.importGood.id: why]
        }
        var disabled: [String: String] = [:]
        if model.plan == nil {
            disabled[Self.importAll.id] = "open a file first (o)"
            disabled[Self.importGood.id] = "open a file first (o)"
        } else {
            if model.allOrNothingRows == nil {
                disabled[Self.importAll.id] = model.skipBadRowsRows == nil ? "no row can be imported" : "some rows are bad: fix them, or import the good rows (B)"
            }
            if model.skipBadRowsRows == nil { disabled[Self.importGood.id] = "no row can be imported" }
        }
        return disabled
    }
    var hasTextFocus: Bool { false }
    var hasUnsavedChanges: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }
    func activate() {}

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case Self.open.id:
            context.present(.prompt(title: "Import contacts", label: "CSV file", initial: model.path ?? "",
                                    validate: { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "type the path of a CSV file" : nil },
                                    onSubmit: { [weak self] path in self?.openFile(path) }))
        case Self.importAll.id:
            guard let rows = model.allOrNothingRows else { return true }
            confirm(.allOrNothing, "Import \(rows) contact\(rows == 1 ? "" : "s")?", "Every row of the file is saved, in one go.")
        case Self.importGood.id:
            guard let rows = model.skipBadRowsRows, let summary = model.summary else { return true }
            confirm(.skipBadRows, "Import \(rows) contact\(rows == 1 ? "" : "s")?",
                    "\(summary.invalid) bad row\(summary.invalid == 1 ? " is" : "s are") skipped and listed.")
        case ListCommands.down.id: list.moveDown()
        case ListCommands.up.id: list.moveUp()
        case ListCommands.pageDown.id: list.pageDown()
        case ListCommands.pageUp.id: list.pageUp()
        case ListCommands.first.id: list.home()
        case ListCommands.last.id: list.end()
        case ListCommands.left.id, ListCommands.right.id: break
        default: return false
        }
        return true
    }

    private func openFile(_ path: String) {
        model.send(.open(path))
        list = ListViewState()
        if let summary = model.summary {
            context.toast("preview: \(summary.valid) good, \(summary.invalid) bad row\(summary.invalid == 1 ? "" : "s")",
                          summary.invalid == 0 ? .info : .warning)
        } else if let first = model.error.first {
            context.toast(first, .error)
        }
    }

    private func confirm(_ mode: ImportMode, _ title: String, _ detail: String) {
        var message = [detail]
        if let flagged = model.summary?.flaggedDuplicates, flagged > 0 {
            message.append("\(flagged) likely duplicate\(flagged == 1 ? " is" : "s are") imported and flagged.")
        }
        if !model.newCompanies.isEmpty { message.append("New companies: \(model.newCompanies.joined(separator: ", "))") }
        context.present(.confirm(title: title, message: message, destructive: false) { [weak self] in
            guard let self else { return }
            self.model.send(.commit(mode))
            self.list = ListViewState()
            if let outcome = self.model.outcome {
                self.context.toast(outcome.summary(noun: "contact"), .success)
            } else {
                self.context.toast("nothing imported: \(self.model.error.first ?? "the import was refused")", .error)
            }
        })
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let footer = !model.canImport ? "read only: your role may not import" : "o open file · I import all · B import good rows"
        let block = Block(title: "Import contacts", footer: footer, focused: true, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        var header: [[TextSpan]] = []
        var items: [ListItem] = []
        if let path = model.path { header.append([TextSpan("file  ", role: .muted), TextSpan(path)]) }
        if let outcome = model.outcome {
            header.append([TextSpan(outcome.summary(noun: "contact"), role: .success)])
            items = outcome.skipped.map { ListItem("skipped " + $0.description, role: .error) }
        } else if let plan = model.plan, let summary = model.summary {
            header.append([TextSpan("rows  ", role: .muted), TextSpan("\(summary.rows) · "), TextSpan("\(summary.valid) good", role: .success),
                           TextSpan(" · "), TextSpan("\(summary.invalid) bad", role: summary.invalid > 0 ? .error : .base),
                           TextSpan(" · \(summary.flaggedDuplicates) likely duplicate\(summary.flaggedDuplicates == 1 ? "" : "s")",
                                    role: summary.flaggedDuplicates > 0 ? .warning : .base)])
            header.append([TextSpan("map   ", role: .muted), TextSpan(model.mapping.joined(separator: ", "))])
            if !model.newCompanies.isEmpty {
                header.append([TextSpan("new   ", role: .muted), TextSpan("companies: " + model.newCompanies.joined(separator: ", "))])
            }
            if !plan.canImport { header.append([TextSpan("all-or-nothing would import nothing: fix the bad rows, or B imports the good ones", role: .warning)]) }
            items = model.items.map { ListItem($0.text, role: $0.kind == .bad ? .error : .warning) }
        } else if model.error.isEmpty {
            header.append([TextSpan("o opens a CSV file of contacts (UTF-8, header row first).", role: .muted)])
            header.append([TextSpan("You see every bad row and likely duplicate before anything is written.", role: .muted)])
        }
        if !model.error.isEmpty {
            header.append([TextSpan(model.outcome == nil && model.plan == nil && model.path != nil ? "cannot import:" : "refused:", role: .error)])
            items = model.error.map { ListItem($0, role: .error) }
        }
        let wrappedLines = header.map { spans in max(1, (spans.map(\.text.displayWidth).reduce(0, +) + inner.width - 1) / max(1, inner.width)) }
        let headerHeight = min(inner.height, wrappedLines.reduce(0, +) + 1)
        let (top, rest) = inner.splitTop(headerHeight)
        Paragraph(header, theme: theme).render(top, on: surface)
        list.selection.setCount(items.count)
        ListView(items, theme: theme, emptyText: model.plan == nil ? "" : "no bad rows, no likely duplicates")
            .render(rest, on: surface, state: &list)
    }
}
