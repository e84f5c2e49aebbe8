import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock adjust SKU -- -2 --warehouse MAIN --reason "broken in transit"`: a signed correction.
struct StockAdjust: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjust", abstract: "Correct stock by a signed quantity, with a reason.",
        discussion: "A negative quantity needs `--` before it: ccw stock adjust SKU --warehouse MAIN --reason damaged -- -2")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Product SKU or barcode.") var product: String
    @Argument(help: "Signed quantity: 3 found, -2 missing.") var quantity: String
    @OptionGroup var location: LocationOptions
    @Option(help: "Why (required).") var reason: String
    @Option(help: "Unit cost of found goods (default: the current unit cost).") var cost: String?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let (item, warehouse, bin) = try StockSupport.place(db, scope, product: product, at: location)
            let qty = try StockSupport.quantity(quantity, for: item)
            let unitCost = try cost.map { text in try FieldInput.parse("cost", text) { try Money.parse($0, currency: item.cost.currency) } }
            try StockSupport.book(db, scope, StockMovementRequest(productId: item.id, warehouseId: warehouse.id,
                                                                  kind: .adjust(qty, reason: reason, unitCost: unitCost),
                                                                  batch: location.batch, bin: bin),
                                  product: item, json: output.json)
        }
    }
}
