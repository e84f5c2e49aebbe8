import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Win/loss: how closed deals of a pipeline ended, by stage, owner and lost reason, and
/// (`v`) the forecast of open deals by expected close month, weighted by probability, beside
/// what was won each month. `t` changes the period, `p` the pipeline.
final class AnalysisSection: CRMSection {
    let model: DealAnalysisModel
    let context: ScreenContext
    private var showingForecast = false
    private var loaded = false

    static let view = CommandSpec("crm.analysis.view", "forecast/win-loss", group: "Win/loss",
                                  help: "Switch between win/loss and the forecast", keys: ["v"], showInHints: true)
    static let period = CommandSpec("crm.analysis.period", "period…", group: "Win/loss",
                                    help: "Count deals closed in the last 90 days, 12 months or ever", keys: ["t"], showInHints: true)
    static let pipeline = CommandSpec("crm.analysis.pipeline", "pipeline…", group: "Win/loss", help: "Analyse another pipeline",
                                      keys: ["p"], showInHints: true)

    init(session: AppSession, context: ScreenContext) {
        self.model = DealAnalysisModel(session: session)
        self.context = context
    }

    var title: String { "Win/loss" }
    var name: String { "analysis" }
    var commands: [CommandSpec] { [Self.view, Self.period, Self.pipeline] }
    var disabledCommands: [String: String] { [:] }
    var hasTextFocus: Bool { false }
    var hasUnsavedChanges: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case Self.view.id: showingForecast.toggle()
        case Self.period.id:
            let periods = DealAnalysisModel.Period.allCases
            context.present(.pick(title: "Deals closed in", options: periods.map(\.rawValue),
                                  selected: periods.firstIndex(of: model.period) ?? 0) { [weak self] i in
                self?.model.send(.setPeriod(periods[i]))
            })
        case Self.pipeline.id:
            let records = model.pipelines
            guard !records.isEmpty else { return true }
            context.present(.pick(title: "Analyse pipeline", options: records.map(\.pipeline.name),
                                  selected: records.firstIndex { $0.id == model.pipeline?.id } ?? 0) { [weak self] i in
                self?.model.send(.choosePipeline(records[i].id))
            })
        default: return false
        }
        return true
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        let (line, body) = area.splitTop(1)
        surface.fill(line, style: theme[.base])
        guard let analysis = model.winLoss, let forecast = model.forecast, let pipeline = model.pipeline else {
            surface.put(model.error ?? "loading…", in: line, style: theme[model.error == nil ? .muted : .error])
            return
        }
        if showingForecast {
            surface.put("\(pipeline.name) · forecast of open deals by expected close month · v win/loss", in: line, style: theme[.muted])
            drawForecast(forecast, in: body, on: surface, theme: theme)
        } else {
            let o = analysis.overall
            let rate = o.winRate.map { "\($0)%" } ?? "–"
            surface.put("\(pipeline.name) · closed \(model.period.rawValue): \(o.won) won, \(o.lost) lost · win rate \(rate) · v forecast",
                        in: line, style: theme[.muted])
            drawWinLoss(analysis, in: body, on: surface, theme: theme)
        }
    }

    // MARK: Win/loss

    private func drawWinLoss(_ analysis: WinLossAnalysis, in area: Rect, on surface: Surface, theme: Theme) {
        let (left, right) = area.splitLeft(max(54, area.width * 11 / 20))
        let stageHeight = min(left.height / 2, analysis.byStage.count + 3)
        let (stageArea, ownerArea) = left.splitTop(stageHeight)
        let base = model.currency
        table("By stage", headers: ["Stage", "Passed", "Won", "Lost", "Win %", "Lost here"], rows: analysis.byStage.map { row in
            [row.stage.name, "\(row.passedThrough.closed)", "\(row.passedThrough.won)", "\(row.passedThrough.lost)",
             row.passedThrough.winRate.map { "\($0)" } ?? "–", "\(row.lostHere)"]
        }, empty: "no closed deals in this period", in: stageArea, on: surface, theme: theme)
        table("By owner", headers: ["Owner", "Won", "Lost", "Win %", "Won value"], rows: analysis.byOwner.map { row in
            [model.ownerName(row.owner), "\(row.tally.won)", "\(row.tally.lost)", row.tally.winRate.map { "\($0)" } ?? "–",
             CompactMoney.text(row.tally.wonValue, base: base)]
        }, empty: "no closed deals in this period", in: ownerArea, on: surface, theme: theme)

        guard right.width >= 40 else {
            table("Lost reasons", headers: ["Reason", "Lost", "Share"], rows: analysis.byReason.map { row in
                [row.reason, "\(row.count)", "\(row.share)%"]
            }, empty: "no lost deals in this period", in: right, on: surface, theme: theme)
            return
        }
        let block = Block(title: "Lost reasons", theme: theme)
        block.render(right, on: surface)
        let items = analysis.byReason.map { row in
            BarItem(row.reason, magnitude: Double(row.count), valueText: "\(row.count) · \(row.share)%", role: .error)
        }
        BarChart(items, theme: theme, emptyText: "no lost deals in this period").render(block.inner(right).inset(left: 1, right: 1), on: surface)
    }

    // MARK: Forecast

    private func drawForecast(_ forecast: Forecast, in area: Rect, on surface: Surface, theme: Theme) {
        let base = model.currency
        let tableHeight = min(area.height / 2 + 2, forecast.rows.count + 5)
        let (tableArea, chartArea) = area.splitTop(tableHeight)
        var rows = forecast.rows.map { row in
            [Self.monthName(row.month), "\(row.expected.count)", CompactMoney.text(row.expected.total, base: base),
             CompactMoney.text(row.expected.weighted, base: base), "\(row.won.count)", CompactMoney.text(row.won.total, base: base)]
        }
        var roles = [ThemeRole?](repeating: nil, count: rows.count)
        rows.append(["overdue (date passed)", "\(forecast.overdue.count)", CompactMoney.text(forecast.overdue.total, base: base),
                     CompactMoney.text(forecast.overdue.weighted, base: base), "", ""])
        roles.append(forecast.overdue.count > 0 ? .warning : .muted)
        rows.append(["no expected date", "\(forecast.undated.count)", CompactMoney.text(forecast.undated.total, base: base),
                     CompactMoney.text(forecast.undated.weighted, base: base), "", ""])
        roles.append(.muted)
        let tableWidth = min(tableArea.width, 80)
        table("Forecast by expected close month", headers: ["Month", "Open", "Expected", "Weighted", "Won", "Won value"],
              rows: rows, roles: roles, empty: "no open deals",
              in: Rect(x: tableArea.x, y: tableArea.y, width: tableWidth, height: tableArea.height), on: surface, theme: theme)

        let block = Block(title: "Weighted forecast", theme: theme)
        block.render(chartArea, on: surface)
        let items = forecast.rows.map { row in
            let weighted = row.expected.weighted(in: base)
            return BarItem(Self.monthName(row.month), magnitude: Double(weighted.minor), valueText: CompactMoney.text(weighted), role: .chart)
        }
        BarChart(items, theme: theme, emptyText: "no open deals").render(block.inner(chartArea).inset(left: 1, right: 1), on: surface)
    }

    /// "Dec 2026".
    static func monthName(_ month: Forecast.Month) -> String {
        "\(CalendarDate.monthNames[month.month - 1].prefix(3)) \(month.year)"
    }

    /// A read-only table in a bordered block: the first column left-aligned and as wide as
    /// the space left (truncated with …), the figures right-aligned in columns as wide as their
    /// widest entry.
    private func table(_ title: String, headers: [String], rows: [[String]], roles: [ThemeRole?] = [], empty: String,
                       in area: Rect, on surface: Surface, theme: Theme) {
        guard !area.isEmpty else { return }
        let block = Block(title: title, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard !rows.isEmpty else {
            Paragraph([[TextSpan(empty, role: .muted)]], theme: theme).render(inner, on: surface)
            return
        }
        let widths = (1..<headers.count).map { c in ([headers[c]] + rows.map { $0[c] }).map(\.displayWidth).max() ?? 0 }
        let first = max(6, inner.width - widths.reduce(0) { $0 + $1 + 2 })
        func line(_ cells: [String]) -> String {
            cells[0].padded(toWidth: first) + zip(cells.dropFirst(), widths).map { "  " + $0.padded(toWidth: $1, alignRight: true) }.joined()
        }
        var lines = [[TextSpan(line(headers), role: .header)]]
        for (i, row) in rows.enumerated() { lines.append([TextSpan(line(row), role: roles.indices.contains(i) ? roles[i] : nil)]) }
        Paragraph(lines, theme: theme).render(inner, on: surface)
    }
}
