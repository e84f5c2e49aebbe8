import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw products export [--inactive] [--json]`: every product as CSV (the import's columns) or JSON.
/// `wholesale_price` is the wholesale price of one unit in the product's currency (empty without
/// one); whole ladders are listed by `ccw products prices`.
struct ProductsExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export products as CSV (or --json) to stdout.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Include inactive products.") var inactive = false

    static let columns = ["sku", "name", "barcode", "cost", "price", "unit", "decimals", "brand", "valuation", "tracking", "active", "wholesale_price"]

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let filter = ProductFilter(active: inactive ? nil : true)
            var cursor: ProductCursor?
            var all: [ProductJSON] = []
            var csv = Self.columns.joined(separator: ",") + "\n"
            while true {
                let page = try db.products.page(scope, filter: filter, after: cursor, limit: 500)
                let wholesale = output.json ? [:] : try db.productPrices.unitPrices(scope, productIds: page.map(\.id))
                for p in page {
                    let j = ProductJSON(p)
                    if output.json { all.append(j); continue }
                    let cells = [j.sku, j.name, j.barcode ?? "", j.cost, j.price, j.unit, "\(j.decimals)", j.brand, j.valuation, j.tracking,
                                 j.active ? "yes" : "no", wholesale[p.id]?.decimalString ?? ""]
                    csv += cells.map(Self.quoted).joined(separator: ",") + "\n"
                }
                guard page.count == 500, let last = page.last else { break }
                cursor = ProductCursor(last)
            }
            if output.json { try Output.json(all) } else { Output.data(csv) }
        }
    }

    static func quoted(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
