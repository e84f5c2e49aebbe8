import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock issue SKU QTY --warehouse MAIN [--bin A-12-3] [--for order:SO-1]`: goods out;
/// with `--for` against that document's reservation.
struct StockIssue: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "issue", abstract: "Book goods out (a sale, consumption).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Product SKU or barcode.") var product: String
    @Argument(help: "Quantity in the product's unit.") var quantity: String
    @OptionGroup var location: LocationOptions
    @Option(name: .customLong("for"), help: ArgumentHelp("Issue against the reservation of deal:ID, order:ID or invoice:ID.", valueName: "document"))
    var document: String?
    @Option(name: .customLong("serial"), help: "Serial number (once per unit).") var serials: [String] = []
    @Option(help: "The document that caused it.") var reference: String?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let (item, warehouse, bin) = try StockSupport.place(db, scope, product: product, at: location)
            let qty = try StockSupport.quantity(quantity, for: item)
            let doc = try StockSupport.document(document)
            try StockSupport.book(db, scope, StockMovementRequest(productId: item.id, warehouseId: warehouse.id,
                                                                  kind: .issue(qty, fromAllocation: doc != nil),
                                                                  reference: reference ?? doc?.description, batch: location.batch,
                                                                  serials: serials, bin: bin, document: doc),
                                  product: item, json: output.json)
        }
    }
}
