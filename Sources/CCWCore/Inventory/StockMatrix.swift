import CCWDomain
import GRDB

/// What the stock matrix shows: which products (rows) and which warehouses (columns).
public struct StockMatrixFilter: Sendable, Hashable {
    /// Words that must each occur in the SKU, name, barcode or brand.
    public var text: String?
    /// A category and its subcategories (nil: every category).
    public var categoryIds: [Int64]?
    /// The warehouses shown (nil: all). "Only low" looks at these only.
    public var warehouseIds: [Int64]?
    /// Only products that are at or below a reorder point somewhere (in the shown warehouses).
    public var onlyLow: Bool

    public init(text: String? = nil, categoryIds: [Int64]? = nil, warehouseIds: [Int64]? = nil, onlyLow: Bool = false) {
        self.text = text
        self.categoryIds = categoryIds
        self.warehouseIds = warehouseIds
        self.onlyLow = onlyLow
    }
}

/// How a matrix cell stands against its reorder rule.
public enum StockCellStatus: Sendable, Hashable {
    /// No rule, or above its point.
    case normal
    /// Available stock at or below the rule's reorder point.
    case low
    /// Nothing on hand where a rule expects stock (or negative stock anywhere).
    case out
}

/// One cell: a product at a warehouse (its warehouse total, all bins and batches).
public struct StockMatrixCell: Sendable, Hashable {
    public var onHand: Quantity
    public var allocated: Quantity
    /// From the place's reorder rule, if it has one.
    public var reorderPoint: Quantity?
    public var available: Quantity { onHand - allocated }

    public init(onHand: Quantity, allocated: Quantity, reorderPoint: Quantity? = nil) {
        self.onHand = onHand
        self.allocated = allocated
        self.reorderPoint = reorderPoint
    }

    public var status: StockCellStatus {
        if onHand.isNegative || (reorderPoint != nil && !onHand.isPositive) { return .out }
        if let point = reorderPoint, available <= point { return .low }
        return .normal
    }
}

/// One row of the matrix: a stocked product (not a parent of variants) and its cells by warehouse id.
public struct StockMatrixRow: Sendable, Hashable {
    public var productId: Int64
    public var sku: String
    public var name: String
    public var unit: String
    public var decimals: Int
    public var parentId: Int64?
    /// Only places with a stock row or a reorder rule have a cell.
    public var cells: [Int64: StockMatrixCell]

    public var cursor: ProductCursor { ProductCursor(name: name, id: productId) }
}

/// The stock matrix: keyset pages of products × warehouses.
///
/// A page is two bounded queries whatever the catalogue's size: the page of products
/// (`ProductKeyset`, seeking in `products_grid`; parents of variants are left out, their
/// variants carry the stock) and then the warehouse-total levels and reorder rules of just
/// those products (the unique keys of `stock_levels` and `reorder_rules_place`), so 50 products
/// × 20 warehouses read at most 1,000 level rows.
extension StockQueries {
    public func matrixPage(_ scope: Scope, filter: StockMatrixFilter = StockMatrixFilter(), after cursor: ProductCursor? = nil,
                           limit: Int = 50) throws -> [StockMatrixRow] {
        try database.read(as: scope, in: .inventory) { access in
            try Self.matrixRows(access, ProductKeyset.fetch(access, condition: Self.matrixCondition(filter, scope: scope),
                                                            text: filter.text, cursor: cursor, forwards: true, limit: limit),
                                warehouses: filter.warehouseIds)
        }
    }

    /// The page just before `cursor`; without one, the last page.
    public func matrixPage(_ scope: Scope, filter: StockMatrixFilter = StockMatrixFilter(), before cursor: ProductCursor?,
                           limit: Int = 50) throws -> [StockMatrixRow] {
        try database.read(as: scope, in: .inventory) { access in
            try Self.matrixRows(access, ProductKeyset.fetch(access, condition: Self.matrixCondition(filter, scope: scope),
                                                            text: filter.text, cursor: cursor, forwards: false, limit: limit),
                                warehouses: filter.warehouseIds)
        }
    }

    /// How many products the matrix has under `filter`; a text search stops at `cap`.
    public func matrixCount(_ scope: Scope, filter: StockMatrixFilter = StockMatrixFilter(), cap: Int? = 1000) throws -> (count: Int, exact: Bool) {
        try database.read(as: scope, in: .inventory) { access in
            try ProductKeyset.count(access, condition: Self.matrixCondition(filter, scope: scope), text: filter.text,
                                    cap: filter.text?.nonBlank == nil ? nil : cap)
        }
    }

    static func matrixCondition(_ filter: StockMatrixFilter, scope: Scope) -> SQL {
        var sql: SQL = """
            products.org_id = \(scope.orgId) AND products.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM products v WHERE v.org_id = products.org_id AND v.parent_id = products.id AND v.deleted_at IS NULL)
            """
        if let category = ProductKeyset.categoryCondition(filter.categoryIds) { sql += " AND " + category }
        if filter.onlyLow {
            var places: SQL = ""
            if let ids = filter.warehouseIds { places = " AND " + ProductKeyset.inList("r.warehouse_id", ids) }
            sql += """
                 AND EXISTS (SELECT 1 FROM reorder_rules r LEFT JOIN stock_levels l ON l.org_id = r.org_id
                     AND l.product_id = r.product_id AND l.warehouse_id = r.warehouse_id AND l.bin = '' AND l.batch = ''
                     WHERE r.org_id = products.org_id AND r.product_id = products.id AND r.deleted_at IS NULL\(literal: places)
                     AND COALESCE(l.on_hand - l.allocated, 0) <= r.reorder_point)
                """
        }
        return sql
    }

    static func matrixRows(_ access: ScopedDatabase, _ rows: [Row], warehouses: [Int64]?) throws -> [StockMatrixRow] {
        guard !rows.isEmpty else { return [] }
        let org = access.scope.orgId
        var result = rows.map { row in
            StockMatrixRow(productId: row["id"], sku: row["sku"], name: row["name"], unit: row["unit"], decimals: row["decimals"],
                           parentId: row["parent_id"], cells: [:])
        }
        let index = Dictionary(uniqueKeysWithValues: result.enumerated().map { ($0.element.productId, $0.offset) })
        let ids = result.map(\.productId)
        var places: SQL = ""
        if let warehouses { places = " AND " + ProductKeyset.inList("warehouse_id", warehouses) }
        let levels: SQL = """
            SELECT product_id, warehouse_id, on_hand, allocated FROM stock_levels
            WHERE org_id = \(org) AND \(literal: ProductKeyset.inList("product_id", ids)) AND bin = '' AND batch = ''\(literal: places)
            """
        for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: levels)) {
            guard let i = index[row["product_id"]] else { continue }
            let scale = result[i].decimals
            result[i].cells[row["warehouse_id"]] = StockMatrixCell(onHand: Quantity(units: row["on_hand"], scale: scale),
                                                                   allocated: Quantity(units: row["allocated"], scale: scale))
        }
        let rules: SQL = """
            SELECT product_id, warehouse_id, reorder_point FROM reorder_rules
            WHERE org_id = \(org) AND \(literal: ProductKeyset.inList("product_id", ids)) AND deleted_at IS NULL\(literal: places)
            """
        for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: rules)) {
            guard let i = index[row["product_id"]] else { continue }
            let scale = result[i].decimals, warehouse: Int64 = row["warehouse_id"]
            var cell = result[i].cells[warehouse] ?? StockMatrixCell(onHand: .zero(scale: scale), allocated: .zero(scale: scale))
            cell.reorderPoint = Quantity(units: row["reorder_point"], scale: scale)
            result[i].cells[warehouse] = cell
        }
        return result
    }
}
