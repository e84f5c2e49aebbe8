import CCWDomain
import GRDB

/// What the Inventory › Products grid shows.
public struct ProductGridFilter: Sendable, Hashable {
    /// Words that must each occur in the SKU, name, barcode or brand. A search lists every
    /// matching product (variants too) flat, in id order.
    public var text: String?
    /// A category and its subcategories (nil: every category).
    public var categoryIds: [Int64]?

    public init(text: String? = nil, categoryIds: [Int64]? = nil) {
        self.text = text
        self.categoryIds = categoryIds
    }

    /// Without text, variants are folded under their parent: only parents and plain products are pages.
    public var foldsVariants: Bool { text?.nonBlank == nil }
}

/// One line of the product grid: the product, its category, how many variants it has, and its
/// stock summed over every warehouse (a parent: summed over its variants).
public struct ProductGridLine: Sendable, Hashable {
    public var product: Product
    public var categoryName: String?
    public var variantCount: Int
    public var onHand: Quantity
    public var available: Quantity

    public var cursor: ProductCursor { ProductCursor(product) }
    public var isVariant: Bool { product.parentId != nil }
}

/// The product grid: keyset pages of parents and plain products (variants folded), the
/// variants of one parent, and counts. Four indexed queries per page: the products, their
/// category names, their variant counts and their stock totals (warehouse-total rows only).
extension Products {
    public func gridPage(_ scope: Scope, filter: ProductGridFilter = ProductGridFilter(), after cursor: ProductCursor? = nil,
                         limit: Int = 50) throws -> [ProductGridLine] {
        try database.read(as: scope, in: .inventory) { access in
            try Self.lines(access, ProductKeyset.fetch(access, condition: Self.gridCondition(filter, scope: scope), text: filter.text,
                                                       cursor: cursor, forwards: true, limit: limit))
        }
    }

    /// The page just before `cursor`; without one, the last page.
    public func gridPage(_ scope: Scope, filter: ProductGridFilter = ProductGridFilter(), before cursor: ProductCursor?,
                         limit: Int = 50) throws -> [ProductGridLine] {
        try database.read(as: scope, in: .inventory) { access in
            try Self.lines(access, ProductKeyset.fetch(access, condition: Self.gridCondition(filter, scope: scope), text: filter.text,
                                                       cursor: cursor, forwards: false, limit: limit))
        }
    }

    /// How many grid pages' rows match (variants folded unless searching); a search stops at `cap`.
    public func gridCount(_ scope: Scope, filter: ProductGridFilter = ProductGridFilter(), cap: Int? = 1000) throws -> (count: Int, exact: Bool) {
        try database.read(as: scope, in: .inventory) { access in
            try ProductKeyset.count(access, condition: Self.gridCondition(filter, scope: scope), text: filter.text,
                                    cap: filter.text?.nonBlank == nil ? nil : cap)
        }
    }

    /// The variants of a parent in the order they were made (the matrix order), at most `limit`.
    public func variantLines(_ scope: Scope, parentId: Int64, limit: Int = 500) throws -> [ProductGridLine] {
        try database.read(as: scope, in: .inventory) { access in
            try Self.lines(access, Row.fetchAll(access.db, sql: """
                SELECT * FROM products WHERE org_id = ? AND parent_id = ? AND deleted_at IS NULL ORDER BY id LIMIT ?
                """, arguments: [scope.orgId, parentId, max(1, min(limit, 1000))]))
        }
    }

    /// The grid line of one product (after an edit, or the parent above its variants).
    public func gridLine(_ scope: Scope, id: Int64) throws -> ProductGridLine {
        try database.read(as: scope, in: .inventory) { access in
            let row = try access.table(Self.table, entity: Self.entity).requireRow(access.db, id: id)
            guard let line = try Self.lines(access, [row]).first else { throw CoreError.notFound(entity: Self.entity, key: "#\(id)") }
            return line
        }
    }

    /// How many of these products use each valuation method (read 500 ids at a time).
    public func valuationMethods(_ scope: Scope, ids: [Int64]) throws -> [ValuationMethod: Int] {
        try database.read(as: scope, in: .inventory) { access in
            var counts: [ValuationMethod: Int] = [:]
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                let request: SQL = """
                    SELECT valuation_method, COUNT(*) AS n FROM products WHERE org_id = \(scope.orgId)
                    AND \(literal: ProductKeyset.inList("id", chunk)) GROUP BY valuation_method
                    """
                for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)) {
                    if let method = ValuationMethod(rawValue: row["valuation_method"]) { counts[method, default: 0] += row["n"] as Int }
                }
            }
            return counts
        }
    }

    static func gridCondition(_ filter: ProductGridFilter, scope: Scope) -> SQL {
        var sql: SQL = "products.org_id = \(scope.orgId) AND products.deleted_at IS NULL"
        if filter.foldsVariants { sql += " AND products.parent_id IS NULL" }
        if let category = ProductKeyset.categoryCondition(filter.categoryIds) { sql += " AND " + category }
        return sql
    }

    /// Grid lines for product rows, with three queries for the whole page.
    static func lines(_ access: ScopedDatabase, _ rows: [Row]) throws -> [ProductGridLine] {
        let products = try rows.map(Product.init(row:))
        guard !products.isEmpty else { return [] }
        let org = access.scope.orgId
        let ids = products.map(\.id)
        let categoryIds = Array(Set(products.compactMap(\.categoryId)))
        var categories: [Int64: String] = [:]
        if !categoryIds.isEmpty {
            let request: SQL = "SELECT id, name FROM product_categories WHERE org_id = \(org) AND \(literal: ProductKeyset.inList("id", categoryIds))"
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)) { categories[row["id"]] = row["name"] }
        }
        var variants: [Int64: Int] = [:]
        var totals: [Int64: (Int64, Int64)] = [:]
        let variantRequest: SQL = """
            SELECT parent_id, COUNT(*) AS n FROM products WHERE org_id = \(org) AND \(literal: ProductKeyset.inList("parent_id", ids))
            AND deleted_at IS NULL GROUP BY parent_id
            """
        for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: variantRequest)) { variants[row["parent_id"]] = row["n"] }
        // Own stock (warehouse-total rows) and, for parents, their variants' stock.
        let stockRequest: SQL = """
            SELECT product_id AS id, SUM(on_hand) AS on_hand, SUM(allocated) AS allocated FROM stock_levels
            WHERE org_id = \(org) AND bin = '' AND batch = '' AND \(literal: ProductKeyset.inList("product_id", ids)) GROUP BY product_id
            UNION ALL
            SELECT v.parent_id AS id, SUM(l.on_hand), SUM(l.allocated) FROM products v
            JOIN stock_levels l ON l.org_id = v.org_id AND l.product_id = v.id AND l.bin = '' AND l.batch = ''
            WHERE v.org_id = \(org) AND \(literal: ProductKeyset.inList("v.parent_id", ids)) AND v.deleted_at IS NULL GROUP BY v.parent_id
            """
        for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: stockRequest)) {
            let id: Int64 = row["id"]
            let old = totals[id] ?? (0, 0)
            totals[id] = (old.0 + (row["on_hand"] as Int64? ?? 0), old.1 + (row["allocated"] as Int64? ?? 0))
        }
        return products.map { p in
            let (onHand, allocated) = totals[p.id] ?? (0, 0)
            return ProductGridLine(product: p, categoryName: p.categoryId.flatMap { categories[$0] }, variantCount: variants[p.id] ?? 0,
                                   onHand: Quantity(units: onHand, scale: p.decimals),
                                   available: Quantity(units: onHand - allocated, scale: p.decimals))
        }
    }
}
