import CCWCore
import CCWDomain

/// The cost layers of a product at one warehouse, as the detail lists them.
public struct CostLayerSummary: Sendable, Hashable {
    public var warehouseCode: String
    public var method: ValuationMethod
    /// Oldest first (FIFO order); weighted average: one layer.
    public var layers: [CostLayer]
    public var onHand: Quantity
    public var value: Money
    public var averageUnitCost: Money?
}

/// Everything the product detail shows about one product, read in one go when the selection
/// moves: its category path, price ladders, stock per warehouse and per bin/batch, serials, the newest ledger
/// rows, the cost layers and the stock value. Bounded: at most `ledgerLimit` ledger rows and
/// 200 locations or serials.
public struct ProductOverview: Sendable {
    public var product: Product
    public var categoryPath: String?
    public var parentSKU: String?
    public var variantCount: Int
    /// The product's price ladders: retail, wholesale, then named tiers.
    public var prices: [PriceLadder]
    public var levels: [StockLevelLine]
    public var locations: [StockLocationLine]
    public var serials: [SerialLine]
    public var ledger: [LedgerLine]
    public var pools: [CostLayerSummary]
    /// Value of the stock on hand now (sum of the pools).
    public var value: Money

    public static let ledgerLimit = 30

    public static func load(_ session: AppSession, product: Product) throws -> ProductOverview {
        let db = session.database, scope = session.scope
        let stock = db.stockQueries
        let categories = try db.productCategories.list(scope)
        let byId = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0) })
        var path: [String] = [], next = product.categoryId, seen: Set<Int64> = []
        while let id = next, let node = byId[id], !seen.contains(id) { path.insert(node.name, at: 0); seen.insert(id); next = node.parentId }
        let pools = try stock.costPools(scope, productId: product.id).map {
            CostLayerSummary(warehouseCode: $0.warehouseCode, method: $0.pool.method, layers: $0.pool.layers, onHand: $0.pool.onHand,
                             value: $0.pool.value, averageUnitCost: $0.pool.averageUnitCost)
        }
        let value = pools.reduce(Money.zero(scope.baseCurrency)) { total, pool in
            pool.value.currency == total.currency ? total + pool.value : total
        }
        return ProductOverview(
            product: product, categoryPath: path.isEmpty ? nil : path.joined(separator: " › "),
            parentSKU: try product.parentId.map { try db.products.get(scope, id: $0).sku },
            variantCount: product.parentId == nil ? try db.products.gridLine(scope, id: product.id).variantCount : 0,
            prices: try db.productPrices.tiers(scope, productId: product.id).sortedLadders,
            levels: try stock.levels(scope, productId: product.id),
            locations: product.tracking == .serial ? [] : try stock.locations(scope, productId: product.id),
            serials: product.tracking == .serial ? try stock.serialLines(scope, productId: product.id) : [],
            ledger: try stock.ledgerLines(scope, productId: product.id, limit: ledgerLimit),
            pools: pools, value: value)
    }
}
