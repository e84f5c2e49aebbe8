/// The frame every dialog shares: a panel centred in the area, sized to its content (plus
/// border and one cell of padding each side), clipped to the area, filled with the `.dialog` role.
public enum DialogFrame {
    /// Draws the frame for content of `contentWidth` x `contentHeight` cells and returns the rect
    /// for the content (inside border and padding). `footer` goes on the bottom border.
    @discardableResult
    public static func draw(title: String?, contentWidth: Int, contentHeight: Int, footer: String? = nil,
                            in area: Rect, theme: Theme, on surface: Surface) -> Rect {
        let area = area.intersection(surface.bounds)
        let titleWidth = (title?.displayWidth ?? 0) + 6
        let width = min(area.width, max(contentWidth, titleWidth, (footer?.displayWidth ?? 0) + 4) + 4)
        let height = min(area.height, contentHeight + 2)
        let rect = area.centered(width: width, height: height)
        Block(title: title, footer: footer, focused: true, fillRole: .dialog, theme: theme).render(rect, on: surface)
        return rect.inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// Draws buttons centred in `row`: `[ label ]`, the selected one in the `.selected` role.
    /// `roles` colours a button when it is not selected (a destructive action in `.error`).
    static func buttons(_ labels: [String], selected: Int, roles: [ThemeRole?], in row: Rect, theme: Theme, on surface: Surface) {
        let texts = labels.map { "[ \($0) ]" }
        let total = texts.reduce(0) { $0 + $1.displayWidth } + max(0, texts.count - 1) * 2
        var x = row.x + max(0, (row.width - total) / 2)
        for (i, t) in texts.enumerated() {
            var style = theme[.dialog]
            if i < roles.count, let role = roles[i] { style = style.patched(with: theme[role]) }
            if i == selected { style = style.patched(with: theme[.selected]) }
            x += surface.put(t, x: x, y: row.y, style: style, maxX: row.maxX) + 2
        }
    }
}

/// Which button of a confirm dialog is selected.
public enum ConfirmChoice: Hashable, Sendable {
    case yes, no
    public var toggled: ConfirmChoice { self == .yes ? .no : .yes }
    /// The safe default: `.no` for destructive actions, `.yes` otherwise.
    public static func initial(destructive: Bool) -> ConfirmChoice { destructive ? .no : .yes }
}

/// A yes/no question that names what it acts on ("Delete 3 contacts?" then the names). For a
/// destructive action the yes button is in the error role and the default is no. The owner keeps
/// the `choice` and maps y/n/Left/Right/Enter/Esc.
public struct ConfirmDialog: Widget {
    public var title: String
    public var message: [String]
    public var yesLabel: String
    public var noLabel: String
    public var destructive: Bool
    public var choice: ConfirmChoice
    public var theme: Theme

    public init(title: String, message: [String], yesLabel: String = "Yes", noLabel: String = "No",
                destructive: Bool = false, choice: ConfirmChoice? = nil, theme: Theme) {
        self.title = title; self.message = message; self.yesLabel = yesLabel; self.noLabel = noLabel
        self.destructive = destructive; self.choice = choice ?? .initial(destructive: destructive); self.theme = theme
    }

    public func render(_ area: Rect, on surface: Surface) {
        let buttonsWidth = yesLabel.displayWidth + noLabel.displayWidth + 10
        let hint = "y \(yesLabel.lowercased())  n \(noLabel.lowercased())  Esc cancel"
        let textWidth = max(message.map(\.displayWidth).max() ?? 0, buttonsWidth, hint.displayWidth)
        let maxWidth = max(20, min(area.width - 8, 70))
        let inner = DialogFrame.draw(title: title, contentWidth: min(textWidth, maxWidth), contentHeight: message.count + 3,
                                     in: area, theme: theme, on: surface)
        guard !inner.isEmpty else { return }
        let dialog = theme[.dialog]
        for (i, line) in message.enumerated() where i < inner.height - 3 {
            surface.put(line, in: inner.row(i), alignment: .left, style: dialog)
        }
        let buttonsRow = inner.row(inner.height - 2)
        DialogFrame.buttons([yesLabel, noLabel], selected: choice == .yes ? 0 : 1,
                            roles: [destructive ? .error : nil, nil], in: buttonsRow, theme: theme, on: surface)
        surface.put(hint, in: inner.row(inner.height - 1), alignment: .center, style: dialog.patched(with: theme[.muted]))
    }
}
