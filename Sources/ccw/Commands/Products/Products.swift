import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw products list|show|add|import|export|prices|quote`.
struct Products: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract: "The product catalogue.",
        discussion: "Name a product by its SKU or barcode (EAN-13, UPC-A or EAN-8).",
        subcommands: [ProductsList.self, ProductsShow.self, ProductsAdd.self, ProductsImport.self, ProductsExport.self,
                      ProductsPrices.self, ProductsQuote.self])
}

/// A product as `--json` prints it (money as decimal strings beside the currency).
struct ProductJSON: Encodable {
    var id: Int64
    var uid: String
    var sku: String
    var barcode: String?
    var name: String
    var brand: String
    var unit: String
    var decimals: Int
    var cost: String
    var price: String
    var currency: String
    var valuation: String
    var tracking: String
    var active: Bool
    var parentId: Int64?
    var version: Int64

    init(_ p: Product) {
        id = p.id; uid = p.uid; sku = p.sku; barcode = p.barcode; name = p.name; brand = p.brand; unit = p.unit
        decimals = p.decimals; cost = p.cost.decimalString; price = p.price.decimalString; currency = p.cost.currency.code
        valuation = p.valuation.rawValue; tracking = p.tracking.rawValue; active = p.active; parentId = p.parentId; version = p.version
    }
}

/// The product fields `add` takes and `import` reads, turned into a `ProductDraft`.
enum ProductFields {
    /// Builds a draft from named text values (`sku`, `name`, `barcode`, `cost`, `price`, `unit`,
    /// `decimals`, `brand`, `valuation`, `tracking`, `description`, `supplier_sku`, `active`); a
    /// bad value is refused naming its field.
    static func draft(_ values: [String: String], currency: CurrencyCode) throws -> ProductDraft {
        func value(_ key: String) -> String? {
            values[key].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let sku = value("sku") else { throw FieldInput.invalid("sku", "is required") }
        guard let name = value("name") else { throw FieldInput.invalid("name", "is required") }
        var draft = ProductDraft(sku: sku, name: name, barcode: value("barcode"))
        if let text = value("cost") { draft.costMinor = try FieldInput.parse("cost", text) { try Money.parse($0, currency: currency).minor } }
        if let text = value("price") { draft.priceMinor = try FieldInput.parse("price", text) { try Money.parse($0, currency: currency).minor } }
        if let text = value("unit") { draft.unit = text }
        if let text = value("decimals") {
            guard let n = Int(text), (0...6).contains(n) else { throw FieldInput.invalid("decimals", "\(text): a whole number 0-6") }
            draft.decimals = n
        }
        if let text = value("brand") { draft.brand = text }
        if let text = value("description") { draft.description = text }
        if let text = value("supplier_sku") { draft.supplierSKU = text }
        if let text = value("valuation") {
            guard let method = ValuationMethod(rawValue: text.lowercased()) else {
                throw FieldInput.invalid("valuation", "\(text): use \(ValuationMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            draft.valuation = method
        }
        if let text = value("tracking") {
            guard let tracking = StockTracking(rawValue: text.lowercased()) else {
                throw FieldInput.invalid("tracking", "\(text): use quantity, batch or serial")
            }
            draft.tracking = tracking
        }
        if let text = value("active") {
            switch text.lowercased() {
            case "yes", "true", "1", "active": draft.active = true
            case "no", "false", "0", "inactive": draft.active = false
            default: throw FieldInput.invalid("active", "\(text): use yes or no")
            }
        }
        return draft
    }
}
