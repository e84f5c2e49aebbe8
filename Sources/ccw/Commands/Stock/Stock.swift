import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw stock receive|issue|transfer|adjust|count|reserve|release|reverse|levels|value`.
struct Stock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock",
        abstract: "Book and read stock: movements, levels, value, reservations.",
        discussion: """
        Name a product by SKU or barcode and a warehouse by its code; a location is WAREHOUSE or
        WAREHOUSE/BIN (e.g. MAIN/A-12-3). Every movement is appended to the stock ledger; a wrong
        one is undone with `ccw stock reverse ID`.
        """,
        subcommands: [StockReceive.self, StockIssue.self, StockTransfer.self, StockAdjust.self, StockCount.self,
                      StockReserve.self, StockRelease.self, StockReverse.self, StockReorder.self, StockLevels.self, StockValue.self])
}

/// Where a movement happens: `--warehouse W [--bin B]`, or `--warehouse W/B`.
struct LocationOptions: ParsableArguments {
    @Option(name: [.customLong("warehouse"), .customShort("w")], help: ArgumentHelp("Warehouse code, or CODE/BIN.", valueName: "code"))
    var warehouse: String
    @Option(help: ArgumentHelp("Bin code, e.g. A-12-3 (default: the warehouse's unassigned stock).", valueName: "bin"))
    var bin: String?
    @Option(help: "Batch (lot) number.") var batch: String?

    /// (warehouse code, bin) with `CODE/BIN` split; `--bin` wins over the suffix.
    var parts: (String, String?) { StockSupport.split(warehouse, bin: bin) }
}

/// Shared by the stock commands: resolving names, parsing quantities, printing results.
enum StockSupport {
    static func split(_ location: String, bin: String?) -> (String, String?) {
        let pieces = location.split(separator: "/", maxSplits: 1).map(String.init)
        return (pieces.first ?? location, bin ?? (pieces.count > 1 ? pieces[1] : nil))
    }

    /// The product (by SKU or barcode) and the warehouse and bin a movement names.
    static func place(_ db: AppDatabase, _ scope: Scope, product code: String, at location: LocationOptions) throws
        -> (product: Product, warehouse: Warehouse, bin: String?) {
        let item = try product(db, scope, code)
        let (warehouseCode, bin) = location.parts
        return (item, try db.warehouses.get(scope, code: warehouseCode), bin)
    }

    static func product(_ db: AppDatabase, _ scope: Scope, _ code: String) throws -> Product {
        do { return try db.products.lookup(scope, code: code) } catch CoreError.notFound {
            throw CoreError.notFound(entity: "product", key: "\(code) (no product has this SKU or barcode)")
        }
    }

    static func quantity(_ text: String, for product: Product, field: String = "quantity") throws -> Quantity {
        try FieldInput.parse(field, text) { try Quantity.parse($0, scale: product.decimals, unitName: "\(product.sku) (\(product.unit))") }
    }

    static func document(_ text: String?) throws -> StockDocument? {
        try text.map { text in try FieldInput.parse("for", text) { try StockDocument(parsing: $0) } }
    }

    /// Books and prints what was booked (text on stderr, `--json` the booking on stdout).
    static func book(_ db: AppDatabase, _ scope: Scope, _ request: StockMovementRequest, product: Product, json: Bool) throws {
        let result = try db.stockBooking.book(scope, request)
        try print(result, product: product, db: db, scope: scope, json: json)
    }

    static func print(_ result: StockBookingResult, product: Product, db: AppDatabase, scope: Scope, json: Bool) throws {
        let codes = Dictionary(uniqueKeysWithValues: try db.warehouses.list(scope).map { ($0.id, $0.code) })
        let output = BookingJSON(result, product: product, codes: codes)
        if json { try Output.json(output); return }
        for line in output.movements {
            var text = "#\(line.id) \(line.kind) \(line.quantity) \(product.unit) of \(product.sku) at \(line.location)"
            if let counted = line.counted, let expected = line.expected { text += " (counted \(counted), book \(expected))" }
            if line.allocatedChange != "0" { text += " (allocated \(line.allocatedChange))" }
            if let document = line.document { text += " for \(document)" }
            Output.message(text)
        }
        for location in output.onHand { Output.message("  now at \(location.location): \(location.onHand) on hand, \(location.available) available") }
        for alert in result.alerts { Output.message("  low stock: \(alert.level) available, reorder point \(alert.rule.point)") }
    }
}

/// One booking as `--json` prints it.
struct BookingJSON: Encodable {
    struct Line: Encodable {
        var id: Int64
        var kind: String
        var warehouse: String
        var bin: String
        var batch: String
        var location: String
        var quantity: String
        var allocatedChange: String
        var unitCost: String?
        var valueChange: String
        var costOfGoods: String
        var currency: String
        var counted: String?
        var expected: String?
        var document: String?
        var reversalOf: Int64?
    }
    struct Level: Encodable {
        var warehouse: String
        var bin: String
        var batch: String
        var location: String
        var onHand: String
        var allocated: String
        var available: String
        var total: Bool
    }
    var bookingId: Int64
    var sku: String
    var movements: [Line]
    var onHand: [Level]
    var costOfGoods: String
    var valueChange: String
    var currency: String

    init(_ result: StockBookingResult, product: Product, codes: [Int64: String]) {
        func where_(_ warehouse: Int64, _ bin: String, _ batch: String) -> String {
            var text = codes[warehouse] ?? "#\(warehouse)"
            if !bin.isEmpty { text += "/\(bin)" }
            if !batch.isEmpty { text += " batch \(batch)" }
            return text
        }
        bookingId = result.bookingId
        sku = product.sku
        movements = result.movements.map { m in
            Line(id: m.id, kind: m.kind, warehouse: codes[m.warehouseId] ?? "", bin: m.bin, batch: m.batch,
                 location: where_(m.warehouseId, m.bin, m.batch), quantity: m.quantity.description,
                 allocatedChange: m.allocatedChange.description, unitCost: m.unitCost?.decimalString,
                 valueChange: m.valueChange.decimalString, costOfGoods: m.costOfGoods.decimalString, currency: m.valueChange.currency.code,
                 counted: m.counted?.description, expected: m.expected?.description, document: m.document?.description,
                 reversalOf: m.reversalOf)
        }
        onHand = (result.locations + result.totals.filter { total in result.locations.contains { $0.warehouseId == total.warehouseId && ($0.bin != "" || $0.batch != "") } })
            .map { l in
                Level(warehouse: codes[l.warehouseId] ?? "", bin: l.bin, batch: l.batch,
                      location: where_(l.warehouseId, l.bin, l.batch) + (l.isTotal ? " (total)" : ""),
                      onHand: l.level.onHand.description, allocated: l.level.allocated.description,
                      available: l.level.available.description, total: l.isTotal)
            }
        costOfGoods = result.costOfGoods.decimalString
        valueChange = result.valueChange.decimalString
        currency = result.valueChange.currency.code
    }
}
