import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw products show SKU|BARCODE [--json]`: the product and its stock by location.
struct ProductsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a product and its stock by location.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "SKU or barcode.") var code: String

    struct ShowJSON: Encodable {
        struct Location: Encodable {
            var warehouse: String
            var bin: String
            var batch: String
            var expiry: String?
            var onHand: String
            var allocated: String
            var available: String
        }
        var product: ProductJSON
        var stock: [Location]
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let product = try StockSupport.product(db, scope, code)
            let locations = try db.stockQueries.locations(scope, productId: product.id).map {
                ShowJSON.Location(warehouse: $0.warehouseCode, bin: $0.bin, batch: $0.batch, expiry: $0.expiry,
                                  onHand: $0.level.onHand.description, allocated: $0.level.allocated.description,
                                  available: $0.level.available.description)
            }
            if output.json { try Output.json(ShowJSON(product: ProductJSON(product), stock: locations)); return }
            let p = ProductJSON(product)
            Output.data("""
                \(p.sku)  \(p.name)\(p.active ? "" : "  (inactive)")
                barcode    \(p.barcode ?? "-")
                unit       \(p.unit)\(p.decimals > 0 ? " (\(p.decimals) decimals)" : "")
                cost       \(p.cost) \(p.currency)    price \(p.price) \(p.currency)
                valuation  \(p.valuation)    tracking \(p.tracking)
                """)
            if locations.isEmpty { Output.data("no stock"); return }
            Output.table(["warehouse", "bin", "batch", "expiry", "on hand", "allocated", "available"],
                         locations.map { [$0.warehouse, $0.bin.isEmpty ? "(none)" : $0.bin, $0.batch, $0.expiry ?? "", $0.onHand,
                                          $0.allocated, $0.available] }, rightAligned: [4, 5, 6])
        }
    }
}
