import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// "New deal" over the kanban: company and contact offer names as you type, the stage starts
/// at the focused column, Ctrl-S saves and the board shows the new card.
final class NewDealPanel: FormPanel {
    let model: NewDealModel
    /// Called with the saved deal.
    var onSaved: (DealRecord) -> Void = { _ in }

    init(model: NewDealModel, context: ScreenContext) {
        self.model = model
        typealias F = NewDealModel.Field
        let currency = model.session.baseCurrency.code
        super.init(context: context, fields: [
            FormField(id: F.name.rawValue, label: F.name.label, required: true),
            FormField(id: F.company.rawValue, label: F.company.label, kind: .lookup, hint: "type 2+ letters, ↓ to pick"),
            FormField(id: F.contact.rawValue, label: F.contact.label, kind: .lookup),
            FormField(id: F.value.rawValue, label: F.value.label, kind: .money(currencySuffix: currency), hint: "e.g. 48500 or 48,500.00"),
            FormField(id: F.close.rawValue, label: F.close.label, kind: .date, hint: "+30, eom, 2027-03-31; empty for none"),
            FormField(id: F.stage.rawValue, label: F.stage.label, kind: .choice(model.stageNames), value: model.value(.stage)),
        ])
    }

    override var title: String { "New deal in \(model.pipeline.name)" }
    override var isDirty: Bool { model.isDirty || !state.value(NewDealModel.Field.name.rawValue).isEmpty }

    override func fieldChanged(_ id: String) {
        guard let field = NewDealModel.Field(rawValue: id) else { return }
        model.set(field, state.value(id))
        let text = state.value(id).trimmingCharacters(in: .whitespaces)
        let lookups = model.session.database.crmLookups, scope = model.session.scope
        let names: [String]
        switch field {
        case .company: names = text.count < 2 ? [] : (try? lookups.companyNames(scope, matching: text)) ?? []
        case .contact: names = text.count < 2 ? [] : (try? lookups.contactNames(scope, matching: text)) ?? []
        default: return
        }
        state[id]?.setSuggestions(names == [text] ? [] : names)
    }

    override func save() {
        for f in NewDealModel.Field.allCases { model.set(f, state.value(f.rawValue)) }
        model.save()
        state.clearErrors()
        if let deal = model.saved {
            context.toast("\(deal.deal.name) added", .success)
            onSaved(deal)
            onClose()
            return
        }
        if let e = model.error { context.toast(e, .error) }
        for (f, message) in model.errors { state.setError(message, for: f.rawValue) }
        if let first = NewDealModel.Field.allCases.first(where: { model.errors[$0] != nil }) { state.focus(id: first.rawValue) }
    }
}
