import CCWDomain
import GRDB

/// What the product grid shows.
public struct ProductFilter: Sendable, Hashable {
    /// Words that must each occur in the SKU, name, barcode or brand.
    public var text: String?
    public var categoryId: Int64?
    /// nil: active and inactive products.
    public var active: Bool?
    /// Only the variants of this parent.
    public var parentId: Int64?

    public init(text: String? = nil, categoryId: Int64? = nil, active: Bool? = nil, parentId: Int64? = nil) {
        self.text = text
        self.categoryId = categoryId
        self.active = active
        self.parentId = parentId
    }
}

/// Where the next page of the product grid starts: after this product.
public struct ProductCursor: Sendable, Hashable {
    public var name: String
    public var id: Int64
    public init(name: String, id: Int64) { self.name = name; self.id = id }
    public init(_ product: Product) { self.init(name: product.name, id: product.id) }
}

/// The product catalogue of the scope's organization (Inventory → Products, `ccw product …`).
public struct Products: Sendable {
    let database: AppDatabase

    static let table = "products"
    static let entity = "product"
    static let searchColumns = ["sku", "name", "barcode", "brand"]

    public func add(_ scope: Scope, _ draft: ProductDraft) throws -> Product {
        try database.write(as: scope, .create, in: .inventory) { access in try Self.insert(access, draft) }
    }

    /// Adds several products in one transaction (an import): all of them, or none; a refusal
    /// names the line of the draft that caused it.
    public func addAll(_ scope: Scope, _ drafts: [(line: Int, draft: ProductDraft)]) throws -> [Product] {
        try database.write(as: scope, .create, in: .inventory) { access in
            try drafts.map { line, draft in
                do { return try Self.insert(access, draft) } catch let error as CoreError {
                    throw CoreError.invalid("line \(line)", error.description)
                }
            }
        }
    }

    static func insert(_ access: ScopedDatabase, _ draft: ProductDraft, parentId: Int64? = nil,
                       variantAttributes: [String: String] = [:]) throws -> Product {
        var columns = try ProductValidation.columns(draft, access: access)
        try ProductValidation.requireUnique(columns, except: nil, access: access)
        columns["parent_id"] = parentId
        columns["variant_attributes"] = try CanonicalJSON.encode(variantAttributes)
        let table = access.table(table, entity: entity)
        let (id, uid) = try table.insert(access.db, by: access.scope.actor, at: access.now, values: columns)
        let row = try table.requireRow(access.db, id: id)
        try access.audit(entity, id: id, uid: uid, .create, "added product \(row["sku"] as String) \(row["name"] as String)",
                         after: CanonicalJSON.object(row))
        return try Product(row: row)
    }

    /// Replaces the product's fields if nobody changed it since `expectedVersion`.
    public func update(_ scope: Scope, id: Int64, _ draft: ProductDraft, expectedVersion: Int64) throws -> Product {
        try database.write(as: scope, .edit, in: .inventory) { access in
            let table = access.table(Self.table, entity: Self.entity)
            let beforeRow = try table.requireRow(access.db, id: id)
            let before = try Product(row: beforeRow)
            let columns = try ProductValidation.columns(draft, access: access)
            try ProductValidation.requireUnique(columns, except: id, access: access)
            try ProductValidation.requireStockSettingsKept(before, columns, access: access)
            try VersionedUpdate.run(access.db, table: Self.table, id: id, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: columns, entity: Self.entity, at: access.now)
            let row = try table.requireRow(access.db, id: id)
            try access.audit(Self.entity, id: id, uid: before.uid, .update, "updated product \(row["sku"] as String)",
                             before: CanonicalJSON.object(beforeRow), after: CanonicalJSON.object(row))
            let after = try Product(row: row)
            try DefaultReorderRules.follow(access, before: before, after: after)
            return after
        }
    }

    /// Soft-deletes the product; refused while it has stock on hand or reserved anywhere.
    public func delete(_ scope: Scope, id: Int64, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .inventory) { access in
            let product = try Product(row: try access.table(Self.table, entity: Self.entity).requireRow(access.db, id: id))
            let stocked = try Bool.fetchOne(access.db, sql: """
                SELECT EXISTS (SELECT 1 FROM stock_levels WHERE org_id = ? AND product_id = ? AND (on_hand <> 0 OR allocated <> 0))
                """, arguments: [access.scope.orgId, id]) ?? false
            if stocked { throw CoreError.rule("product \(product.sku) still has stock; issue or adjust it to zero before deleting") }
            try SoftDelete.delete(access, table: Self.table, id: id, expectedVersion: expectedVersion,
                                  entity: Self.entity, summary: "deleted product \(product.sku)")
        }
    }

    public func get(_ scope: Scope, id: Int64) throws -> Product {
        try database.read(as: scope, in: .inventory) { access in
            try Product(row: try access.table(Self.table, entity: Self.entity).requireRow(access.db, id: id))
        }
    }

    /// The product a scanner or a clerk named: its SKU (any case) or its barcode (EAN-13,
    /// UPC-A or EAN-8; a UPC-A finds the product stored under its EAN-13 form).
    public func lookup(_ scope: Scope, code: String) throws -> Product {
        try database.read(as: scope, in: .inventory) { access in
            guard let product = try Self.find(access, code: code) else { throw CoreError.notFound(entity: Self.entity, key: code) }
            return product
        }
    }

    static func find(_ access: ScopedDatabase, code: String) throws -> Product? {
        let table = access.table(table, entity: entity)
        if let barcode = try? Barcode(code),
           let row = try table.rows(access.db, where: SQL(sql: "barcode = ?", arguments: [barcode.normalized]), limit: 1).first {
            return try Product(row: row)
        }
        guard let sku = try? SKU(code) else { return nil }
        return try table.rows(access.db, where: SQL(sql: "sku = ?", arguments: [sku.code]), limit: 1).first.map(Product.init(row:))
    }

    /// One page of the grid.
    ///
    /// Without text the grid is ordered by (name, id) and `after` is a row-value cursor that
    /// SQLite seeks to in `products_grid`. With text of three characters or more the FTS index
    /// drives the query (`CROSS JOIN`, as in `AuditTrail`) and the page is ordered by id, so a
    /// page costs the same however many products match; `after` then continues after its id.
    public func page(_ scope: Scope, filter: ProductFilter = ProductFilter(), after cursor: ProductCursor? = nil,
                     limit: Int = 50) throws -> [Product] {
        let limit = max(1, min(limit, 1000))
        return try database.read(as: scope, in: .inventory) { access in
            var condition = Self.conditions(filter, scope: scope, includeText: false)
            let request: SQL
            if let match = filter.text?.nonBlank.flatMap(SearchIndex.matchExpression) {
                if let cursor { condition += " AND f.rowid > \(cursor.id)" }
                request = """
                    SELECT products.* FROM products_fts f CROSS JOIN products ON products.id = f.rowid
                    WHERE products_fts MATCH \(match) AND \(literal: condition) ORDER BY f.rowid LIMIT \(limit)
                    """
            } else {
                condition = Self.conditions(filter, scope: scope, includeText: true)
                if let cursor { condition += " AND (products.name, products.id) > (\(cursor.name), \(cursor.id))" }
                request = "SELECT * FROM products WHERE \(literal: condition) ORDER BY products.name, products.id LIMIT \(limit)"
            }
            return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map(Product.init(row:))
        }
    }

    /// How many products match; a text search stops counting after `cap` (`exact` false: "1,000+").
    public func count(_ scope: Scope, filter: ProductFilter = ProductFilter(), cap: Int? = 1000) throws -> (count: Int, exact: Bool) {
        try database.read(as: scope, in: .inventory) { access in
            let request: SQL
            if let match = filter.text?.nonBlank.flatMap(SearchIndex.matchExpression) {
                let limit = cap.map { " LIMIT \($0 + 1)" } ?? ""
                request = """
                    SELECT COUNT(*) FROM (SELECT 1 FROM products_fts f CROSS JOIN products ON products.id = f.rowid
                    WHERE products_fts MATCH \(match) AND \(literal: Self.conditions(filter, scope: scope, includeText: false))\(literal: SQL(sql: limit)))
                    """
            } else {
                request = "SELECT COUNT(*) FROM products WHERE \(literal: Self.conditions(filter, scope: scope, includeText: true))"
            }
            let n = try Int.fetchOne(access.db, SQLRequest<Int>(literal: request)) ?? 0
            if let cap, n > cap { return (cap, false) }
            return (n, true)
        }
    }

    static func conditions(_ filter: ProductFilter, scope: Scope, includeText: Bool) -> SQL {
        var sql: SQL = "products.org_id = \(scope.orgId) AND products.deleted_at IS NULL"
        if let category = filter.categoryId { sql += " AND products.category_id = \(category)" }
        if let active = filter.active { sql += " AND products.active = \(active)" }
        if let parent = filter.parentId { sql += " AND products.parent_id = \(parent)" }
        if includeText, let text = filter.text,
           let search = SearchIndex.condition(table: table, columns: searchColumns, text: text) {
            sql += " AND " + search
        }
        return sql
    }
}

extension AppDatabase {
    public var products: Products { Products(database: self) }
}
