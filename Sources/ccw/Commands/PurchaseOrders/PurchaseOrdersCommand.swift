import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw orders list|show|reorder|send|receive|cancel`: purchase orders to suppliers.
struct PurchaseOrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "Purchase orders: reorder low stock, send, receive.",
        discussion: "Orders are named by number (PO-2026-0007).",
        subcommands: [OrdersList.self, OrdersShow.self, OrdersReorder.self, OrdersSend.self, OrdersReceive.self, OrdersCancel.self])
}

/// An order as `--json` prints it.
struct PurchaseOrderJSON: Encodable {
    struct Line: Encodable {
        var sku: String
        var name: String
        var quantity: String
        var received: String
        var unitCost: String
        var total: String
    }

    var number: String
    var status: String
    var supplier: String?
    var warehouse: String
    var currency: String
    var total: String
    var lines: [Line]

    init(_ o: PurchaseOrder) {
        number = o.number
        status = o.status.rawValue
        supplier = o.supplierName
        warehouse = o.warehouseCode
        currency = o.currency.code
        total = o.total.decimalString
        lines = o.lines.map { Line(sku: $0.sku, name: $0.name, quantity: $0.quantity.description, received: $0.received.description,
                                   unitCost: $0.unitCost.decimalString, total: $0.total.decimalString) }
    }
}

enum OrdersOutput {
    static func print(_ orders: [PurchaseOrder], json: Bool) throws {
        if json { try Output.json(orders.map(PurchaseOrderJSON.init)); return }
        Output.table(["order", "status", "supplier", "to", "lines", "total"], orders.map {
            [$0.number, $0.status.rawValue, $0.supplierName ?? "(no supplier)", $0.warehouseCode, "\($0.lines.count)", $0.total.formatted]
        })
    }
}

struct OrdersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List open orders (newest first).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Include received and cancelled orders.") var all = false

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            try OrdersOutput.print(try db.purchaseOrders.list(scope, includeClosed: all), json: output.json)
        }
    }
}

struct OrdersShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an order with its lines.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The order number.") var number: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let o = try db.purchaseOrders.get(scope, number: number)
            if output.json { try Output.json(PurchaseOrderJSON(o)); return }
            Output.message("\(o.number) · \(o.status.rawValue) · \(o.supplierName ?? "no supplier") → \(o.warehouseCode) · \(o.total.formatted)")
            Output.table(["sku", "product", "ordered", "received", "unit cost", "total"], o.lines.map {
                [$0.sku, $0.name, "\($0.quantity) \($0.unit)", $0.received.description, $0.unitCost.formatted, $0.total.formatted]
            })
        }
    }
}

struct OrdersReorder: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reorder",
                                                    abstract: "Draft orders for every low-stock alert not on an order yet (one per supplier and warehouse).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let alerts = try db.purchaseOrders.alertsToOrder(scope)
            guard !alerts.isEmpty else { Output.message("no low-stock alerts waiting for an order"); return }
            try OrdersOutput.print(try db.purchaseOrders.draft(scope, fromAlerts: alerts.map(\.id)), json: output.json)
        }
    }
}

struct OrdersSend: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "send", abstract: "Mark a draft order sent to its supplier.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The order number.") var number: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let o = try db.purchaseOrders.get(scope, number: number)
            _ = try db.purchaseOrders.markSent(scope, id: o.id, expectedVersion: o.version)
            Output.message("\(o.number) marked sent")
        }
    }
}

struct OrdersReceive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "receive", abstract: "Book an order's goods into stock at its costs.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The order number.") var number: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let o = try db.purchaseOrders.receive(scope, id: try db.purchaseOrders.get(scope, number: number).id)
            Output.message("\(o.number) received into \(o.warehouseCode): \(o.lines.map { "\($0.received) \($0.unit) \($0.sku)" }.joined(separator: ", "))")
        }
    }
}

struct OrdersCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an order nothing was received on.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The order number.") var number: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let o = try db.purchaseOrders.get(scope, number: number)
            _ = try db.purchaseOrders.cancel(scope, id: o.id, expectedVersion: o.version)
            Output.message("\(o.number) cancelled")
        }
    }
}
