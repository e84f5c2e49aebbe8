import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// "Log a call" (or email, meeting, note) about a contact, company or deal: the type is a
/// choice (←/→), the subject is focused, Ctrl-S saves. Used from every CRM screen.
final class InteractionFormPanel: FormPanel {
    let model: InteractionFormModel
    /// Called after the interaction was saved.
    var onSaved: (InteractionRecord) -> Void = { _ in }

    init(model: InteractionFormModel, context: ScreenContext) {
        self.model = model
        typealias F = InteractionFormModel.Field
        func field(_ f: F, _ kind: FormFieldKind = .text, hint: String? = nil) -> FormField {
            FormField(id: f.rawValue, label: f.label, kind: kind, value: model.value(f), hint: hint)
        }
        super.init(context: context, fields: [
            field(.kind, .choice(Interaction.Kind.allCases.map(\.rawValue)), hint: "←/→ to change"),
            field(.direction, .choice(Interaction.Direction.allCases.map(\.rawValue) + [InteractionFormModel.noDirection])),
            field(.subject, hint: "what it was about"),
            field(.when, hint: "now, 14:30, yesterday 9:15, 2026-12-01 10:00 (future = scheduled)"),
            field(.duration, .integer, hint: "minutes"),
            field(.outcome, .lookup, hint: "↓ for suggestions"),
            field(.notes),
        ])
        state.focus(id: F.subject.rawValue)
        suggestOutcomes()
    }

    override var title: String { "Log \(model.kind) · \(model.subject.name)" }
    override var isDirty: Bool { sync(); return model.isDirty }

    override func fieldChanged(_ id: String) {
        guard let f = InteractionFormModel.Field(rawValue: id) else { return }
        model.send(f, state.value(id))
        if f == .kind {
            state.setValue(model.value(.direction), for: InteractionFormModel.Field.direction.rawValue)
            suggestOutcomes()
        }
        if f == .outcome { suggestOutcomes() }
    }

    private func suggestOutcomes() {
        let typed = state.value(InteractionFormModel.Field.outcome.rawValue).lowercased()
        let options = model.kind.suggestedOutcomes.filter { typed.isEmpty || ($0.hasPrefix(typed) && $0 != typed) }
        let shown = state.focusedField?.id == InteractionFormModel.Field.outcome.rawValue ? options : []
        state[InteractionFormModel.Field.outcome.rawValue]?.setSuggestions(shown)
    }

    private func sync() {
        for f in InteractionFormModel.Field.allCases where state.value(f.rawValue) != model.value(f) { model.send(f, state.value(f.rawValue)) }
    }

    override func save() {
        sync()
        model.save()
        state.clearErrors()
        switch model.lastOutcome {
        case let .saved(record):
            context.toast("\(model.kind.rawValue.capitalized) logged for \(model.subject.name)", .success)
            onSaved(record)
            onClose()
        case .invalid:
            for (f, message) in model.errors { state.setError(message, for: f.rawValue) }
            if let first = InteractionFormModel.Field.allCases.first(where: { model.errors[$0] != nil }) { state.focus(id: first.rawValue) }
        case let .failed(message): context.toast(message, .error)
        case .none: break
        }
    }
}
