import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw products quote SKU QTY [--tier T] [--currency C] [--json]`: the unit and line price of a
/// quantity by the product's ladders (retail in the product's currency falls back to its sale price).
struct ProductsQuote: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quote", abstract: "Price a quantity of a product by its tiers and breaks.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "SKU or barcode.") var code: String
    @Argument(help: "Quantity in the product's unit.") var quantity: String
    @Option(help: "retail (default), wholesale or a tier name of your own.") var tier = "retail"
    @Option(help: "Currency code (default: the product's currency).") var currency: String?

    struct QuoteJSON: Encodable {
        var sku: String
        var quantity: String
        var unit: String
        var tier: String
        var currency: String
        var unitPrice: String
        var lineTotal: String
        var source: String
        var fromQuantity: String?
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let product = try StockSupport.product(db, scope, code)
            let qty = try StockSupport.quantity(quantity, for: product)
            let tier = try FieldInput.parse("tier", self.tier) { try PriceLadderText.tier($0) }
            let currency = try self.currency.map { text in try FieldInput.parse("currency", text) { try CurrencyCode($0) } }
            let quote = try db.productPrices.quote(scope, productId: product.id, quantity: qty, tier: tier, currency: currency)
            var from: String?
            if case let .ladder(start) = quote.source { from = start.description }
            if output.json {
                try Output.json(QuoteJSON(sku: product.sku, quantity: qty.description, unit: product.unit, tier: tier.description,
                                          currency: quote.currency.code, unitPrice: quote.unitPrice.decimalString,
                                          lineTotal: quote.lineTotal.decimalString, source: from == nil ? "sale-price" : "ladder",
                                          fromQuantity: from))
                return
            }
            Output.data("\(product.sku) × \(qty) \(product.unit) \(tier) \(quote.currency.code): unit \(quote.unitPrice.formatted), "
                + "line \(quote.lineTotal.formattedWithCode)  (\(quote.sourceText))")
        }
    }
}
