import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// The price form over the products grid: the ladder of one tier in one currency of the
/// selected product, one break per line ("10 9.00"). Wrong lines are marked inline, each under
/// its own line; saving with every line blank asks to remove the ladder; a product changed
/// meanwhile offers reload / keep mine / cancel.
final class ProductPricesFormPanel: FormPanel {
    let model: ProductPricesFormModel
    var onSaved: (Product) -> Void = { _ in }

    init(model: ProductPricesFormModel, context: ScreenContext) {
        self.model = model
        let unit = model.product.unit
        super.init(context: context, fields: ProductPricesFormModel.fields.enumerated().map { index, id in
            switch id {
            case ProductPricesFormModel.tierField:
                return FormField(id: id, label: "Tier", kind: .lookup, value: model.value(id), required: true,
                                 hint: "retail, wholesale or a name such as distributor")
            case ProductPricesFormModel.currencyField:
                return FormField(id: id, label: "Currency", kind: .lookup, value: model.value(id), required: true,
                                 hint: "ISO code: EUR, USD, GBP …")
            default:
                return FormField(id: id, label: "Line \(index - 1)", kind: .text, value: model.value(id),
                                 hint: index == 2 ? "quantity and price: 10 9.00 = 9.00 per \(unit) from 10 up" : nil)
            }
        })
    }

    override var title: String { "Prices of \(model.product.sku)" }
    override var isDirty: Bool { ProductPricesFormModel.fields.contains { state.value($0) != model.value($0) } || model.isDirty }

    /// One column at every width: the lines of a ladder read top-down.
    override func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let block = Block(title: title, footer: "Tab next field · Ctrl-S save (all lines blank: remove) · Esc cancel", focused: true, theme: theme)
        block.render(area, on: surface)
        Form(theme: theme, twoColumnMinWidth: .max).render(block.inner(area).inset(left: 1, right: 1), on: surface, state: &state)
    }

    override func fieldChanged(_ id: String) {
        let text = state.value(id).trimmingCharacters(in: .whitespaces).lowercased()
        let options: [String] = switch id {
        case ProductPricesFormModel.tierField: model.tierSuggestions
        case ProductPricesFormModel.currencyField: CurrencyCode.all.map(\.code)
        default: []
        }
        guard !options.isEmpty else { return }
        let found = text.isEmpty ? [] : Array(options.filter { $0.lowercased().hasPrefix(text) }.prefix(6))
        state[id]?.setSuggestions(found.map { $0.lowercased() } == [text] ? [] : found)
    }

    override func save() {
        send()
        model.send(.save)
        show(model.lastOutcome)
    }

    private func send() {
        for id in ProductPricesFormModel.fields { model.send(.set(id, state.value(id))) }
    }

    private func refill() {
        for id in ProductPricesFormModel.fields { state.setValue(model.value(id), for: id) }
    }

    private func show(_ outcome: ProductPricesFormModel.Outcome) {
        state.clearErrors()
        switch outcome {
        case .none: break
        case let .saved(product), let .removed(product):
            let tier = model.value(ProductPricesFormModel.tierField), currency = model.value(ProductPricesFormModel.currencyField)
            context.toast("\(product.sku): \(tier) \(currency) prices \(outcome == .removed(product) ? "removed" : "saved")", .success)
            onSaved(product)
            onClose()
        case let .confirmRemove(question):
            context.present(.confirm(title: question, message: ["Every line is blank: the ladder goes; other tiers stay."],
                                     destructive: true) { [weak self] in
                guard let self else { return }
                model.send(.remove)
                show(model.lastOutcome)
            })
        case .invalid:
            for (field, message) in model.errors { state.setError(message, for: field) }
            if let first = ProductPricesFormModel.fields.first(where: { model.errors[$0] != nil }) { state.focus(id: first) }
        case let .conflict(message):
            context.present(.conflict(message: message, onReload: { [weak self] in
                guard let self else { return }
                model.send(.reloadTheirs)
                refill()
            }, onKeepMine: { [weak self] in
                guard let self else { return }
                model.send(.keepMine)
                show(model.lastOutcome)
            }))
        case let .failed(message): context.toast(message, .error)
        }
    }
}
