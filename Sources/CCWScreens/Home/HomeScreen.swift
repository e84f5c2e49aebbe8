import CCWDomain
import CCWViewModels
import TerminalKit

/// Home: the organization at a glance (who and where), activity over two weeks, the latest
/// changes and the user's notifications.
final class HomeScreen: ModuleScreen {
    let model: HomeModel
    let context: ScreenContext

    static let markRead = CommandSpec("home.mark-read", "mark read", group: "Home",
                                      help: "Mark every notification read (clears the Home badge)", keys: ["m"], showInHints: true)

    init(session: AppSession, context: ScreenContext) {
        self.model = HomeModel(session: session)
        self.context = context
    }

    var module: Module { .home }
    var breadcrumb: String { "Home" }
    var commands: [CommandSpec] { [Self.markRead] }
    var disabledCommands: [String: String] { [:] }
    var hasTextFocus: Bool { false }
    var hasUnsavedChanges: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }
    func activate() { model.reload() }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case Self.markRead.id:
            model.markAllRead()
            context.toast("notifications marked read", .success)
            return true
        default:
            return false
        }
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let wide = area.width >= 110
        let factsHeight = model.facts.count + 2
        let (top, bottom) = area.splitTop(max(factsHeight, 7))
        let (factsArea, activityArea) = top.splitLeft(wide ? top.width / 2 : top.width * 11 / 20)
        drawFacts(factsArea, on: surface, theme: theme)
        drawActivity(activityArea, on: surface, theme: theme)
        if model.showsRecentChanges {
            let (recentArea, notesArea) = bottom.splitLeft(wide ? bottom.width * 3 / 5 : bottom.width * 11 / 20)
            drawRecent(recentArea, on: surface, theme: theme)
            drawNotifications(notesArea, on: surface, theme: theme)
        } else {
            drawNotifications(bottom, on: surface, theme: theme)
        }
        if let error = model.error {
            surface.put(error, in: area.row(area.height - 1), style: theme[.error])
        }
    }

    private func drawFacts(_ area: Rect, on surface: Surface, theme: Theme) {
        let block = Block(title: "At a glance", theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        let labelWidth = (model.facts.map(\.label.displayWidth).max() ?? 0) + 2
        for (i, fact) in model.facts.enumerated() where i < inner.height {
            let row = inner.row(i)
            surface.put(fact.label, in: Rect(x: row.x, y: row.y, width: labelWidth, height: 1), style: theme[.muted])
            surface.put(fact.value, in: row.inset(left: labelWidth), style: theme[.base])
        }
    }

    private func drawActivity(_ area: Rect, on surface: Surface, theme: Theme) {
        let block = Block(title: "Changes, last \(model.activityDays) days", theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 3 else { return }
        let counts = model.activity.map(\.count)
        let peak = counts.max() ?? 0
        surface.put("\(NumberText.grouped(model.activityTotal)) changes · busiest day \(NumberText.grouped(peak))",
                    in: inner.row(0), style: theme[.base])
        let sparkHeight = max(1, min(3, inner.height - 3))
        let chart = Rect(x: inner.x, y: inner.y + 1, width: min(inner.width, counts.count * 2), height: sparkHeight)
        // Two cells per day so a fortnight reads clearly.
        Sparkline(counts.flatMap { [Double($0), Double($0)] }, theme: theme).render(chart, on: surface)
        if let first = model.activity.first, let last = model.activity.last {
            let axis = Rect(x: inner.x, y: chart.maxY, width: chart.width, height: 1)
            surface.put(String(first.day.description.suffix(5)), in: axis, style: theme[.muted])
            surface.put(String(last.day.description.suffix(5)), in: axis, style: theme[.muted], alignRight: true)
        }
    }

    private func drawRecent(_ area: Rect, on surface: Surface, theme: Theme) {
        let block = Block(title: "Latest changes", footer: "g a for the audit log", theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        if model.recent.isEmpty {
            surface.put("nothing recorded yet", in: inner.row(0), style: theme[.muted])
            return
        }
        for (i, entry) in model.recent.enumerated() where i < inner.height {
            let row = inner.row(i)
            let when = String(model.session.timestampText(entry.at).suffix(11))
            let who = entry.login.truncated(toWidth: 10).padded(toWidth: 10)
            surface.put(when + " ", x: row.x, y: row.y, style: theme[.muted], maxX: row.maxX)
            surface.put(who + " ", x: row.x + 12, y: row.y, style: theme[.accent], maxX: row.maxX)
            surface.put(entry.summary, in: row.inset(left: 23), style: theme[.base])
        }
    }

    private func drawNotifications(_ area: Rect, on surface: Surface, theme: Theme) {
        let unread = model.notifications.filter { $0.readAt == nil }.count
        let block = Block(title: unread > 0 ? "Notifications (\(unread) unread)" : "Notifications", theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        if model.notifications.isEmpty {
            surface.put("no notifications", in: inner.row(0), style: theme[.muted])
            return
        }
        for (i, n) in model.notifications.enumerated() where i < inner.height {
            let severity = Notice.Level(rawValue: n.severity.rawValue)?.widgetSeverity ?? .info
            let marker = n.readAt == nil ? severity.symbol(surface.glyphs) : " "
            let role: ThemeRole = n.readAt == nil ? severity.role : .muted
            surface.put(marker + " " + n.title, in: inner.row(i), style: theme[.base].patched(with: theme[role]))
        }
    }
}
