import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Deals: the kanban of one pipeline. A column per stage with its count, total and
/// probability-weighted total; cards largest first with company, value, probability, days in
/// stage and owner. H/L (or Shift+←/→) move the focused deal a stage; W and X close it as won
/// or lost (lost asks for the reason); Enter opens the deal, p picks the pipeline, m shows
/// only my deals, / narrows by name.
final class DealsSection: CRMSection {
    let model: DealBoardModel
    let context: ScreenContext
    private var state = KanbanState()
    private var detailScroll = 0
    private var loaded = false
    /// A form over the board (logging a call about the deal).
    private var panel: Panel?

    static let moveLeft = CommandSpec("crm.deal.move-left", "move ←", group: "Deals", help: "Move the deal to the previous stage",
                                      keys: ["H", "shift+left"], showInHints: true, changesData: true)
    static let moveRight = CommandSpec("crm.deal.move-right", "move →", group: "Deals", help: "Move the deal to the next stage",
                                       keys: ["L", "shift+right"], showInHints: true, changesData: true)
    static let win = CommandSpec("crm.deal.win", "Mark deal won", group: "Deals", help: "Move the deal straight to the won stage",
                                 keys: ["W"], changesData: true)
    static let lose = CommandSpec("crm.deal.lose", "Mark deal lost…", group: "Deals",
                                  help: "Move the deal straight to the lost stage (asks for the reason)", keys: ["X"], changesData: true)
    static let pipeline = CommandSpec("crm.deals.pipeline", "pipeline…", group: "Deals", help: "Show another pipeline",
                                      keys: ["p"], showInHints: true)
    static let mine = CommandSpec("crm.deals.mine", "my deals", group: "Deals", help: "Show only my deals, or everyone's again",
                                  keys: ["m"], showInHints: true)
    static let filter = CommandSpec("crm.deals.filter", "filter", group: "Deals", help: "Show deals whose name contains a text",
                                    keys: ["/"])
    static let add = CommandSpec("crm.deal.add", "new", group: "Deals", help: "Add a deal in the focused stage", keys: ["n"], showInHints: true, changesData: true)
    static let log = CommandSpec("crm.deal.log", "log call", group: "Deals", help: "Log a call, email, meeting or note about the selected deal",
                                 keys: ["i"], showInHints: true, changesData: true)
    static let detailUp = CommandSpec("crm.deal.detail.up", "Scroll up", group: "Deal", keys: ["up", "k"], inPalette: false)
    static let detailDown = CommandSpec("crm.deal.detail.down", "Scroll down", group: "Deal", keys: ["down", "j"], inPalette: false)

    init(session: AppSession, context: ScreenContext) {
        self.model = DealBoardModel(session: session)
        self.context = context
    }

    var title: String { "Deals" }
    var name: String { "deals" }
    var commands: [CommandSpec] {
        if let panel { return panel.commands }
        if model.detail != nil { return [GlobalCommands.back, Self.detailUp, Self.detailDown, Self.log] }
        return [Self.moveLeft, Self.moveRight, ListCommands.open, Self.add, Self.log, Self.pipeline, Self.mine, Self.filter, Self.win, Self.lose,
                ListCommands.copy] + ListCommands.movement
    }
    var disabledCommands: [String: String] {
        guard !model.canMove else { return [:] }
        let why = "your role may look at deals but not move them"
        return [Self.moveLeft.id: why, Self.moveRight.id: why, Self.win.id: why, Self.lose.id: why]
    }
    var hasTextFocus: Bool { panel != nil }
    var hasUnsavedChanges: Bool { panel?.isDirty == true }
    func handleText(_ key: KeyEvent) -> Bool { panel?.handleText(key) ?? false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func perform(_ commandID: String) -> Bool {
        if let panel { return panel.perform(commandID) }
        if commandID == Self.log.id { logInteraction(); return true }
        if commandID == Self.add.id, model.detail == nil { addDeal(); return true }
        // A command reaching the board means no dialog is open: a lost reason asked for and
        // not given (Esc) leaves the deal where it was.
        if model.pending != nil { model.send(.cancelMove) }
        if model.detail != nil { return performInDetail(commandID) }
        switch commandID {
        case ListCommands.left.id: model.send(.focusColumn(offset: -1))
        case ListCommands.right.id: model.send(.focusColumn(offset: 1))
        case ListCommands.up.id: model.send(.focusCard(.up))
        case ListCommands.down.id: model.send(.focusCard(.down))
        case ListCommands.pageUp.id: model.send(.focusCard(.pageUp))
        case ListCommands.pageDown.id: model.send(.focusCard(.pageDown))
        case ListCommands.first.id: model.send(.focusCard(.first))
        case ListCommands.last.id: model.send(.focusCard(.last))
        case ListCommands.copy.id: if let card = model.focusedCard { context.copy(card.name) }
        case ListCommands.open.id: detailScroll = 0; model.send(.openDetail); report()
        case Self.moveLeft.id: handle(model.send(.moveCard(offset: -1)))
        case Self.moveRight.id: handle(model.send(.moveCard(offset: 1)))
        case Self.win.id: handle(model.send(.closeCard(won: true)))
        case Self.lose.id: handle(model.send(.closeCard(won: false)))
        case Self.mine.id:
            model.send(.toggleMine)
            context.toast(model.mineOnly ? "showing only my deals" : "showing everyone's deals", .info)
        case Self.pipeline.id: pickPipeline()
        case Self.filter.id:
            context.present(.prompt(title: "Filter deals", label: "Name contains", initial: model.filter.text ?? "",
                                    validate: { _ in nil }, onSubmit: { [weak self] text in self?.model.send(.setText(text)) }))
        default: return false
        }
        return true
    }

    private func performInDetail(_ commandID: String) -> Bool {
        switch commandID {
        case GlobalCommands.back.id, GlobalCommands.quit.id: model.send(.closeDetail)
        case Self.detailUp.id: detailScroll = max(0, detailScroll - 1)
        case Self.detailDown.id: detailScroll += 1
        default: return false
        }
        return true
    }

    private func handle(_ result: DealBoardModel.MoveResult?) {
        switch result {
        case .needsLostReason(let deal, let stage)?:
            context.present(.prompt(title: "Why was \(deal.truncated(toWidth: 30)) lost?", label: "Lost reason", initial: "",
                                    validate: { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "a lost reason is required to move to \(stage) (Esc keeps the deal where it is)" : nil },
                                    onSubmit: { [weak self] reason in
                                        guard let self else { return }
                                        self.handle(self.model.send(.confirmLostReason(reason)))
                                    }))
        case .nothing(let text)?: context.toast(text, .info)
        case .moved?, .refused?, .conflict?: report()
        case nil: break
        }
    }

    private func report() {
        if let m = model.message { context.toast(m.text, m.level) } else if let e = model.error { context.toast(e, .error) }
    }

    private func pickPipeline() {
        let records = model.pipelines
        guard !records.isEmpty else { context.toast("no pipeline yet", .info); return }
        let current = records.firstIndex { $0.id == model.pipeline?.id } ?? 0
        context.present(.pick(title: "Show pipeline", options: records.map(\.pipeline.name), selected: current) { [weak self] i in
            self?.model.send(.choosePipeline(records[i].id))
        })
    }

    // MARK: Drawing

    /// "New deal", starting in the focused column's stage.
    private func addDeal() {
        guard model.session.can(.create, in: .crm) else {
            context.toast("adding deals needs CRM create rights (you are \(model.session.role.title))", .warning)
            return
        }
        guard let pipeline = model.pipeline else { return }
        let stage = model.columns.indices.contains(model.focusedColumn) ? model.columns[model.focusedColumn].stage : nil
        let panel = NewDealPanel(model: NewDealModel(session: model.session, pipeline: pipeline, stage: stage), context: context)
        panel.onSaved = { [weak self] _ in self?.model.send(.reload) }
        panel.onClose = { [weak self] in self?.panel = nil }
        self.panel = panel
    }

    /// "Log a call" about the focused deal (or the one open in the detail).
    private func logInteraction() {
        guard model.session.can(.create, in: .crm) else {
            context.toast("logging interactions needs CRM create rights (you are \(model.session.role.title))", .warning)
            return
        }
        let deal: (DealID, String)? = model.detail.map { ($0.record.id, $0.record.deal.name) } ?? model.focusedCard.map { ($0.id, $0.name) }
        guard let (id, name) = deal else { return }
        let form = InteractionFormModel(session: model.session, about: .init(deal: id, name: name))
        let panel = InteractionFormPanel(model: form, context: context)
        panel.onClose = { [weak self] in self?.panel = nil }
        self.panel = panel
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        if let panel { panel.draw(area, on: surface); return }
        if let detail = model.detail {
            DealDetailView(detail: detail, session: model.session, theme: theme, scroll: detailScroll).render(area, on: surface)
            return
        }
        let (line, body) = area.splitTop(1)
        drawSummary(line, on: surface, theme: theme)
        guard model.board != nil else {
            surface.put(model.error ?? "loading…", in: body.row(0), style: theme[model.error == nil ? .muted : .error])
            return
        }
        let today = model.session.today
        let base = model.session.baseCurrency
        let columns = model.columns.map { column in
            KanbanColumn(column.stage.name, headerLines: Self.header(column.totals, base: base),
                         cards: Self.cards(column, today: today))
        }
        let counts = columns.map(\.cards.count)
        if state.cardCounts != counts { state.setCardCounts(counts) }
        state.focusColumn(model.focusedColumn)
        if model.focusedCards.indices.contains(model.focusedColumn) { state.focusCard(model.focusedCards[model.focusedColumn]) }
        let empty = model.filterSummary.isEmpty ? "no deals" : "none match"
        KanbanBoard(columns: columns, theme: theme, emptyColumnText: empty).render(body, on: surface, state: &state)
    }

    private func drawSummary(_ row: Rect, on surface: Surface, theme: Theme) {
        surface.fill(row, style: theme[.base])
        guard let pipeline = model.pipeline else { return }
        var open = DealTotals()
        for column in model.columns where column.stage.kind == .open { open.add(column.totals) }
        let base = model.session.baseCurrency
        var text = "\(pipeline.name) · \(open.count) open · \(CompactMoney.text(open.total, base: base))"
            + " · weighted \(CompactMoney.text(open.weighted, base: base))"
        let filter = model.filterSummary
        if !filter.isEmpty { text += " · \(filter)" }
        surface.put(text, in: row, style: theme[filter.isEmpty ? .muted : .info])
        if !model.canMove {
            let note = "read-only"
            surface.put(note, in: row, alignment: .right, style: theme[.warning])
        }
    }

    /// "3 deals · €18,300" and "weighted €1,830".
    static func header(_ totals: DealTotals, base: CurrencyCode) -> [String] {
        let noun = totals.count == 1 ? "deal" : "deals"
        return ["\(CompactMoney.count(totals.count)) \(noun) · \(CompactMoney.text(totals.total, base: base))",
                "weighted \(CompactMoney.text(totals.weighted, base: base))"]
    }

    /// Title, company, "€12,500 · 50% · 3d" with the values right-aligned in the column, owner.
    static func cards(_ column: DealBoard.Column, today: CalendarDate) -> [KanbanCard] {
        let values = column.cards.map { CompactMoney.whole($0.value) }
        let width = values.map(\.displayWidth).max() ?? 0
        return zip(column.cards, values).map { card, value in
            let overdue = column.stage.kind == .open && (card.expectedCloseDate.map { $0 < today } ?? false)
            let role: ThemeRole? = switch column.stage.kind {
            case .won: .success
            case .lost: .error
            case .open: overdue ? .warning : nil
            }
            let figures = "\(value.padded(toWidth: width, alignRight: true)) · \(card.probability)% · \(card.daysInStage)d"
            return KanbanCard(card.name, details: [card.companyName ?? "(no company)", figures,
                                                   card.ownerLogin + (overdue ? " · overdue" : "")], role: role)
        }
    }
}
