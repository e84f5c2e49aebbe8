import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock reorder SKU 5 20 --warehouse MAIN [--max 60] [--supplier "Acme GmbH"]`: when the
/// available stock of the product at that warehouse falls to 5 or less, one low-stock alert is
/// raised, and reordering from it orders 20 (or up to `--max`).
struct StockReorder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reorder", abstract: "Set a product's reorder point and order quantity at a warehouse.",
        discussion: """
        A level at or below the point raises one low-stock alert (and a notice to admins, managers
        and warehouse staff); a level back above the point re-arms it. The supplier defaults to the
        product's own.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Product SKU or barcode.") var product: String
    @Argument(help: "Reorder point: alert when the available stock is at or below it.") var point: String
    @Argument(help: "How much to order when it is reached.") var quantity: String
    @Option(name: [.customLong("warehouse"), .customShort("w")], help: ArgumentHelp("Warehouse code.", valueName: "code"))
    var warehouse: String
    @Option(help: "Order up to this level instead of a fixed quantity.") var max: String?
    @Option(help: "Supplier company (name or id) for this warehouse's orders.") var supplier: String?

    struct RuleJSON: Encodable {
        var sku: String
        var warehouse: String
        var reorderPoint: String
        var reorderQuantity: String
        var maxLevel: String?
        var supplierCompanyId: Int64?
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let item = try StockSupport.product(db, scope, product)
            let place = try db.warehouses.get(scope, code: warehouse)
            let point = try StockSupport.quantity(self.point, for: item, field: "reorder point")
            let quantity = try StockSupport.quantity(self.quantity, for: item, field: "order quantity")
            let maxLevel = try max.map { try StockSupport.quantity($0, for: item, field: "max") }
            let supplierId = try supplier.map { try db.companies.resolve(scope, key: $0).id.rawValue }
            let stored = try db.reorderRules.set(scope, productId: item.id, warehouseId: place.id, point: point, quantity: quantity,
                                                 maxLevel: maxLevel, supplierCompanyId: supplierId)
            let rule = stored.rule
            if output.json {
                try Output.json(RuleJSON(sku: item.sku, warehouse: place.code, reorderPoint: rule.point.description,
                                         reorderQuantity: rule.quantity.description, maxLevel: rule.maxLevel?.description,
                                         supplierCompanyId: supplierId))
                return
            }
            Output.message("reorder point of \(item.sku) at \(place.code): \(rule.point) \(item.unit), order "
                           + (rule.maxLevel.map { "up to \($0)" } ?? "\(rule.quantity)") + " \(item.unit)")
        }
    }
}
