import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw warehouses list|add`: the places stock is kept, named by code.
struct Warehouses: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warehouses", abstract: "Warehouses and stores (named by code).",
        subcommands: [WarehousesList.self, WarehousesAdd.self])
}

/// A warehouse as `--json` prints it, with its known bins.
struct WarehouseJSON: Encodable {
    var id: Int64
    var code: String
    var name: String
    var type: String
    var address: String
    var bins: [String]?

    init(_ w: Warehouse, bins: [String]? = nil) {
        id = w.id; code = w.code; name = w.name; type = w.type.rawValue; address = w.address; self.bins = bins
    }
}

/// `ccw warehouses list [--bins] [--json]`.
struct WarehousesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List warehouses by code.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "With the bins known at each warehouse.") var bins = false

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let items = try db.warehouses.list(scope).map { w in
                WarehouseJSON(w, bins: bins ? try db.stockQueries.bins(scope, warehouseId: w.id) : nil)
            }
            if output.json { try Output.json(items); return }
            Output.table(["code", "name", "type"] + (bins ? ["bins"] : []),
                         items.map { [$0.code, $0.name, $0.type] + (bins ? [($0.bins ?? []).joined(separator: " ")] : []) })
        }
    }
}

/// `ccw warehouses add CODE --name NAME [--type store] [--address TEXT] [--json]`.
struct WarehousesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a warehouse or store.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Code clerks type, e.g. MAIN or BER-1.") var code: String
    @Option(help: "Name.") var name: String
    @Option(help: "warehouse, store, distribution-center or virtual.") var type: String = "warehouse"
    @Option(help: "Address.") var address: String = ""

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            guard let kind = WarehouseType(rawValue: type) else {
                throw FieldInput.invalid("type", "\(type): use \(WarehouseType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let warehouse = try db.warehouses.add(scope, code: code, name: name, type: kind, address: address)
            if output.json { try Output.json(WarehouseJSON(warehouse)); return }
            Output.message("added warehouse \(warehouse.code) \(warehouse.name) (id \(warehouse.id))")
        }
    }
}
