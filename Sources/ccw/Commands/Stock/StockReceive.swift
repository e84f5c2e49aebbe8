import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock receive SKU QTY --warehouse MAIN [--bin A-12-3] [--cost 4.20] [--batch L7 --expiry 2027-03-31] [--serial S]…`.
struct StockReceive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "receive", abstract: "Book goods in at a unit cost.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Product SKU or barcode.") var product: String
    @Argument(help: "Quantity in the product's unit.") var quantity: String
    @OptionGroup var location: LocationOptions
    @Option(help: "Unit cost in the organization's currency (default: the product's cost).") var cost: String?
    @Option(help: "Expiry of the batch: 2027-03-31, +30, eom.") var expiry: String?
    @Option(name: .customLong("serial"), help: "Serial number (once per unit).") var serials: [String] = []
    @Option(help: "The document that caused it (delivery note, PO).") var reference: String?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let (item, warehouse, bin) = try StockSupport.place(db, scope, product: product, at: location)
            let qty = try StockSupport.quantity(quantity, for: item)
            let unitCost = try cost.map { text in try FieldInput.parse("cost", text) { try Money.parse($0, currency: item.cost.currency) } } ?? item.cost
            let today = ZonedTime.date(at: db.now(), in: scope.zone)
            let expires = try expiry.map { text in try FieldInput.parse("expiry", text) { try CalendarDate.parse($0, today: today) } }
            try StockSupport.book(db, scope, StockMovementRequest(productId: item.id, warehouseId: warehouse.id,
                                                                  kind: .receive(qty, unitCost: unitCost), reference: reference,
                                                                  batch: location.batch, expiry: expires, serials: serials, bin: bin),
                                  product: item, json: output.json)
        }
    }
}
