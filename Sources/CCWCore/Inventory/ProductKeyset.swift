import CCWDomain
import GRDB

/// Keyset pages of `products` shared by the product grid and the stock matrix.
///
/// Without text a page is ordered by `(name, id)` and continues from a row value that SQLite
/// seeks to in `products_grid`; with text of three characters or more the trigram index drives
/// the query (`CROSS JOIN`) and the page is ordered by id, as `Products.page` does. Backwards
/// pages walk the same index the other way and are returned in display order.
enum ProductKeyset {
    /// One page of product rows matching `condition` (on the table `products`).
    static func fetch(_ access: ScopedDatabase, condition: SQL, text: String?, cursor: ProductCursor?,
                      forwards: Bool, limit: Int) throws -> [Row] {
        let limit = max(1, min(limit, 1000))
        var condition = condition
        let op = SQL(sql: forwards ? ">" : "<"), order = SQL(sql: forwards ? "ASC" : "DESC")
        let request: SQL
        if let match = text?.nonBlank.flatMap(SearchIndex.matchExpression) {
            if let cursor { condition += " AND f.rowid \(literal: op) \(cursor.id)" }
            request = """
                SELECT products.* FROM products_fts f CROSS JOIN products ON products.id = f.rowid
                WHERE products_fts MATCH \(match) AND \(literal: condition) ORDER BY f.rowid \(literal: order) LIMIT \(limit)
                """
        } else {
            if let text, let search = SearchIndex.condition(table: "products", columns: Products.searchColumns, text: text) {
                condition += " AND " + search
            }
            if let cursor { condition += " AND (products.name, products.id) \(literal: op) (\(cursor.name), \(cursor.id))" }
            request = """
                SELECT products.* FROM products WHERE \(literal: condition)
                ORDER BY products.name \(literal: order), products.id \(literal: order) LIMIT \(limit)
                """
        }
        let rows = try Row.fetchAll(access.db, SQLRequest<Row>(literal: request))
        return forwards ? rows : rows.reversed()
    }

    /// How many products match; stops after `cap` when given (`exact` false).
    static func count(_ access: ScopedDatabase, condition: SQL, text: String?, cap: Int?) throws -> (count: Int, exact: Bool) {
        var condition = condition
        let source: SQL
        if let match = text?.nonBlank.flatMap(SearchIndex.matchExpression) {
            source = "products_fts f CROSS JOIN products ON products.id = f.rowid"
            condition = "products_fts MATCH \(match) AND " + condition
        } else {
            source = "products"
            if let text, let search = SearchIndex.condition(table: "products", columns: Products.searchColumns, text: text) {
                condition += " AND " + search
            }
        }
        let limit = SQL(sql: cap.map { " LIMIT \($0 + 1)" } ?? "")
        let request: SQL = "SELECT COUNT(*) FROM (SELECT 1 FROM \(literal: source) WHERE \(literal: condition)\(literal: limit))"
        let n = try Int.fetchOne(access.db, SQLRequest<Int>(literal: request)) ?? 0
        if let cap, n > cap { return (cap, false) }
        return (n, true)
    }

    /// `products.category_id IN (…)`, or nil for no category filter.
    static func categoryCondition(_ ids: [Int64]?) -> SQL? {
        guard let ids else { return nil }
        guard !ids.isEmpty else { return "0" }
        return SQL(sql: "products.category_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))", arguments: StatementArguments(ids))
    }

    /// `column IN (?, ?, …)` over ids.
    static func inList(_ column: String, _ ids: [Int64]) -> SQL {
        guard !ids.isEmpty else { return "0" }
        return SQL(sql: "\(column) IN (\(ids.map { _ in "?" }.joined(separator: ",")))", arguments: StatementArguments(ids))
    }
}
