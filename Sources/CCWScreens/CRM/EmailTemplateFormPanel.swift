import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Adding or editing an email template: Name and Subject (one line each) and Body (a
/// multi-line editor). Tab moves between them, Ctrl-T inserts a merge field at the cursor,
/// Ctrl-S saves (merge-field problems show under their field with line and column), Esc
/// closes (asking when edited).
final class EmailTemplateFormPanel: Panel {
    let model: EmailTemplateFormModel
    let context: ScreenContext
    var onClose: () -> Void = {}
    /// Called after the template was saved.
    var onSaved: (EmailTemplateRecord) -> Void = { _ in }

    typealias Field = EmailTemplateFormModel.Field
    private var focus = Field.name
    private var name: TextInputState
    private var subject: TextInputState
    private var body: TextAreaState

    static let save = CommandSpec("crm.template.save", "save", group: "Template", help: "Save the template",
                                  keys: ["ctrl+s", "F2"], showInHints: true, changesData: true, inPalette: false)
    static let insertField = CommandSpec("crm.template.insert-field", "merge field", group: "Template",
                                         help: "Insert a merge field ({{contact.first_name}} …) at the cursor",
                                         keys: ["ctrl+t", "F3"], showInHints: true, inPalette: false)
    static let close = CommandSpec("crm.template.close", "cancel", group: "Template", help: "Close without saving (asks when edited)",
                                   keys: ["esc"], showInHints: true, inPalette: false)

    init(model: EmailTemplateFormModel, context: ScreenContext) {
        self.model = model
        self.context = context
        name = TextInputState(model.value(.name))
        subject = TextInputState(model.value(.subject))
        body = TextAreaState(model.value(.body))
        if model.editing != nil { focus = .body }
    }

    var commands: [CommandSpec] { [Self.save, Self.insertField, Self.close] }
    var isDirty: Bool { sync(); return model.isDirty }

    func handleText(_ key: KeyEvent) -> Bool {
        if key.key == .tab {
            let order = Field.allCases
            let step = key.modifiers.contains(.shift) ? order.count - 1 : 1
            focus = order[(order.firstIndex(of: focus)! + step) % order.count]
            return true
        }
        if key == KeyEvent.ctrl("s") || key == KeyEvent.ctrl("t") || key.key == .function(2) || key.key == .function(3) { return false }
        switch focus {
        case .name, .subject:
            if key.key == .enter || key.key == .down { focus = focus == .name ? .subject : .body; return true }
            if key.key == .up { focus = .name; return true }
            let used = focus == .name ? name.handle(key) : subject.handle(key)
            if used { sync() }
            return used
        case .body:
            if key.key == .up && body.cursor == TextPosition(line: 0, column: 0) { focus = .subject; return true }
            guard body.handle(key) else { return false }
            sync()
            return true
        }
    }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case Self.save.id: save()
        case Self.insertField.id: pickField()
        case Self.close.id, FormCommands.cancel.id, GlobalCommands.back.id:
            guard isDirty else { onClose(); return true }
            context.present(.confirm(title: "Discard your changes?", message: ["The template keeps what was saved before."],
                                     destructive: true) { [weak self] in self?.onClose() })
        default: return false
        }
        return true
    }

    private func sync() {
        for (f, text) in [(Field.name, name.value), (.subject, subject.value), (.body, body.text)] where model.value(f) != text {
            model.send(f, text)
        }
    }

    private func pickField() {
        guard focus != .name else { context.toast("merge fields go into the subject or the body (Tab)", .info); return }
        let fields = MergeFields.all
        context.present(.pick(title: "Insert a merge field", options: fields.map { "\($0.name) · \($0.help)" }, selected: 0) { [weak self] i in
            guard let self else { return }
            let tag = "{{\(fields[i].name)}}"
            if focus == .subject { subject.insert(tag) } else { body.insert(tag) }
            sync()
        })
    }

    private func save() {
        sync()
        model.save()
        switch model.lastOutcome {
        case let .saved(record):
            context.toast("Template \(record.template.name) saved", .success)
            onSaved(record)
            onClose()
        case .invalid:
            if let first = Field.allCases.first(where: { model.errors[$0] != nil }) { focus = first }
        case let .failed(message): context.toast(message, .error)
        case .none: break
        }
    }

    // MARK: Drawing

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let title = model.editing.map { "Template · \($0.template.name)" } ?? "New email template"
        let block = Block(title: title, footer: "Tab next field · Ctrl-T merge field · Ctrl-S save · Esc cancel", focused: true, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 7 else { return }
        let base = theme[.base]
        let labelWidth = EmailComposePanel.labelWidth
        let valueX = inner.x + labelWidth, valueWidth = max(1, inner.maxX - valueX)
        var y = inner.y
        func label(_ f: Field) {
            surface.put(f.label, x: inner.x, y: y, style: base.patched(with: theme[focus == f ? .accent : .muted]), maxX: valueX)
        }
        func problem(_ f: Field, otherwise hint: String = "") {
            let text = model.errors[f] ?? hint
            surface.put(text, in: Rect(x: valueX, y: y, width: valueWidth, height: 1),
                        style: base.patched(with: theme[model.errors[f] == nil ? .muted : .error]))
        }
        label(.name)
        TextInput(placeholder: "e.g. Follow-up after call", focused: focus == .name, theme: theme)
            .render(Rect(x: valueX, y: y, width: valueWidth, height: 1), on: surface, state: &name)
        y += 1
        problem(.name)
        y += 1
        label(.subject)
        TextInput(placeholder: "one line, e.g. Your offer, {{contact.first_name}}", focused: focus == .subject, theme: theme)
            .render(Rect(x: valueX, y: y, width: valueWidth, height: 1), on: surface, state: &subject)
        y += 1
        problem(.subject)
        y += 1
        label(.body)
        problem(.body, otherwise: "line \(body.cursor.line + 1) of \(body.lineCount) · fields look like {{company.name}}")
        y += 1
        TextArea(placeholder: "Hello {{contact.first_name}}, …", focused: focus == .body, theme: theme)
            .render(Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), on: surface, state: &body)
    }
}
