import CCWDomain
import GRDB

extension ProductPrices {
    /// Adds products in one transaction (an import), each with an optional wholesale price: a
    /// one-break wholesale ladder from 1 unit in the product's currency. All or nothing; a
    /// refusal names the line of the row that caused it. Rows with a wholesale price also need
    /// the right to edit products.
    public func addAll(_ scope: Scope, _ rows: [(line: Int, draft: ProductDraft, wholesale: Money?)]) throws -> [Product] {
        try database.write(as: scope, .create, in: .inventory) { access in
            if rows.contains(where: { $0.wholesale != nil }) { try access.scope.require(.edit, in: .inventory) }
            return try rows.map { line, draft, wholesale in
                do {
                    let product = try Products.insert(access, draft)
                    guard let wholesale else { return product }
                    let breaks = [PriceBreak(from: Quantity(units: 1, scale: product.decimals), unitPrice: wholesale)]
                    let problems = Self.problems([(1, breaks[0])], currency: product.price.currency, decimals: product.decimals)
                    if let first = problems.first { throw CoreError.invalid("wholesale_price", first.message) }
                    try Self.write(access, product, tier: .wholesale, currency: product.price.currency, breaks: breaks)
                    return product
                } catch let error as CoreError {
                    throw CoreError.invalid("line \(line)", error.description)
                }
            }
        }
    }

    /// The price of one unit in `tier` and the product's currency for each product that has one
    /// (what `ccw products export` writes as `wholesale_price`). Reads at most 500 products.
    public func unitPrices(_ scope: Scope, productIds: [Int64], tier: PriceTier = .wholesale) throws -> [Int64: Money] {
        let ids = Array(productIds.prefix(500))
        guard !ids.isEmpty else { return [:] }
        return try database.read(as: scope, in: .inventory) { access in
            let rows = try Row.fetchAll(access.db, sql: """
                SELECT pp.product_id, pp.unit_price_minor, pp.currency FROM product_prices pp
                JOIN products p ON p.id = pp.product_id AND p.org_id = pp.org_id
                WHERE pp.org_id = ? AND pp.deleted_at IS NULL AND pp.tier = ? AND pp.currency = p.currency
                  AND pp.min_quantity <= (CASE p.decimals WHEN 0 THEN 1 WHEN 1 THEN 10 WHEN 2 THEN 100 WHEN 3 THEN 1000
                                          WHEN 4 THEN 10000 WHEN 5 THEN 100000 ELSE 1000000 END)
                  AND pp.product_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
                ORDER BY pp.product_id, pp.min_quantity
                """, arguments: StatementArguments([access.scope.orgId, tier.description] as [any DatabaseValueConvertible] + ids.map { $0 as any DatabaseValueConvertible }))
            var prices: [Int64: Money] = [:]
            for row in rows {
                // The highest break not above one unit wins (rows come lowest minimum first).
                prices[row["product_id"]] = Money(minor: row["unit_price_minor"], currency: try CurrencyCode(row["currency"] as String))
            }
            return prices
        }
    }
}
