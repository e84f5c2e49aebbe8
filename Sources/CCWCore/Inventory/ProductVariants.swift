import CCWDomain
import GRDB

extension Products {
    /// Creates one product per combination of the axes under a parent product (T-shirt → red S,
    /// red M, …), in matrix order and in one transaction: all variants or none. Each variant
    /// copies the parent's fields and gets the SKU and name of `VariantMatrix` (the parent SKU
    /// plus the folded values, or `pattern` filled in), its values as `variantAttributes`.
    public func addVariants(_ scope: Scope, parentId: Int64, axes: [VariantAxis], pattern: String? = nil) throws -> [Product] {
        try database.write(as: scope, .create, in: .inventory) { access in
            let parent = try Product(row: try access.table(Self.table, entity: Self.entity).requireRow(access.db, id: parentId))
            guard parent.parentId == nil else {
                throw CoreError.rule("product \(parent.sku) is itself a variant; add variants to its parent")
            }
            let category = try parent.categoryId.flatMap { id in
                try String.fetchOne(access.db, sql: "SELECT name FROM product_categories WHERE org_id = ? AND id = ?",
                                    arguments: [access.scope.orgId, id])
            }
            let matrix = try VariantMatrix(parentSKU: try SKU(parent.sku), parentName: parent.name, category: category,
                                           axes: axes, pattern: try pattern?.nonBlank.map(SKUPattern.init))
            return try matrix.variants().map { variant in
                var draft = ProductDraft(parent)
                draft.sku = variant.sku.code
                draft.name = variant.name
                draft.barcode = variant.barcode?.normalized
                if let price = variant.priceOverride { draft.priceMinor = price.minor }
                return try Self.insert(access, draft, parentId: parent.id, variantAttributes: variant.attributes)
            }
        }
    }
}
