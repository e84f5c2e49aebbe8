/// Why the stock ledger refused a movement. `description` is the message for the user.
public enum StockError: Error, Sendable, Hashable, CustomStringConvertible {
    case notPositive(what: String, quantity: Quantity)
    case insufficientAvailable(requested: Quantity, level: StockLevel)
    case exceedsAllocation(requested: Quantity, allocated: Quantity)
    case cannotAllocate(requested: Quantity, available: Quantity)
    case unknownProduct(ProductID)
    case scaleMismatch(ProductID, given: Quantity, scale: Int)
    case sameWarehouse(WarehouseID)
    case outOfOrder(MovementID, after: MovementID)
    case backdated(MovementID, date: CalendarDate, last: CalendarDate)
    case unknownMovement(MovementID)
    case alreadyReversed(MovementID)
    case reversalMismatch(MovementID, product: ProductID, warehouse: WarehouseID)
    case reversalOfReversal(MovementID)
    case batchRequired(ProductID)
    case batchShort(batch: String, requested: Quantity, available: Quantity)
    case batchMismatch(batch: String, expiry: CalendarDate?, existing: CalendarDate?)
    case serialCount(expected: Quantity, given: Int)
    case serialsNotTracked(ProductID)
    case serialInStock(String, at: WarehouseID)
    case serialUnknown(String)
    case serialRepeated(String)
    case serialAlreadyIssued(String)
    case serialElsewhere(String, at: WarehouseID, expected: WarehouseID)
    case emptyReason
    case valuation(StockKey, ValuationError)

    public var description: String {
        switch self {
        case let .notPositive(what, quantity):
            "\(what) quantity must be above zero (got \(quantity))"
        case let .insufficientAvailable(requested, level):
            if level.allocated.isPositive {
                "cannot take \(requested): only \(level.available) available (\(level.allocated) of \(level.onHand) on hand are allocated)"
            } else {
                "cannot take \(requested): only \(level.onHand) on hand (negative stock is not allowed)"
            }
        case let .exceedsAllocation(requested, allocated):
            "cannot take \(requested) from reservations: only \(allocated) allocated"
        case let .cannotAllocate(requested, available):
            "cannot allocate \(requested): only \(available) available"
        case let .unknownProduct(product):
            "\(product) is not a stocked product"
        case let .scaleMismatch(product, given, scale):
            "quantity \(given) has \(given.scale) decimals; \(product) is counted with \(scale)"
        case let .sameWarehouse(warehouse):
            "a transfer needs two different warehouses (both are \(warehouse))"
        case let .outOfOrder(id, last):
            "\(id) comes after \(last) in the ledger; movement ids must increase"
        case let .backdated(id, date, last):
            "\(id) is dated \(date), before the last posted movement (\(last)); the stock ledger is kept in date order"
        case let .unknownMovement(id):
            "\(id) does not exist"
        case let .alreadyReversed(id):
            "\(id) has already been reversed"
        case let .reversalMismatch(id, product, warehouse):
            "\(id) is for \(product) at \(warehouse); its reversal must name the same product and warehouse"
        case let .reversalOfReversal(id):
            "\(id) is itself a reversal; post a new movement instead"
        case let .batchRequired(product):
            "\(product) is tracked by batch: a batch number is required"
        case let .batchShort(batch, requested, available):
            "batch \(batch) has only \(available), not \(requested)"
        case let .batchMismatch(batch, expiry, existing):
            "batch \(batch) expires \(existing.map(\.description) ?? "never"), not \(expiry.map(\.description) ?? "never")"
        case let .serialCount(expected, given):
            "\(expected) units need \(expected) serial numbers (got \(given))"
        case let .serialsNotTracked(product):
            "\(product) is not tracked by serial number"
        case let .serialInStock(serial, warehouse):
            "serial \(serial) is already in stock at \(warehouse)"
        case let .serialUnknown(serial):
            "serial \(serial) is not known"
        case let .serialRepeated(serial):
            "serial \(serial) is listed twice"
        case let .serialAlreadyIssued(serial):
            "serial \(serial) has already been issued"
        case let .serialElsewhere(serial, warehouse, expected):
            "serial \(serial) is at \(warehouse), not \(expected)"
        case .emptyReason:
            "an adjustment needs a reason"
        case let .valuation(key, error):
            "\(key): \(error)"
        }
    }
}
