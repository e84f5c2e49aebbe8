import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// The new-product / edit-product form over the products grid. Every wrong field is marked
/// inline at once (a barcode's check digit, a price that is not an amount, an unknown
/// category); the category field suggests paths as you type; a conflicting edit offers
/// reload / keep mine / cancel.
final class ProductFormPanel: FormPanel {
    let model: ProductFormModel
    var onSaved: (Product) -> Void = { _ in }

    init(model: ProductFormModel, context: ScreenContext) {
        self.model = model
        let currency = model.editing?.price.currency.code ?? model.session.baseCurrency.code
        super.init(context: context, fields: ProductField.allCases.map { field in
            let kind: FormFieldKind = switch field {
            case .valuation: .choice(ProductFormModel.valuationChoices)
            case .tracking: .choice(ProductFormModel.trackingChoices)
            case .active: .choice(ProductFormModel.activeChoices)
            case .category: .lookup
            case .cost, .price: .money(currencySuffix: currency)
            case .decimals: .integer
            default: .text
            }
            return FormField(id: field.rawValue, label: field.label, kind: kind, value: model.value(field),
                             required: field == .name || (field == .sku && model.skuPattern == nil), hint: Self.hint(field, model))
        })
    }

    override var title: String { model.editing.map { "Edit \($0.sku)" } ?? "New product" }
    override var isDirty: Bool { ProductField.allCases.contains { state.value($0.rawValue) != model.value($0) } || model.isDirty }

    override func fieldChanged(_ id: String) {
        guard id == ProductField.category.rawValue else { return }
        let text = state.value(id)
        let found = model.categorySuggestions(text)
        state[id]?.setSuggestions(found == [text] ? [] : found)
    }

    override func save() {
        for field in ProductField.allCases { model.send(.set(field, state.value(field.rawValue))) }
        model.send(.save)
        show(model.lastOutcome)
    }

    private func show(_ outcome: ProductFormModel.Outcome) {
        state.clearErrors()
        switch outcome {
        case .none: break
        case let .saved(product):
            context.toast("\(product.sku) \(product.name) saved", .success)
            onSaved(product)
            onClose()
        case .invalid:
            for (field, message) in model.errors { state.setError(message, for: field.rawValue) }
            if let first = ProductField.allCases.first(where: { model.errors[$0] != nil }) { state.focus(id: first.rawValue) }
        case let .conflict(message):
            context.present(.conflict(message: message, onReload: { [weak self] in
                guard let self else { return }
                model.send(.reloadTheirs)
                for field in ProductField.allCases { state.setValue(model.value(field), for: field.rawValue) }
            }, onKeepMine: { [weak self] in
                guard let self else { return }
                model.send(.keepMine)
                show(model.lastOutcome)
            }))
        case let .failed(message): context.toast(message, .error)
        }
    }

    static func hint(_ field: ProductField, _ model: ProductFormModel) -> String? {
        switch field {
        case .sku: model.skuPattern.map { "blank: made from the pattern \($0.text)" } ?? "A-Z 0-9 - _ . /, unique"
        case .barcode: "EAN-13, UPC-A or EAN-8; the check digit is verified"
        case .category: "type part of a name, ↓ to pick"
        case .cost, .price: "e.g. 12.90 or 1,234.50"
        case .decimals: "0 for pieces, 3 for kg"
        case .valuation, .tracking, .active: "← → to change"
        default: nil
        }
    }
}
