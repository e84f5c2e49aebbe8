import TerminalKit

/// Something that takes over a section for a while (a form, a composer, a merge): it gets
/// every key first and draws in place of the list until it closes itself with `onClose`.
protocol Panel: AnyObject {
    var commands: [CommandSpec] { get }
    /// True while it holds typed changes that closing would lose.
    var isDirty: Bool { get }
    /// Set by the host; the panel calls it when it is done.
    var onClose: () -> Void { get set }
    func handleText(_ key: KeyEvent) -> Bool
    func perform(_ commandID: String) -> Bool
    func draw(_ area: Rect, on surface: Surface)
}

/// The parts every form panel shares: a `FormState` drawn in a titled block, Tab between
/// fields, Ctrl-S to save, Esc to close (asking first when something was typed).
class FormPanel: Panel {
    let context: ScreenContext
    var state: FormState
    var onClose: () -> Void = {}

    init(context: ScreenContext, fields: [FormField]) {
        self.context = context
        state = FormState(fields: fields)
    }

    var title: String { "Form" }
    var commands: [CommandSpec] { FormCommands.all }
    var isDirty: Bool { false }
    /// Called on Ctrl-S.
    func save() {}
    /// Called after the focused field's text changed (lookups suggest here).
    func fieldChanged(_ id: String) {}

    func handleText(_ key: KeyEvent) -> Bool {
        if key.key == .escape && state.focusedField?.suggestions.isEmpty != false { return false }
        if FormCommands.isCommandKey(key) { return false }
        guard let id = state.focusedField?.id else { return state.handle(key) }
        let before = state.value(id)
        let used = state.handle(key)
        if state.value(id) != before { fieldChanged(id) }
        return used
    }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case FormCommands.save.id: save(); return true
        case FormCommands.cancel.id, GlobalCommands.back.id:
            guard isDirty else { onClose(); return true }
            context.present(.confirm(title: "Discard what you typed?", message: ["\(title): the changes will be lost."],
                                     destructive: true) { [weak self] in self?.onClose() })
            return true
        default: return false
        }
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let block = Block(title: title, footer: "Tab next field · Ctrl-S save · Esc cancel", focused: true, theme: theme)
        block.render(area, on: surface)
        Form(theme: theme).render(block.inner(area).inset(left: 1, right: 1), on: surface, state: &state)
    }
}
