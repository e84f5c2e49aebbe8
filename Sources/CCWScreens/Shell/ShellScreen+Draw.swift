import CCWDomain
import CCWViewModels
import TerminalKit

extension ShellScreen {
    /// Draws a whole frame: top bar, module screen, hint bar, toasts, overlay.
    func draw(on surface: Surface) {
        let area = surface.bounds
        surface.fill(area, style: theme[.base])
        surface.cursor = nil
        guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else {
            drawTooSmall(area, on: surface)
            return
        }
        let (top, rest) = area.splitTop(1)
        let (main, bottom) = rest.splitBottom(1)
        drawTopBar(top, on: surface)
        activeScreen?.draw(main, on: surface)
        drawHintBar(bottom, on: surface)
        drawToasts(above: bottom, on: surface)
        overlay?.draw(area, on: surface, theme: theme)
    }

    private func drawTooSmall(_ area: Rect, on surface: Surface) {
        let lines = [
            "terminal too small",
            "(need \(Self.minimumSize.width)x\(Self.minimumSize.height), have \(area.width)x\(area.height))",
            "enlarge the window, or press q to quit",
        ]
        let y0 = max(0, area.height / 2 - 1)
        for (i, line) in lines.enumerated() where y0 + i < area.height {
            let x = max(0, (area.width - line.displayWidth) / 2)
            surface.put(line, x: x, y: y0 + i, style: i == 0 ? theme[.error] : theme[.base], maxX: area.width)
        }
    }

    /// `CCW │ Home  CRM  Inventory … │ org · user (role)`: tabs on the left, who and where on the right.
    private func drawTopBar(_ area: Rect, on surface: Surface) {
        surface.fill(area, style: theme[.topBar])
        let tabs = model.modules.map { TabItem($0.title, badge: model.badges[$0]) }
        let active = model.modules.firstIndex(of: model.active) ?? 0
        let scope = environment.session.scope
        let who = "\(scope.orgName) · \(scope.login) (\(scope.role.rawValue))"
        let brand = " CCW "
        surface.put(brand, x: area.x, y: area.y, style: theme[.accent].patched(with: theme[.topBar]).adding(.bold))
        let tabsX = area.x + brand.displayWidth
        let tabsWidth = Self.tabsWidth(tabs, glyphs: surface.glyphs)
        // The Tabs widget keeps two cells of slack for its scroll markers.
        let tabsArea = min(tabsWidth + 2, area.width - brand.displayWidth)
        let whoWidth = max(0, area.width - brand.displayWidth - tabsArea)
        Tabs(tabs, activeIndex: active, theme: theme).render(Rect(x: tabsX, y: area.y, width: tabsArea, height: 1), on: surface)
        if whoWidth >= 12 {
            let text = who.truncated(toWidth: whoWidth - 1, ellipsis: surface.glyphs.ellipsis) + " "
            surface.put(text, x: area.maxX - text.displayWidth, y: area.y, style: theme[.topBar])
        }
    }

    /// Who and where, for the bottom bar when the top bar has no room for it (80 columns).
    var identityText: String {
        let scope = environment.session.scope
        return "\(scope.login) (\(scope.role.rawValue)) · \(scope.orgName)"
    }

    func topBarHasIdentity(width: Int, glyphs: Glyphs) -> Bool {
        let tabs = model.modules.map { TabItem($0.title, badge: model.badges[$0]) }
        return width - " CCW ".displayWidth - min(Self.tabsWidth(tabs, glyphs: glyphs) + 2, width) >= 12
    }

    /// Which module tab is at column `x` of the top bar.
    func tabHit(x: Int) -> Module? {
        let tabs = model.modules.map { TabItem($0.title, badge: model.badges[$0]) }
        var left = " CCW ".displayWidth
        for (i, tab) in tabs.enumerated() {
            let w = Self.tabWidth(tab, glyphs: .unicode)
            if x >= left && x < left + w { return model.modules[i] }
            left += w + 1
        }
        return nil
    }

    /// Keys that matter here, then a pending-prefix marker (`g…`).
    private func drawHintBar(_ area: Rect, on surface: Surface) {
        let disabled = disabledCommands
        let hints = availableCommands
            .filter { $0.showInHints && disabled[$0.id] == nil && !$0.keys.isEmpty }
            .reduce(into: [CommandSpec]()) { acc, c in if !acc.contains(where: { $0.id == c.id }) { acc.append(c) } }
            .map { (key: $0.primaryKeyLabel, label: $0.title) }
        StatusBar(hints: hints, message: pendingKeysText.map { StatusMessage($0, severity: .info) }, theme: theme)
            .render(area, on: surface)
        // At 80 columns the identity moves here, right-aligned, if the hints leave room.
        if pendingKeysText == nil, !topBarHasIdentity(width: area.width, glyphs: surface.glyphs) {
            let used = hints.reduce(1) { $0 + $1.key.displayWidth + $1.label.displayWidth + 3 }
            let room = area.width - used - 2
            if room >= 16 {
                let text = identityText.truncated(toWidth: room, ellipsis: surface.glyphs.ellipsis) + " "
                surface.put(text, x: area.maxX - text.displayWidth, y: area.y, style: theme[.hintText])
            }
        }
    }

    /// `g…` while a multi-key sequence waits for its next key.
    private var pendingKeysText: String? {
        pendingKeys.isEmpty ? nil : pendingKeys.map(\.description).joined(separator: " ") + " …"
    }

    private func drawToasts(above bar: Rect, on surface: Surface) {
        guard !model.notices.isEmpty else { return }
        let items = model.notices.map { TerminalKit.Toast($0.message, severity: $0.level.widgetSeverity) }
        let area = Rect(x: 0, y: 1, width: bar.width, height: bar.y - 1)
        ToastStack(items, maxVisible: ShellModel.maxNotices, theme: theme).render(area, on: surface)
    }
}

extension ShellScreen {
    /// The width the Tabs widget gives one tab: " title", a badge, and a trailing space.
    static func tabWidth(_ tab: TabItem, glyphs: Glyphs) -> Int {
        let badge = tab.badge.flatMap { $0 > 0 ? " " + glyphs.badge($0) : nil } ?? ""
        return 1 + tab.title.displayWidth + badge.displayWidth + 1
    }

    static func tabsWidth(_ tabs: [TabItem], glyphs: Glyphs) -> Int {
        tabs.reduce(0) { $0 + tabWidth($1, glyphs: glyphs) } + max(0, tabs.count - 1)
    }
}

extension Notice.Level {
    var widgetSeverity: TerminalKit.Severity {
        switch self {
        case .info: .info
        case .success: .success
        case .warning: .warning
        case .error: .error
        }
    }
}
