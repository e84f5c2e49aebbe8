import CCWCore
import CCWDomain

/// The fields of the product form, in the order it shows them.
public enum ProductField: String, Sendable, Hashable, CaseIterable {
    case sku, barcode, name, category, brand, unit, decimals, cost, price, taxCategory = "tax", valuation, tracking
    case reorderPoint = "reorder_point", reorderQuantity = "reorder_quantity", supplierSKU = "supplier_sku", active

    public var label: String {
        switch self {
        case .sku: "SKU"
        case .barcode: "Barcode"
        case .name: "Name"
        case .category: "Category"
        case .brand: "Brand"
        case .unit: "Unit"
        case .decimals: "Decimals"
        case .cost: "Cost"
        case .price: "Sale price"
        case .taxCategory: "Tax category"
        case .valuation: "Valuation"
        case .tracking: "Tracking"
        case .reorderPoint: "Reorder point"
        case .reorderQuantity: "Reorder qty"
        case .supplierSKU: "Supplier SKU"
        case .active: "Active"
        }
    }
}

/// The new-product and edit-product form: text per field, every wrong field reported at once
/// under its own name (a barcode with a wrong check digit says which digit it should be), money
/// typed as decimals ("12.90", "1,234.50") and stored in minor units, the category picked by
/// its path, and a SKU made from the organization's pattern (setting `sku_pattern`) when left
/// blank. Edits use optimistic locking (reload theirs / keep mine).
public final class ProductFormModel {
    public enum Intent: Sendable {
        case set(ProductField, String)
        case save
        case reloadTheirs
        case keepMine
    }

    public enum Outcome: Equatable, Sendable {
        case none
        case saved(Product)
        case invalid
        case conflict(String)
        case failed(String)
    }

    public static let valuationChoices = ValuationMethod.allCases.map(\.rawValue)
    public static let trackingChoices = StockTracking.allCases.map(\.rawValue)
    public static let activeChoices = ["yes", "no"]

    public let session: AppSession
    public private(set) var editing: Product?
    public private(set) var values: [ProductField: String] = [:]
    public private(set) var errors: [ProductField: String] = [:]
    public private(set) var lastOutcome: Outcome = .none
    /// The organization's SKU pattern, if it set one.
    public let skuPattern: SKUPattern?
    private var initial: [ProductField: String] = [:]
    private var conflictVersion: Int64?
    private let categories: [(id: Int64, path: String)]

    public init(session: AppSession, editing product: Product? = nil) {
        self.session = session
        editing = product
        let pattern: SKUPattern? = {
            guard let org = try? session.database.orgSettings.get(session.scope),
                  case .string(let text)? = org.settings["sku_pattern"] else { return nil }
            return try? SKUPattern(text)
        }()
        skuPattern = pattern
        let all = (try? session.database.productCategories.list(session.scope)) ?? []
        let byId = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        categories = all.map { c in
            var names = [c.name], parent = c.parentId, seen: Set<Int64> = [c.id]
            while let p = parent, let node = byId[p], !seen.contains(p) { names.insert(node.name, at: 0); seen.insert(p); parent = node.parentId }
            return (c.id, names.joined(separator: " › "))
        }.sorted { $0.1 < $1.1 }
        values = product.map(fill) ?? [
            .unit: "pcs", .decimals: "0", .cost: "0.00", .price: "0.00", .taxCategory: "standard",
            .valuation: ValuationMethod.fifo.rawValue, .tracking: StockTracking.quantityOnly.rawValue, .active: "yes",
        ]
        initial = values
    }

    public var isNew: Bool { editing == nil }
    public var isDirty: Bool { values != initial }
    public func value(_ field: ProductField) -> String { values[field] ?? "" }

    /// Category paths containing `text` (for the lookup field), at most `limit`.
    public func categorySuggestions(_ text: String, limit: Int = 6) -> [String] {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.isEmpty else { return [] }
        return Array(categories.map(\.path).filter { $0.lowercased().contains(t) }.prefix(limit))
    }

    public func send(_ intent: Intent) {
        switch intent {
        case let .set(field, text):
            values[field] = text
            errors[field] = nil
            lastOutcome = .none
        case .save: save(expected: editing?.version)
        case .keepMine: save(expected: conflictVersion)
        case .reloadTheirs:
            guard let editing else { return }
            do {
                let fresh = try session.database.products.get(session.scope, id: editing.id)
                self.editing = fresh
                values = fill(fresh)
                initial = values
                errors = [:]
                conflictVersion = nil
                lastOutcome = .none
            } catch {
                lastOutcome = .failed(describe(error))
            }
        }
    }

    private func fill(_ p: Product) -> [ProductField: String] {
        [
            .sku: p.sku, .barcode: p.barcode ?? "", .name: p.name,
            .category: p.categoryId.flatMap { id in categories.first { $0.id == id }?.path } ?? "",
            .brand: p.brand, .unit: p.unit, .decimals: String(p.decimals),
            .cost: p.cost.decimalString, .price: p.price.decimalString, .taxCategory: p.taxCategory,
            .valuation: p.valuation.rawValue, .tracking: p.tracking.rawValue,
            .reorderPoint: p.reorderPoint?.description ?? "", .reorderQuantity: p.reorderQuantity?.description ?? "",
            .supplierSKU: p.supplierSKU ?? "", .active: p.active ? "yes" : "no",
        ]
    }

    /// The draft the fields describe; problems the core does not see (money, numbers, the
    /// category path, the SKU pattern) go into `errors`.
    func draft() -> ProductDraft? {
        var problems: [ProductField: String] = [:]
        func text(_ f: ProductField) -> String { value(f).trimmingCharacters(in: .whitespaces) }
        var draft = editing.map(ProductDraft.init) ?? ProductDraft(sku: "", name: "")
        draft.name = text(.name)
        draft.barcode = text(.barcode).isEmpty ? nil : text(.barcode)
        draft.brand = text(.brand)
        draft.unit = text(.unit)
        draft.taxCategory = text(.taxCategory).isEmpty ? "standard" : text(.taxCategory)
        draft.supplierSKU = text(.supplierSKU).isEmpty ? nil : text(.supplierSKU)
        draft.active = text(.active) != "no"
        draft.valuation = ValuationMethod(rawValue: text(.valuation)) ?? .fifo
        draft.tracking = StockTracking(rawValue: text(.tracking)) ?? .quantityOnly
        if let n = Int(text(.decimals)), (0...Quantity.maxScale).contains(n) { draft.decimals = n }
        else { problems[.decimals] = "\(text(.decimals).isEmpty ? "(empty)" : text(.decimals)): a whole number 0-\(Quantity.maxScale)" }
        let currency = editing?.price.currency ?? session.baseCurrency
        for (field, assign) in [(ProductField.cost, { (m: Int64) in draft.costMinor = m }), (.price, { draft.priceMinor = $0 })] {
            do { assign(try Money.parse(text(field).isEmpty ? "0" : text(field), currency: currency).minor) }
            catch { problems[field] = "\(describe(error)) (in \(currency.code), e.g. 12.90)" }
        }
        for field in [ProductField.reorderPoint, .reorderQuantity] where !text(field).isEmpty {
            do {
                let q = try Quantity.parse(text(field), scale: draft.decimals, unitName: draft.unit.isEmpty ? "this unit" : draft.unit)
                if field == .reorderPoint { draft.reorderPointUnits = q.units } else { draft.reorderQuantityUnits = q.units }
            } catch { problems[field] = describe(error) }
        }
        if text(.reorderPoint).isEmpty { draft.reorderPointUnits = nil }
        if text(.reorderQuantity).isEmpty { draft.reorderQuantityUnits = nil }
        let categoryText = text(.category)
        var categoryName: String?
        if categoryText.isEmpty {
            draft.categoryId = nil
        } else if let match = categories.first(where: { $0.path.lowercased() == categoryText.lowercased() })
                    ?? unique(categories.filter { $0.path.lowercased().hasSuffix(categoryText.lowercased()) }) {
            draft.categoryId = match.id
            categoryName = match.path.components(separatedBy: " › ").last
        } else {
            problems[.category] = "no category \"\(categoryText)\" (type part of its name and pick one with ↓)"
        }
        draft.sku = text(.sku)
        if draft.sku.isEmpty, let pattern = skuPattern {
            do { draft.sku = try nextSKU(pattern, name: draft.name, category: categoryName) }
            catch { problems[.sku] = describe(error) }
        }
        errors = problems
        return problems.isEmpty ? draft : nil
    }

    private func unique<T>(_ items: [T]) -> T? { items.count == 1 ? items[0] : nil }

    /// The first free SKU the pattern makes, counting up from the number of products.
    private func nextSKU(_ pattern: SKUPattern, name: String, category: String?) throws -> String {
        let fields = SKUPattern.Fields(category: category, name: name)
        guard pattern.hasSequence else { return try pattern.make(fields).code }
        let start = (try? session.database.products.gridCount(session.scope).count) ?? 0
        for n in (start + 1)...(start + 1000) {
            let sku = try pattern.make(fields, sequence: n).code
            if (try? session.database.products.lookup(session.scope, code: sku)) == nil { return sku }
        }
        throw InputError("SKU pattern \"\(pattern.text)\": no free number after \(start + 1000); type a SKU")
    }

    private func save(expected: Int64?) {
        lastOutcome = .none
        guard let draft = draft() else { lastOutcome = .invalid; return }
        let products = session.database.products, scope = session.scope
        do {
            if let editing {
                guard let expected else { return }
                let saved = try products.update(scope, id: editing.id, draft, expectedVersion: expected)
                self.editing = saved
                values = fill(saved)
                initial = values
                conflictVersion = nil
                lastOutcome = .saved(saved)
            } else {
                let saved = try products.add(scope, draft)
                lastOutcome = .saved(saved)
            }
        } catch CoreError.conflict(let info) {
            conflictVersion = info.currentVersion
            lastOutcome = .conflict("This product was changed by \(info.changedBy ?? "a background job") at \(session.timestampText(info.changedAt)).")
        } catch CoreError.invalid(let fieldErrors) {
            for e in fieldErrors { errors[Self.field(named: e.field)] = e.message }
            lastOutcome = .invalid
        } catch CoreError.duplicate(let field, let value) {
            errors[Self.field(named: field)] = "\(value) belongs to another product"
            lastOutcome = .invalid
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }

    /// The form field a core field name refers to ("sku", "barcode", "reorder point").
    static func field(named name: String) -> ProductField {
        let key = name.lowercased()
        if let f = ProductField.allCases.first(where: { $0.label.lowercased() == key || $0.rawValue == key }) { return f }
        if key.contains("reorder") { return key.contains("quantity") ? .reorderQuantity : .reorderPoint }
        if key.contains("currency") { return .price }
        return .name
    }
}
