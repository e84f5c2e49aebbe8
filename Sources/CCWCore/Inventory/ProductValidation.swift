import CCWDomain
import GRDB

/// Turns a `ProductDraft` into the column values of `products`, reporting every invalid field
/// at once under the names of the product form.
enum ProductValidation {
    static func columns(_ draft: ProductDraft, access: ScopedDatabase) throws -> [String: (any DatabaseValueConvertible)?] {
        var errors = ValidationErrors()
        let sku = errors.check("sku") { try SKU(draft.sku) }
        let barcode: String? = draft.barcode?.nonBlank.flatMap { text in
            errors.check("barcode") { try Barcode(text).normalized }
        }
        let name = draft.name.nonBlank
        if name == nil { errors.add("name", "is required") }
        if !(0...Quantity.maxScale).contains(draft.decimals) { errors.add("decimals", "must be 0 to \(Quantity.maxScale)") }
        if draft.tracking == .serial && draft.decimals != 0 { errors.add("decimals", "serial-numbered products are counted in whole units") }
        let currency = errors.check("currency") { try draft.currency?.nonBlank.map(CurrencyCode.init) ?? access.scope.baseCurrency }
        if draft.costMinor < 0 { errors.add("cost", "must not be negative") }
        if draft.priceMinor < 0 { errors.add("price", "must not be negative") }
        if draft.unit.nonBlank == nil { errors.add("unit", "is required") }
        if let point = draft.reorderPointUnits, point < 0 { errors.add("reorder point", "must not be negative") }
        if let quantity = draft.reorderQuantityUnits, quantity <= 0 { errors.add("reorder quantity", "must be above zero") }
        if let category = draft.categoryId,
           try access.table("product_categories", entity: "category").fetchRow(access.db, id: category) == nil {
            errors.add("category", "no category #\(category) in this organization")
        }
        try errors.throwIfAny()
        return [
            "sku": sku!.code, "barcode": barcode, "name": name!, "description": draft.description,
            "category_id": draft.categoryId, "brand": draft.brand.trimmingCharacters(in: .whitespaces),
            "unit": draft.unit.trimmingCharacters(in: .whitespaces), "decimals": draft.decimals,
            "cost_minor": draft.costMinor, "price_minor": draft.priceMinor, "currency": currency!.code,
            "tax_category": draft.taxCategory, "attributes": try CanonicalJSON.encode(draft.attributes),
            "supplier_company_id": draft.supplierCompanyId, "supplier_sku": draft.supplierSKU?.nonBlank,
            "active": draft.active, "valuation_method": draft.valuation.rawValue, "tracking": draft.tracking.rawValue,
            "custom_fields": try CanonicalJSON.encode(draft.customFields),
            "reorder_point": draft.reorderPointUnits, "reorder_quantity": draft.reorderQuantityUnits,
        ]
    }

    /// Refuses a SKU or barcode that another live product of the organization already has.
    static func requireUnique(_ columns: [String: (any DatabaseValueConvertible)?], except id: Int64?,
                              access: ScopedDatabase) throws {
        let table = access.table("products", entity: "product")
        for field in ["sku", "barcode"] {
            guard let value = columns[field] ?? nil, let text = value.databaseValue.storage.stringValue else { continue }
            var condition = SQL(sql: "\(field) = ?", arguments: [text])
            if let id { condition += SQL(sql: " AND id <> ?", arguments: [id]) }
            if try table.count(access.db, where: condition) > 0 { throw CoreError.duplicate(field: field, value: text) }
        }
    }

    /// Stock settings cannot change once the product has movements: its pools were built with them.
    static func requireStockSettingsKept(_ before: Product, _ columns: [String: (any DatabaseValueConvertible)?],
                                         access: ScopedDatabase) throws {
        let decimals = (columns["decimals"] ?? nil)?.databaseValue.storage.int64Value.map(Int.init)
        let method = (columns["valuation_method"] ?? nil)?.databaseValue.storage.stringValue
        let tracking = (columns["tracking"] ?? nil)?.databaseValue.storage.stringValue
        guard decimals != before.decimals || method != before.valuation.rawValue || tracking != before.tracking.rawValue else { return }
        let moved = try Bool.fetchOne(access.db, sql: "SELECT EXISTS (SELECT 1 FROM stock_movements WHERE org_id = ? AND product_id = ?)",
                                      arguments: [access.scope.orgId, before.id]) ?? false
        if moved {
            throw CoreError.rule("product \(before.sku) has stock movements: its decimals, valuation method and tracking can no longer change")
        }
    }
}

extension DatabaseValue.Storage {
    var stringValue: String? { if case let .string(text) = self { text } else { nil } }
    var int64Value: Int64? { if case let .int64(value) = self { value } else { nil } }
}
