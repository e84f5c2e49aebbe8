import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock levels [--low] [--warehouse W] [--product SKU] [--bins] [--json]`.
struct StockLevels: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "levels", abstract: "On hand, allocated and available per product and warehouse.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Only levels at or below their reorder point.") var low = false
    @Option(name: [.customLong("warehouse"), .customShort("w")], help: "Only this warehouse (code).") var warehouse: String?
    @Option(help: "Only this product (SKU or barcode).") var product: String?
    @Flag(help: "With --product: one line per bin and batch instead of warehouse totals.") var bins = false
    @Option(help: "At most this many lines.") var limit: Int = 1000

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if bins && product == nil { throw ValidationError("--bins needs --product SKU") }
    }

    struct LevelJSON: Encodable {
        var sku: String
        var warehouse: String
        var bin: String?
        var batch: String?
        var expiry: String?
        var onHand: String
        var allocated: String
        var available: String
        var reorderPoint: String?
        var low: Bool?
        var value: String?
        var currency: String?
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let warehouseId = try warehouse.map { try db.warehouses.get(scope, code: $0).id }
            let productId = try product.map { try StockSupport.product(db, scope, $0).id }
            var items: [LevelJSON]
            if bins, let productId {
                items = try db.stockQueries.locations(scope, productId: productId, warehouseId: warehouseId).map {
                    LevelJSON(sku: $0.sku, warehouse: $0.warehouseCode, bin: $0.bin, batch: $0.batch, expiry: $0.expiry,
                              onHand: $0.level.onHand.description, allocated: $0.level.allocated.description,
                              available: $0.level.available.description)
                }
            } else {
                items = try db.stockQueries.levels(scope, productId: productId, warehouseId: warehouseId, limit: low ? 100_000 : limit)
                    .filter { !low || $0.isLow }.prefix(limit).map {
                        LevelJSON(sku: $0.sku, warehouse: $0.warehouseCode, onHand: $0.level.onHand.description,
                                  allocated: $0.level.allocated.description, available: $0.level.available.description,
                                  reorderPoint: $0.reorderPoint?.description, low: $0.isLow, value: $0.value.decimalString,
                                  currency: $0.value.currency.code)
                    }
            }
            if output.json { try Output.json(items); return }
            if items.isEmpty { Output.message(low ? "no stock at or below its reorder point" : "no stock levels"); return }
            if bins {
                Output.table(["sku", "warehouse", "bin", "batch", "expiry", "on hand", "allocated", "available"],
                             items.map { [$0.sku, $0.warehouse, $0.bin.map { $0.isEmpty ? "(none)" : $0 } ?? "", $0.batch ?? "",
                                          $0.expiry ?? "", $0.onHand, $0.allocated, $0.available] }, rightAligned: [5, 6, 7])
            } else {
                Output.table(["sku", "warehouse", "on hand", "allocated", "available", "reorder at", "value", "status"],
                             items.map { [$0.sku, $0.warehouse, $0.onHand, $0.allocated, $0.available, $0.reorderPoint ?? "",
                                          "\($0.value ?? "") \($0.currency ?? "")", $0.low == true ? "LOW" : "ok"] },
                             rightAligned: [2, 3, 4, 5, 6])
            }
        }
    }
}
