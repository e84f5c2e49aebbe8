/// A short-lived notice from background work ("Import finished: 1,204 contacts").
public struct Toast: Hashable, Sendable {
    public var text: String
    public var severity: Severity
    public init(_ text: String, severity: Severity = .info) { self.text = text; self.severity = severity }
}

/// A stack of toasts in the bottom-right corner of the area (pass the area above the status bar).
/// Give the toasts oldest first; the newest is drawn at the bottom and at most `maxVisible` show.
/// The owner removes expired ones; the widget only draws.
public struct ToastStack: Widget {
    public var toasts: [Toast]
    public var maxVisible: Int
    public var maxWidth: Int
    public var theme: Theme

    public init(_ toasts: [Toast], maxVisible: Int = 3, maxWidth: Int = 60, theme: Theme) {
        self.toasts = toasts; self.maxVisible = maxVisible; self.maxWidth = maxWidth; self.theme = theme
    }

    public func render(_ area: Rect, on surface: Surface) {
        let area = area.intersection(surface.bounds)
        guard area.width >= 8, area.height >= 3 else { return }
        let shown = Array(toasts.suffix(max(0, min(maxVisible, area.height / 3))))
        var bottom = area.maxY
        for toast in shown.reversed() {
            let text = toast.severity.symbol(surface.glyphs) + " " + toast.text
            let width = min(text.displayWidth + 4, maxWidth, area.width)
            let rect = Rect(x: area.maxX - width - (area.width > width ? 1 : 0), y: bottom - 3, width: width, height: 3)
            let base = theme[.dialog]
            surface.fillKeepingWide(rect, style: base)
            surface.box(rect, style: base.patched(with: theme[toast.severity.role]))
            surface.put(text, in: rect.inset(top: 1, left: 2, bottom: 1, right: 2), alignment: .left,
                        style: base.patched(with: theme[toast.severity.role]))
            bottom -= 3
        }
    }
}
