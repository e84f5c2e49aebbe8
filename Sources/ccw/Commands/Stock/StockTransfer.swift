import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock transfer SKU QTY --from MAIN/A-12-3 --to SHOP[/B-1]`: between warehouses (value
/// moves at cost) or between bins of one warehouse.
struct StockTransfer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Move goods to another warehouse or bin.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Product SKU or barcode.") var product: String
    @Argument(help: "Quantity in the product's unit.") var quantity: String
    @Option(help: ArgumentHelp("Source: WAREHOUSE or WAREHOUSE/BIN.", valueName: "location")) var from: String
    @Option(help: ArgumentHelp("Target: WAREHOUSE or WAREHOUSE/BIN.", valueName: "location")) var to: String
    @Option(help: "Batch (lot) number (default: first expiring first).") var batch: String?
    @Option(name: .customLong("serial"), help: "Serial number (once per unit).") var serials: [String] = []

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let item = try StockSupport.product(db, scope, product)
            let (fromCode, fromBin) = StockSupport.split(from, bin: nil)
            let (toCode, toBin) = StockSupport.split(to, bin: nil)
            let source = try db.warehouses.get(scope, code: fromCode)
            let target = try db.warehouses.get(scope, code: toCode)
            let qty = try StockSupport.quantity(quantity, for: item)
            try StockSupport.book(db, scope, StockMovementRequest(productId: item.id, warehouseId: source.id,
                                                                  kind: .transfer(qty, toWarehouse: target.id), batch: batch,
                                                                  serials: serials, bin: fromBin, toBin: toBin),
                                  product: item, json: output.json)
        }
    }
}
