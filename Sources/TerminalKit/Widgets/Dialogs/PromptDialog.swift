/// Asks for one value: a label, a text input (from the owner's `TextInputState`), and an error
/// line under it when the owner's validation failed.
public struct PromptDialog: StatefulWidget {
    public var title: String
    public var label: String
    public var placeholder: String
    public var error: String?
    public var masked: Bool
    public var inputWidth: Int
    public var theme: Theme

    public init(title: String, label: String, placeholder: String = "", error: String? = nil, masked: Bool = false,
                inputWidth: Int = 40, theme: Theme) {
        self.title = title; self.label = label; self.placeholder = placeholder; self.error = error
        self.masked = masked; self.inputWidth = inputWidth; self.theme = theme
    }

    public func render(_ area: Rect, on surface: Surface, state: inout TextInputState) {
        let hint = "Enter ok  Esc cancel"
        let errorText = error.map { Severity.error.symbol(surface.glyphs) + " " + $0 }
        let width = min(max(inputWidth, label.displayWidth, errorText?.displayWidth ?? 0, hint.displayWidth), max(10, area.width - 6))
        let inner = DialogFrame.draw(title: title, contentWidth: width, contentHeight: 5, in: area, theme: theme, on: surface)
        guard inner.height >= 2 else { return }
        let dialog = theme[.dialog]
        surface.put(label, in: inner.row(0), alignment: .left, style: dialog)
        TextInput(placeholder: placeholder, masked: masked, focused: true, theme: theme).render(inner.row(1), on: surface, state: &state)
        if let errorText, inner.height > 2 {
            surface.put(errorText, in: inner.row(2), alignment: .left, style: dialog.patched(with: theme[.error]))
        }
        if inner.height > 4 {
            surface.put(hint, in: inner.row(4), alignment: .center, style: dialog.patched(with: theme[.muted]))
        }
    }
}
