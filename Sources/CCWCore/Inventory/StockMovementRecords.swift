import CCWDomain
import GRDB

/// A movement a clerk or a document asks to book. Quantities are in the product's unit (the
/// scale of its decimals); costs in the organization's base currency.
public struct StockMovementRequest: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Goods arrive at a cost per whole unit.
        case receive(Quantity, unitCost: Money)
        /// Goods leave (a sale, consumption); against a reservation when `fromAllocation`.
        case issue(Quantity, fromAllocation: Bool)
        /// Goods move to another warehouse at their cost.
        case transfer(Quantity, toWarehouse: Int64)
        /// A signed correction with a reason; found goods at `unitCost` (nil: the current unit cost).
        case adjust(Quantity, reason: String, unitCost: Money?)
        /// A cycle count: the difference to the book quantity is posted as an adjustment.
        case count(counted: Quantity)
        case allocate(Quantity)
        case release(Quantity)
    }

    public var productId: Int64
    public var warehouseId: Int64
    public var kind: Kind
    /// The order, invoice or document that caused it.
    public var reference: String?
    /// Batch number (batch-tracked products: required on receipt) and its expiry.
    public var batch: String?
    public var expiry: CalendarDate?
    /// One serial per unit for serial-tracked products.
    public var serials: [String]

    public init(productId: Int64, warehouseId: Int64, kind: Kind, reference: String? = nil,
                batch: String? = nil, expiry: CalendarDate? = nil, serials: [String] = []) {
        self.productId = productId
        self.warehouseId = warehouseId
        self.kind = kind
        self.reference = reference
        self.batch = batch
        self.expiry = expiry
        self.serials = serials
    }

    public static func receive(_ productId: Int64, at warehouseId: Int64, _ quantity: Quantity, unitCost: Money,
                               reference: String? = nil) -> StockMovementRequest {
        StockMovementRequest(productId: productId, warehouseId: warehouseId, kind: .receive(quantity, unitCost: unitCost),
                             reference: reference)
    }

    public static func issue(_ productId: Int64, at warehouseId: Int64, _ quantity: Quantity,
                             reference: String? = nil) -> StockMovementRequest {
        StockMovementRequest(productId: productId, warehouseId: warehouseId, kind: .issue(quantity, fromAllocation: false),
                             reference: reference)
    }
}

/// One row of the stock ledger: what one booking did at one place.
public struct StoredMovement: Sendable, Hashable {
    public var id: Int64
    public var uid: String
    /// The booking the row belongs to (a transfer writes two rows with one booking id).
    public var bookingId: Int64
    public var date: String
    /// receive, issue, transfer-out, transfer-in, adjust, count, allocate, release, reversal.
    public var kind: String
    public var productId: Int64
    public var warehouseId: Int64
    public var batch: String
    /// Signed change of the on-hand quantity at this place.
    public var quantity: Quantity
    public var allocatedChange: Quantity
    public var unitCost: Money?
    public var costOfGoods: Money
    /// Signed change of the stock value at this place.
    public var valueChange: Money
    public var reference: String?
    public var reason: String?
    public var reversalOf: Int64?
    public var createdAt: Int64
    public var createdBy: Int64?

    init(row: Row, scale: Int) throws {
        let currency = try CurrencyCode(row["currency"] as String)
        id = row["id"]
        uid = row["uid"]
        bookingId = row["booking_id"]
        date = row["movement_date"]
        kind = row["kind"]
        productId = row["product_id"]
        warehouseId = row["warehouse_id"]
        batch = row["batch"]
        quantity = Quantity(units: row["quantity"], scale: scale)
        allocatedChange = Quantity(units: row["allocated_change"], scale: scale)
        unitCost = (row["unit_cost_minor"] as Int64?).map { Money(minor: $0, currency: currency) }
        costOfGoods = Money(minor: row["cost_of_goods_minor"], currency: currency)
        valueChange = Money(minor: row["value_change_minor"], currency: currency)
        reference = row["reference"]
        reason = row["reason"]
        reversalOf = row["reversal_of"]
        createdAt = row["created_at"]
        createdBy = row["created_by"]
    }
}

/// What a booking did.
public struct StockBookingResult: Sendable, Hashable {
    public var bookingId: Int64
    public var movements: [StoredMovement]
    public var costOfGoods: Money
    public var valueChange: Money
    /// Low-stock alerts this booking raised (each also published as `inventory.stock.low`).
    public var alerts: [LowStockAlert]
}

/// The costing of one movement row, kept so that a reversal undoes exactly it.
struct StoredCosting: Codable, Sendable, Hashable {
    var receipt: ReceiptCosting?
    var issue: IssueCosting?
}
