import CCWDomain
import CCWViewModels
import TerminalKit

/// Organization settings as a form: name, base currency, time zone, default country. Ctrl-S
/// saves; if someone else saved first, the user chooses reload, keep mine, or cancel.
final class SettingsSection: AdminSection {
    let model: SettingsModel
    let context: ScreenContext
    private var form = FormState(fields: [])
    private var loaded = false

    init(session: AppSession, context: ScreenContext) {
        self.model = SettingsModel(session: session)
        self.context = context
    }

    var title: String { "Settings" }
    var commands: [CommandSpec] { [UsersSection.save] }
    var disabledCommands: [String: String] {
        model.canEdit ? [:] : [UsersSection.save.id: "changing settings needs the admin role"]
    }
    var hasTextFocus: Bool { model.canEdit }
    var hasUnsavedChanges: Bool { model.isDirty }

    func activate() {
        model.send(.load)
        rebuildForm()
        loaded = true
    }

    private func rebuildForm() {
        let readOnly = !model.canEdit
        form = FormState(fields: SettingsModel.Field.allCases.map { f in
            var field = FormField(id: f.rawValue, label: f.label, value: model.value(f), required: f != .defaultCountry,
                                  readOnly: readOnly, hint: Self.hint(f))
            field.error = model.errors[f]
            return field
        })
    }

    static func hint(_ f: SettingsModel.Field) -> String? {
        switch f {
        case .name: nil
        case .baseCurrency: "ISO 4217 code: EUR, USD, GBP, JPY …"
        case .timeZone: "IANA name: Europe/Berlin, America/New_York …"
        case .defaultCountry: "ISO country code for phone numbers: DE, GB, US …"
        }
    }

    func handleText(_ key: KeyEvent) -> Bool {
        if key == KeyEvent.ctrl("s") || key.key == .function(2) || key.key == .escape { return false }
        // Letters that are also commands (q, ?, :, g) belong to the form while editing.
        let used = form.handle(key)
        for f in SettingsModel.Field.allCases where form.value(f.rawValue) != model.value(f) {
            model.send(.set(f, form.value(f.rawValue)))
        }
        return used
    }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case UsersSection.save.id:
            save()
            return true
        case GlobalCommands.back.id:
            guard model.isDirty else { return false }
            context.present(.confirm(title: "Discard changes?", message: ["Your edits to the settings are not saved."], destructive: true) { [weak self] in
                self?.model.send(.discard)
                self?.rebuildForm()
            })
            return true
        default:
            return false
        }
    }

    private func save() {
        model.send(.save)
        handleOutcome()
    }

    private func handleOutcome() {
        switch model.lastOutcome {
        case .saved:
            context.toast("settings saved", .success)
            rebuildForm()
        case .invalid:
            for f in SettingsModel.Field.allCases { form.setError(model.errors[f], for: f.rawValue) }
            context.toast("not saved: fix the marked fields", .error)
        case .conflict(let message):
            context.present(.conflict(message: message, onReload: { [weak self] in
                self?.model.send(.reloadTheirs)
                self?.rebuildForm()
                self?.context.toast("reloaded: your edits were dropped", .info)
            }, onKeepMine: { [weak self] in
                self?.model.send(.keepMine)
                self?.handleOutcome()
            }))
        case .failed(let message):
            context.toast(message, .error)
        case .none:
            break
        }
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        let footer = model.canEdit ? (model.isDirty ? "unsaved changes · Ctrl-S save · Esc discard" : "Ctrl-S save") : "read only: your role may not change settings"
        let block = Block(title: "Organization settings", footer: footer, focused: true, theme: theme)
        block.render(area, on: surface)
        Form(theme: theme, focused: model.canEdit).render(block.inner(area).inset(left: 1, right: 1), on: surface, state: &form)
    }
}
