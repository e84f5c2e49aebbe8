import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// The new-contact / edit-contact form drawn over the contacts list. Wrong fields are marked
/// inline all at once; a contact that looks like an existing one is offered to open instead
/// before it is saved; a conflicting edit offers reload / keep mine / cancel.
final class ContactFormPanel: FormPanel {
    let model: ContactFormModel
    /// Called with the saved contact; the list reloads and selects it.
    var onSaved: (ContactRecord) -> Void = { _ in }
    /// Called when the user asks to open an existing contact instead of adding a duplicate.
    var onOpenExisting: (ContactID) -> Void = { _ in }

    init(model: ContactFormModel, context: ScreenContext) {
        self.model = model
        super.init(context: context, fields: ContactFormModel.fields.map { field in
            let kind: FormFieldKind = switch field {
            case .status: .choice(ContactStatus.allCases.map(\.rawValue))
            case .company: .lookup
            default: .text
            }
            return FormField(id: field.rawValue, label: Self.label(field), kind: kind, value: model.value(field),
                             hint: Self.hint(field))
        })
    }

    override var title: String { model.editing.map { "Edit \($0.contact.fullName)" } ?? "New contact" }
    override var isDirty: Bool { ContactFormModel.fields.contains { state.value($0.rawValue) != model.value($0) } || model.isDirty }

    /// The company field offers matching companies as you type.
    override func fieldChanged(_ id: String) {
        guard id == ContactField.company.rawValue else { return }
        let t = state.value(id).trimmingCharacters(in: .whitespaces)
        guard t.count >= 2 else { state[id]?.setSuggestions([]); return }
        let names = (try? model.session.database.companies.page(model.session.scope, text: t, limit: 6))?.map(\.company.name) ?? []
        state[id]?.setSuggestions(names == [t] ? [] : names)
    }

    override func save() { save(anyway: false) }

    private func save(anyway: Bool) {
        for field in ContactFormModel.fields { model.send(.set(field, state.value(field.rawValue))) }
        model.send(anyway ? .saveAnyway : .save)
        show(model.lastOutcome)
    }

    private func show(_ outcome: ContactFormModel.Outcome) {
        state.clearErrors()
        switch outcome {
        case .none: break
        case let .saved(record):
            context.toast("\(record.contact.fullName) saved", .success)
            onSaved(record)
            onClose()
        case .invalid:
            for (field, message) in model.errors { state.setError(message, for: field.rawValue) }
            if let first = ContactFormModel.fields.first(where: { model.errors[$0] != nil }) { state.focus(id: first.rawValue) }
        case let .likelyDuplicates(matches): offer(matches)
        case let .conflict(message):
            context.present(.conflict(message: message, onReload: { [weak self] in
                guard let self else { return }
                model.send(.reloadTheirs)
                for field in ContactFormModel.fields { state.setValue(model.value(field), for: field.rawValue) }
            }, onKeepMine: { [weak self] in
                guard let self else { return }
                model.send(.keepMine)
                show(model.lastOutcome)
            }))
        case let .failed(message): context.toast(message, .error)
        }
    }

    /// "Looks like someone you have": open one of them, save anyway, or go back to the form.
    private func offer(_ matches: [DuplicateMatch]) {
        let shown = Array(matches.prefix(5))
        let options = shown.map { m in "Open \(m.name) (\(m.reasons.map(\.short).joined(separator: ", ")))" }
            + ["Save as a new contact anyway", "Back to the form"]
        context.present(.pick(title: "This looks like a contact you already have", options: options, selected: 0) { [weak self] i in
            guard let self else { return }
            if i < shown.count, let id = shown[i].contactID {
                onOpenExisting(id)
                onClose()
            } else if i == shown.count {
                save(anyway: true)
            }
        })
    }

    static func label(_ field: ContactField) -> String {
        switch field {
        case .addressLine1: "Street"
        default: field.label.prefix(1).uppercased() + field.label.dropFirst()
        }
    }

    static func hint(_ field: ContactField) -> String? {
        switch field {
        case .phone: "national or +country; stored as +E.164"
        case .company: "type 2+ letters, ↓ to pick"
        default: nil
        }
    }
}
