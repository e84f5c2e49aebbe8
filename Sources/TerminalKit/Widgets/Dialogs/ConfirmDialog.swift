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
