/// Why a pool refused a receipt, an issue or a reversal. `description` is the message shown
/// to the user; the ledger prefixes it with the product and warehouse.
public enum ValuationError: Error, Sendable, Hashable, CustomStringConvertible {
    case notPositive(what: String, quantity: Quantity)
    case scaleMismatch(given: Quantity, scale: Int)
    case currencyMismatch(given: CurrencyCode, pool: CurrencyCode)
    case negativeCost(Money)
    case insufficientStock(requested: Quantity, onHand: Quantity)
    case alreadyReversed(CostingID)
    case reversalOfReversal(CostingID)
    case receiptConsumed(CostingID, layer: CostLayerID)
    case receiptSettledNegativeStock(CostingID, settled: Quantity)
    case issuedSinceReceipt(CostingID)
    case unknownCosting(CostingID)
    case overflow(String)

    public var description: String {
        switch self {
        case let .notPositive(what, quantity):
            "\(what) quantity must be above zero (got \(quantity))"
        case let .scaleMismatch(given, scale):
            "quantity \(given) has \(given.scale) decimals; this product is counted with \(scale)"
        case let .currencyMismatch(given, pool):
            "cost is in \(given.code); this stock is valued in \(pool.code)"
        case let .negativeCost(cost):
            "unit cost \(cost) is negative"
        case let .insufficientStock(requested, onHand):
            "cannot issue \(requested): only \(onHand) on hand (negative stock is not allowed)"
        case let .alreadyReversed(id):
            "\(id) has already been reversed"
        case let .reversalOfReversal(id):
            "\(id) is itself a reversal; post a new movement instead"
        case let .receiptConsumed(id, layer):
            "cannot reverse the receipt of \(id): part of its stock (\(layer)) was already issued; post a return instead"
        case let .receiptSettledNegativeStock(id, settled):
            "cannot reverse the receipt of \(id): \(settled) of it covered negative stock; post a return instead"
        case let .issuedSinceReceipt(id):
            "cannot reverse the receipt of \(id): stock has been issued at the average cost since; post a return instead"
        case let .unknownCosting(id):
            "\(id) was not costed by this stock pool"
        case let .overflow(what):
            "amount out of range: \(what)"
        }
    }
}
