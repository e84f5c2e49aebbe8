import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock reserve SKU QTY --warehouse MAIN [--bin A-1] --for order:SO-1042`.
struct StockReserve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reserve", abstract: "Allocate stock to a deal, order or invoice.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Product SKU or barcode.") var product: String
    @Argument(help: "Quantity to reserve.") var quantity: String
    @OptionGroup var location: LocationOptions
    @Option(name: .customLong("for"), help: ArgumentHelp("deal:ID, order:ID or invoice:ID.", valueName: "document")) var document: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let (item, warehouse, bin) = try StockSupport.place(db, scope, product: product, at: location)
            let qty = try StockSupport.quantity(quantity, for: item)
            try StockSupport.book(db, scope, StockMovementRequest(productId: item.id, warehouseId: warehouse.id, kind: .allocate(qty),
                                                                  reference: document, batch: location.batch, bin: bin,
                                                                  document: try StockSupport.document(document)),
                                  product: item, json: output.json)
        }
    }
}

/// `ccw stock release SKU [QTY] --warehouse MAIN [--bin A-1] --for order:SO-1042` (no QTY: all it holds there).
struct StockRelease: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Give back a document's reservation.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Product SKU or barcode.") var product: String
    @Argument(help: "Quantity to release (default: everything the document holds at the location).") var quantity: String?
    @OptionGroup var location: LocationOptions
    @Option(name: .customLong("for"), help: ArgumentHelp("deal:ID, order:ID or invoice:ID.", valueName: "document")) var document: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let (item, warehouse, bin) = try StockSupport.place(db, scope, product: product, at: location)
            let doc = try StockSupport.document(document)!
            let qty: Quantity
            if let quantity {
                qty = try StockSupport.quantity(quantity, for: item)
            } else {
                let binCode = try bin.map { text in try FieldInput.parse("bin", text) { try BinCode($0).code } } ?? ""
                let held = try db.stockQueries.reservations(scope, document: doc).first {
                    $0.productId == item.id && $0.warehouseId == warehouse.id && $0.bin == binCode && $0.batch == (location.batch ?? "")
                }
                guard let held else { throw CoreError.rule("\(doc) holds no reservation of \(item.sku) at \(location.warehouse)") }
                qty = held.reserved
            }
            try StockSupport.book(db, scope, StockMovementRequest(productId: item.id, warehouseId: warehouse.id, kind: .release(qty),
                                                                  reference: document, batch: location.batch, bin: bin, document: doc),
                                  product: item, json: output.json)
        }
    }
}
