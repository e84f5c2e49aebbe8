import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw deals lines KEY --line "HX-200;2;12500;5%" --line "Einweisung;1;450"`: sets a deal's
/// line items (replacing the ones it had); the deal's value becomes their total.
struct DealsLines: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lines", abstract: "Set a deal's line items (products, quantities, prices, discounts).",
        discussion: """
            Each --line is ITEM;QUANTITY;UNIT PRICE[;DISCOUNT]. ITEM is a product's SKU or barcode (its name is \
            used) or any text. DISCOUNT is a percent ("5%") or an amount off the line ("100.00"). Without --line, \
            the deal's lines are listed.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The deal's id or uid.") var key: String
    @Option(name: .customLong("line"), help: "ITEM;QUANTITY;UNIT PRICE[;DISCOUNT] (repeat for more).") var lines: [String] = []

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            var deal = try db.deals.resolve(scope, key: key)
            if !lines.isEmpty {
                let items = try lines.enumerated().map { i, text in try Self.item(text, number: i + 1, db, scope, currency: deal.deal.value.currency) }
                deal = try db.deals.setLineItems(scope, id: deal.id, items: items, expectedVersion: deal.version)
            }
            if output.json { try Output.json(deal.deal.lineItems.map(LineJSON.init)); return }
            Output.table(["item", "quantity", "unit price", "discount", "total"], deal.deal.lineItems.map { item in
                [item.description, item.quantity.description, item.unitPrice.formatted, Self.text(item.discount),
                 ((try? item.lineTotal()) ?? item.unitPrice).formatted]
            })
            Output.message("\(deal.deal.name): \(deal.deal.value.formatted) \(deal.deal.value.currency.code)")
        }
    }

    struct LineJSON: Encodable {
        var description: String
        var productId: Int64?
        var quantity: String
        var unitPrice: String
        var discount: String
        init(_ item: DealLineItem) {
            description = item.description
            productId = item.productID
            quantity = item.quantity.description
            unitPrice = item.unitPrice.decimalString
            discount = DealsLines.text(item.discount)
        }
    }

    static func text(_ discount: LineDiscount) -> String {
        switch discount {
        case .none: ""
        case let .percent(p): "\(p)%"
        case let .amount(m): m.formatted
        }
    }

    /// One `--line`; a wrong part names the line and the part.
    static func item(_ text: String, number: Int, _ db: AppDatabase, _ scope: Scope, currency: CurrencyCode) throws -> DealLineItem {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func bad(_ message: String) -> CoreError { .invalid([FieldError(field: "line \(number)", message: message)]) }
        guard parts.count == 3 || parts.count == 4, !parts[0].isEmpty else {
            throw bad("\"\(text)\": expected ITEM;QUANTITY;UNIT PRICE[;DISCOUNT]")
        }
        let product = try? db.products.lookup(scope, code: parts[0])
        guard let quantity = try? ExactDecimal(parts[1].replacingOccurrences(of: ",", with: ".")), quantity > .zero else {
            throw bad("quantity \"\(parts[1])\" is not a positive number")
        }
        let price: Money
        do { price = try Money.parse(parts[2], currency: currency) } catch { throw bad("unit price \"\(parts[2])\": \(error)") }
        var discount = LineDiscount.none
        if parts.count == 4, !parts[3].isEmpty {
            if parts[3].hasSuffix("%") {
                guard let p = try? ExactDecimal(String(parts[3].dropLast()).replacingOccurrences(of: ",", with: ".")) else {
                    throw bad("discount \"\(parts[3])\" is not a percent")
                }
                discount = .percent(p)
            } else {
                do { discount = .amount(try Money.parse(parts[3], currency: currency)) } catch { throw bad("discount \"\(parts[3])\": \(error)") }
            }
        }
        return DealLineItem(productID: product?.id, description: product?.name ?? parts[0], quantity: quantity, unitPrice: price,
                            discount: discount, sortOrder: number)
    }
}
