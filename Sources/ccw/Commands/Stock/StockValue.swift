import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock value [--as-of DATE] [--by product|warehouse|category] [--json]`.
struct StockValue: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "value", abstract: "Inventory value as of a date (from the ledger).")

    enum Grouping: String, ExpressibleByArgument, CaseIterable { case product, warehouse, category }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("as-of"), help: "End of this day: 2026-06-30, today, eom (default: today).") var asOf: String?
    @Option(help: "Group by product, warehouse or category.") var by: Grouping = .product

    struct ValueJSON: Encodable {
        var key: String
        var name: String
        var quantity: String?
        var value: String
        var currency: String
    }

    struct ReportJSON: Encodable {
        var asOf: String
        var by: String
        var lines: [ValueJSON]
        var total: String
        var currency: String
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let today = ZonedTime.date(at: db.now(), in: scope.zone)
            let date = try asOf.map { text in try FieldInput.parse("as-of", text) { try CalendarDate.parse($0, today: today) } } ?? today
            let lines = try db.stockQueries.valuation(scope, asOf: date)
            let currency = scope.baseCurrency
            var items: [ValueJSON] = []
            switch by {
            case .product:
                var quantities: [ProductID: Quantity] = [:]
                for line in lines { quantities[line.key.product] = quantities[line.key.product].map { $0 + line.onHand } ?? line.onHand }
                for (product, value) in InventoryValueReport.byProduct(lines, currency: currency).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let p = try db.products.get(scope, id: product.rawValue)
                    items.append(ValueJSON(key: p.sku, name: p.name, quantity: quantities[product]?.description,
                                           value: value.decimalString, currency: currency.code))
                }
            case .warehouse:
                let warehouses = Dictionary(uniqueKeysWithValues: try db.warehouses.list(scope).map { ($0.id, $0) })
                for (warehouse, value) in InventoryValueReport.byWarehouse(lines, currency: currency).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let w = warehouses[warehouse.rawValue]
                    items.append(ValueJSON(key: w?.code ?? "#\(warehouse.rawValue)", name: w?.name ?? "", value: value.decimalString,
                                           currency: currency.code))
                }
            case .category:
                let tree = try db.productCategories.list(scope)
                let names = Dictionary(uniqueKeysWithValues: tree.map { ($0.id, $0.name) })
                for (category, value) in try db.stockQueries.valueByCategory(scope, asOf: date).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    items.append(ValueJSON(key: "\(category.rawValue)", name: names[category.rawValue] ?? "", value: value.decimalString,
                                           currency: currency.code))
                }
                let none = InventoryValueReport.uncategorized(lines, currency: currency)
                if !none.isZero { items.append(ValueJSON(key: "-", name: "(no category)", value: none.decimalString, currency: currency.code)) }
            }
            let total = InventoryValueReport.grandTotal(lines, currency: currency)
            if output.json {
                try Output.json(ReportJSON(asOf: date.description, by: by.rawValue, lines: items, total: total.decimalString, currency: currency.code))
                return
            }
            Output.table([by.rawValue, "name", "quantity", "value"],
                         items.map { [$0.key, $0.name, $0.quantity ?? "", "\($0.value) \($0.currency)"] }, rightAligned: [2, 3])
            Output.data("total \(total.formattedWithCode) as of \(date)")
        }
    }
}
