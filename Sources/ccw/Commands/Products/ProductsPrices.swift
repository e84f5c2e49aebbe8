import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw products prices SKU [--set TIER:CURRENCY LADDER | --remove TIER:CURRENCY] [--json]`:
/// lists a product's price ladders, or replaces or removes the ladder of one tier in one currency.
struct ProductsPrices: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices", abstract: "List, set or remove a product's price ladders (tiers and quantity breaks).",
        discussion: """
            A ladder is QTY=PRICE entries separated by commas: from that quantity upward each unit costs that price.
              ccw products prices MUG-1 --set wholesale:EUR "1=10.00,10=9.00,50=8.00"
              ccw products prices MUG-1 --remove wholesale:EUR
            Tiers: retail, wholesale, or a name of your own (distributor, staff).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "SKU or barcode.") var code: String
    @Argument(help: "With --set: the ladder, e.g. \"1=10.00,10=9.00,50=8.00\".") var ladder: String?
    @Option(name: .customLong("set"), help: "Replace the ladder of TIER:CURRENCY (e.g. wholesale:EUR) with LADDER.") var set: String?
    @Option(name: .customLong("remove"), help: "Remove the ladder of TIER:CURRENCY.") var remove: String?

    func validate() throws {
        if set != nil && remove != nil { throw ValidationError("use either --set or --remove") }
        if set != nil && ladder == nil { throw ValidationError("--set needs the ladder after it, e.g. --set wholesale:EUR \"1=10.00,10=9.00\"") }
        if set == nil && ladder != nil { throw ValidationError("unexpected \"\(ladder!)\": a ladder goes with --set TIER:CURRENCY") }
    }

    struct PricesJSON: Encodable {
        struct Ladder: Encodable {
            struct Step: Encodable { var minQuantity: String; var unitPrice: String }
            var tier: String
            var currency: String
            var breaks: [Step]
        }
        var sku: String
        var unit: String
        var salePrice: String
        var currency: String
        var version: Int64
        var ladders: [Ladder]
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            var product = try StockSupport.product(db, scope, code)
            if let set, let ladder {
                let key = try PriceLadderInput.key(set)
                let breaks = try PriceLadderInput.breaks(ladder, key.currency, product)
                product = try db.productPrices.replace(scope, productId: product.id, tier: key.tier, currency: key.currency,
                                                       breaks: breaks, expectedVersion: product.version)
                Output.message("set the \(key.tier) \(key.currency.code) prices of \(product.sku): "
                    + PriceLadder(tier: key.tier, currency: key.currency, breaks: breaks).summary)
            } else if let remove {
                let key = try PriceLadderInput.key(remove)
                product = try db.productPrices.remove(scope, productId: product.id, tier: key.tier, currency: key.currency,
                                                      expectedVersion: product.version)
                Output.message("removed the \(key.tier) \(key.currency.code) prices of \(product.sku)")
            }
            let ladders = try db.productPrices.tiers(scope, productId: product.id).sortedLadders
            if output.json {
                try Output.json(PricesJSON(sku: product.sku, unit: product.unit, salePrice: product.price.decimalString,
                                           currency: product.price.currency.code, version: product.version, ladders: ladders.map {
                    PricesJSON.Ladder(tier: $0.tier.description, currency: $0.currency.code, breaks: $0.breaks.map {
                        .init(minQuantity: $0.minimumQuantity.description, unitPrice: $0.unitPrice.decimalString)
                    })
                }))
                return
            }
            guard set == nil && remove == nil else { return }
            Output.data("\(product.sku)  \(product.name)  sale price \(product.price.formattedWithCode) per \(product.unit)")
            if ladders.isEmpty { Output.data("no price ladders (retail sells at the sale price)"); return }
            Output.table(["tier", "currency", "from qty", "unit price"], ladders.flatMap { ladder in
                ladder.breaks.map { [ladder.tier.description, ladder.currency.code, $0.minimumQuantity.description, $0.unitPrice.formatted] }
            }, rightAligned: [2, 3])
        }
    }
}

/// Ladder keys and ladders from the command line, refused with the field or line they name.
enum PriceLadderInput {
    static func key(_ text: String) throws -> (tier: PriceTier, currency: CurrencyCode) {
        do { return try PriceLadderText.key(text) } catch let error as ValidationErrors { throw CoreError.invalid(error.errors) }
    }

    static func breaks(_ text: String, _ currency: CurrencyCode, _ product: Product) throws -> [PriceBreak] {
        do {
            return try PriceLadderText.breaks(list: text, currency: currency, decimals: product.decimals, unit: "\(product.sku) (\(product.unit))")
        } catch let error as ValidationErrors { throw CoreError.invalid(error.errors) }
    }
}
