import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock count SKU 7 --warehouse MAIN --bin A-12-3`: the difference to the book quantity
/// of that location is posted.
struct StockCount: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "count", abstract: "Book a cycle count of one location.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Product SKU or barcode.") var product: String
    @Argument(help: "The counted quantity.") var counted: String
    @OptionGroup var location: LocationOptions

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let (item, warehouse, bin) = try StockSupport.place(db, scope, product: product, at: location)
            let qty = try StockSupport.quantity(counted, for: item, field: "counted")
            try StockSupport.book(db, scope, StockMovementRequest(productId: item.id, warehouseId: warehouse.id,
                                                                  kind: .count(counted: qty), batch: location.batch, bin: bin),
                                  product: item, json: output.json)
        }
    }
}
