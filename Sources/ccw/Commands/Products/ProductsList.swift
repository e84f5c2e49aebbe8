import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw products list [--search TEXT] [--inactive] [--limit N] [--json]`, in name order, keyset paged.
struct ProductsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List products in name order.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Words in the SKU, name, barcode or brand.") var search: String?
    @Flag(help: "Include inactive products.") var inactive = false
    @Option(help: "At most this many products (default: all).") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let filter = ProductFilter(text: search, active: inactive ? nil : true)
            var items: [ProductJSON] = []
            var cursor: ProductCursor?
            while limit.map({ items.count < $0 }) ?? true {
                let want = min(500, (limit ?? Int.max) - items.count)
                let page = try db.products.page(scope, filter: filter, after: cursor, limit: want)
                items += page.map(ProductJSON.init)
                guard page.count == want, let last = page.last else { break }
                cursor = search?.isEmpty == false ? ProductCursor(name: "", id: last.id) : ProductCursor(last)
            }
            if output.json { try Output.json(items); return }
            Output.table(["sku", "name", "barcode", "unit", "cost", "price", "active"],
                         items.map { [$0.sku, $0.name, $0.barcode ?? "", $0.unit, $0.cost, $0.price, $0.active ? "yes" : "no"] },
                         rightAligned: [4, 5])
        }
    }
}
