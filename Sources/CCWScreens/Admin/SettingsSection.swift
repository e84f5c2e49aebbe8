import CCWDomain
import CCWViewModels
import TerminalKit

/// Organization settings as a form: name, base currency, time zone, default country. `e` starts
/// editing, Ctrl-S saves, Esc stops (asking first if anything changed); if someone else saved in
/// between, the user chooses reload, keep mine, or cancel.
final class SettingsSection: AdminSection {
    let model: SettingsModel
    let context: ScreenContext
    private var form = FormState(fields: [])
    private var loaded = false
    private(set) var editing = false

    static let edit = CommandSpec("admin.settings.edit", "edit", group: "Settings", help: "Edit the organization settings",
                                  keys: ["e"], showInHints: true, changesData: true)

    init(session: AppSession, context: ScreenContext) {
        self.model = SettingsModel(session: session)
        self.context = context
    }

    var title: String { "Settings" }
    var name: String { "settings" }
    var commands: [CommandSpec] { editing ? [FormCommands.save, FormCommands.cancel] : [Self.edit] }
    var disabledCommands: [String: String] {
        let why = "changing settings needs the admin role"
        return model.canEdit ? [:] : [FormCommands.save.id: why, Self.edit.id: why]
    }
    var hasTextFocus: Bool { editing }
    var hasUnsavedChanges: Bool { model.isDirty }

    func activate() {
        model.send(.load)
        rebuildForm()
        loaded = true
    }

    private func rebuildForm() {
        let readOnly = !model.canEdit || !editing
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
        case Self.edit.id:
            editing = true
            rebuildForm()
            return true
        case FormCommands.save.id:
            save()
            return true
        case GlobalCommands.back.id, FormCommands.cancel.id:
            guard editing else { return false }
            guard model.isDirty else { editing = false; rebuildForm(); return true }
            context.present(.confirm(title: "Discard changes?", message: ["Your edits to the settings are not saved."], destructive: true) { [weak self] in
                self?.model.send(.discard)
                self?.editing = false
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
            editing = false
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
        let footer = !model.canEdit ? "read only: your role may not change settings"
            : !editing ? "e edit" : model.isDirty ? "unsaved changes · Ctrl-S save · Esc discard" : "Tab next field · Ctrl-S save · Esc stop editing"
        let block = Block(title: editing ? "Organization settings (editing)" : "Organization settings", footer: footer, focused: editing, theme: theme)
        block.render(area, on: surface)
        Form(theme: theme, focused: editing).render(block.inner(area).inset(left: 1, right: 1), on: surface, state: &form)
    }
}
