/// Inventory value totals by product, by warehouse or by category: pure sums over valuation
/// lines (from `StockLedger.valuation()` or `StockLedger.valueAsOf`), all in one currency.
public enum InventoryValueReport {
    /// Value per product over all warehouses.
    public static func byProduct(_ lines: [StockValuationLine], currency: CurrencyCode) -> [ProductID: Money] {
        total(lines, currency: currency) { [$0.key.product] }
    }

    /// Value per warehouse over all products.
    public static func byWarehouse(_ lines: [StockValuationLine], currency: CurrencyCode) -> [WarehouseID: Money] {
        total(lines, currency: currency) { [$0.key.warehouse] }
    }

    /// Value per category. With a tree, each category's total includes its subcategories
    /// (Clothing includes T-shirts), so only the roots add up to the grand total; without one,
    /// each product counts in its own category only. Products without a category are left out;
    /// `uncategorized` gives their value.
    public static func byCategory(_ lines: [StockValuationLine], tree: CategoryTree? = nil,
                                  currency: CurrencyCode) -> [CategoryID: Money] {
        total(lines, currency: currency) { line in
            guard let category = line.category else { return [] }
            return tree?.ancestry(of: category).nilIfEmpty ?? [category]
        }
    }

    /// Value of products without a category.
    public static func uncategorized(_ lines: [StockValuationLine], currency: CurrencyCode) -> Money {
        lines.filter { $0.category == nil }.reduce(.zero(currency)) { $0 + $1.value }
    }

    /// The value of all lines.
    public static func grandTotal(_ lines: [StockValuationLine], currency: CurrencyCode) -> Money {
        lines.reduce(.zero(currency)) { $0 + $1.value }
    }

    private static func total<Key: Hashable>(_ lines: [StockValuationLine], currency: CurrencyCode,
                                             keys: (StockValuationLine) -> [Key]) -> [Key: Money] {
        var totals: [Key: Money] = [:]
        for line in lines {
            for key in keys(line) { totals[key, default: .zero(currency)] += line.value }
        }
        return totals
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
