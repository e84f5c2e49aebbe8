import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw products add TSHIRT-RED-M --name "T-shirt red M" --cost 4.20 --price 12.90 [--barcode …] [--valuation fifo]
/// [--supplier "Acme GmbH" --supplier-sku A-77] [--json]`.
struct ProductsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a product.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "SKU (A-Z, 0-9 and - _ . /).") var sku: String
    @Option(help: "Name.") var name: String
    @Option(help: "EAN-13, UPC-A or EAN-8 barcode.") var barcode: String?
    @Option(help: "Unit cost in the organization's currency.") var cost: String?
    @Option(help: "Sale price in the organization's currency.") var price: String?
    @Option(help: "Unit of measure (default pcs).") var unit: String?
    @Option(help: "Decimals of the unit, 0-6 (default 0).") var decimals: String?
    @Option(help: "Brand.") var brand: String?
    @Option(help: "fifo, lifo or weighted-average (default fifo).") var valuation: String?
    @Option(help: "quantity, batch or serial (default quantity).") var tracking: String?
    @Option(help: "Supplier: a CRM company, by name or id.") var supplier: String?
    @Option(name: .customLong("supplier-sku"), help: "The supplier's own code for the product.") var supplierSKU: String?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let values = ["sku": sku, "name": name, "barcode": barcode, "cost": cost, "price": price, "unit": unit,
                          "decimals": decimals, "brand": brand, "valuation": valuation, "tracking": tracking,
                          "supplier_sku": supplierSKU].compactMapValues { $0 }
            var draft = try ProductFields.draft(values, currency: scope.baseCurrency)
            draft.supplierCompanyId = try supplier.map { try db.companies.resolve(scope, key: $0).id.rawValue }
            let product = try db.products.add(scope, draft)
            if output.json { try Output.json(ProductJSON(product)); return }
            Output.message("added product \(product.sku) \(product.name) (id \(product.id))")
        }
    }
}
