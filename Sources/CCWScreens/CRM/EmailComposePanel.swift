import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// "Email this contact": To (read-only), Template (Ctrl-T picks one and fills subject and
/// body), Subject (one line) and Body (a multi-line editor). Tab moves between subject and
/// body, Ctrl-S sends after a "Send to …?" confirmation, Esc closes (asking when edited).
/// Sending logs an email interaction with the contact and queues the message in the outbox.
final class EmailComposePanel: Panel {
    let model: EmailComposeModel
    let context: ScreenContext
    var onClose: () -> Void = {}
    /// Called after the email was queued (the contact's timeline has a new entry).
    var onSent: (QueuedEmail) -> Void = { _ in }

    private enum Focus { case subject, body }
    private var focus = Focus.subject
    private var subject = TextInputState()
    private var body = TextAreaState()

    static let send = CommandSpec("crm.email.send", "send", group: "Email", help: "Send the email (asks first)",
                                  keys: ["ctrl+s", "F2"], showInHints: true, changesData: true, inPalette: false)
    static let chooseTemplate = CommandSpec("crm.email.template", "template", group: "Email",
                                            help: "Choose a template: fills in subject and body for this contact",
                                            keys: ["ctrl+t", "F3"], showInHints: true, inPalette: false)
    static let close = CommandSpec("crm.email.close", "close", group: "Email", help: "Close without sending (asks when edited)",
                                   keys: ["esc"], showInHints: true, inPalette: false)

    init(session: AppSession, context: ScreenContext, contact: ContactID) {
        model = EmailComposeModel(session: session, contact: contact)
        self.context = context
    }

    var commands: [CommandSpec] { [Self.send, Self.chooseTemplate, Self.close] }
    var isDirty: Bool { sync(); return model.isEdited }

    func handleText(_ key: KeyEvent) -> Bool {
        if key.key == .tab {
            focus = focus == .subject ? .body : .subject
            return true
        }
        if key == KeyEvent.ctrl("s") || key == KeyEvent.ctrl("t") || key.key == .function(2) || key.key == .function(3) { return false }
        switch focus {
        case .subject:
            if key.key == .enter || key.key == .down { focus = .body; return true }
            guard subject.handle(key) else { return false }
            model.send(.setSubject(subject.value))
        case .body:
            if key.key == .up && body.cursor == TextPosition(line: 0, column: 0) { focus = .subject; return true }
            guard body.handle(key) else { return false }
            model.send(.setBody(body.text))
        }
        return true
    }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case Self.send.id: confirmSend()
        case Self.chooseTemplate.id: pickTemplate()
        case Self.close.id, FormCommands.cancel.id, GlobalCommands.back.id:
            guard isDirty else { onClose(); return true }
            context.present(.confirm(title: "Discard this email?", message: ["What you typed to \(model.contactName) will be lost."],
                                     destructive: true) { [weak self] in self?.onClose() })
        default: return false
        }
        return true
    }

    private func sync() {
        if model.subject != subject.value { model.send(.setSubject(subject.value)) }
        let text = body.text
        if model.body != text { model.send(.setBody(text)) }
    }

    private func pickTemplate() {
        let templates = model.templates
        guard !templates.isEmpty else {
            context.toast("no email templates yet: add one in CRM › Templates (n)", .warning)
            return
        }
        let options = [EmailComposeModel.noTemplate] + templates.map(\.template.name)
        let selected = (templates.firstIndex { $0.id == model.templateID }).map { $0 + 1 } ?? 0
        context.present(.pick(title: "Template for \(model.contactName)", options: options, selected: selected) { [weak self] i in
            guard let self, i > 0 else { return }
            let id = templates[i - 1].id
            sync()
            if model.isEdited && !(model.subject.isEmpty && model.body.isEmpty) {
                context.present(.confirm(title: "Replace what you typed?",
                                         message: ["\(templates[i - 1].template.name) fills in subject and body again."],
                                         destructive: true) { [weak self] in self?.apply(id) })
            } else {
                apply(id)
            }
        })
    }

    private func apply(_ templateID: Int64) {
        model.send(.chooseTemplate(templateID))
        if let problem = model.errors[.template] { context.toast(problem, .error); return }
        subject = TextInputState(model.subject)
        body = TextAreaState(model.body)
        focus = .body
    }

    private func confirmSend() {
        sync()
        if let problem = model.errors[.to] { context.toast(problem, .error); return }
        let subjectLine = model.subject.trimmingCharacters(in: .whitespaces)
        context.present(.confirm(title: "Send to \(model.contactName) <\(model.to)>?",
                                 message: ["Subject: \(subjectLine.isEmpty ? "(none)" : subjectLine)",
                                           "The email is logged with the contact and queued for delivery."],
                                 destructive: false) { [weak self] in self?.deliver() })
    }

    private func deliver() {
        model.send(.send)
        switch model.lastOutcome {
        case let .sent(queued):
            context.toast("Email to \(model.contactName) queued", .success)
            onSent(queued)
            onClose()
        case .invalid:
            if model.errors[.subject] != nil { focus = .subject } else if model.errors[.body] != nil { focus = .body }
            if let problem = model.errors[.to] { context.toast(problem, .error) }
        case let .failed(message): context.toast(message, .error)
        case .none: break
        }
    }

    // MARK: Drawing

    static let labelWidth = 10

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let block = Block(title: "Email · \(model.contactName)",
                          footer: "Tab subject/body · Ctrl-T template · Ctrl-S send · Esc close", focused: true, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 6 else { return }
        let base = theme[.base]
        var y = inner.y
        func label(_ field: EmailComposeModel.Field, focused: Bool = false) {
            surface.put(field.label, x: inner.x, y: y, style: base.patched(with: theme[focused ? .accent : .muted]), maxX: inner.x + Self.labelWidth)
        }
        let valueX = inner.x + Self.labelWidth, valueWidth = max(1, inner.maxX - valueX)
        // To
        label(.to)
        if let problem = model.errors[.to] {
            surface.put(problem, in: Rect(x: valueX, y: y, width: valueWidth, height: 1), style: base.patched(with: theme[.error]))
        } else {
            surface.put(spans: [TextSpan("\(model.contactName) "), TextSpan("<\(model.to)>", role: .muted)], x: valueX, y: y,
                        maxX: inner.maxX, base: base, theme: theme)
        }
        y += 1
        // Template
        label(.template)
        if let problem = model.errors[.template] {
            surface.put(problem, in: Rect(x: valueX, y: y, width: valueWidth, height: 1), style: base.patched(with: theme[.error]))
        } else {
            let count = model.templates.count
            let hint = count == 0 ? "no templates yet (CRM › Templates)" : "Ctrl-T to choose (\(count) available)"
            surface.put(spans: [TextSpan(model.templateName + "  "), TextSpan(hint, role: .muted)], x: valueX, y: y,
                        maxX: inner.maxX, base: base, theme: theme)
        }
        y += 1
        // Subject
        label(.subject, focused: focus == .subject)
        TextInput(placeholder: "one line", focused: focus == .subject, theme: theme)
            .render(Rect(x: valueX, y: y, width: valueWidth, height: 1), on: surface, state: &subject)
        y += 1
        if let problem = model.errors[.subject] {
            surface.put(problem, in: Rect(x: valueX, y: y, width: valueWidth, height: 1), style: base.patched(with: theme[.error]))
        }
        y += 1
        // Body
        label(.body, focused: focus == .body)
        let bodyError = model.errors[.body]
        let position = "line \(body.cursor.line + 1) of \(body.lineCount)"
        surface.put(bodyError ?? position, in: Rect(x: valueX, y: y, width: valueWidth, height: 1),
                    style: base.patched(with: theme[bodyError == nil ? .muted : .error]))
        y += 1
        TextArea(placeholder: "write the message, or Ctrl-T for a template", focused: focus == .body, theme: theme)
            .render(Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), on: surface, state: &body)
    }
}
