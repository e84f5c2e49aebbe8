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
        /// Goods move to another warehouse at their cost, or to another bin of the same
        /// warehouse (`toWarehouse` the same, `StockMovementRequest.toBin` another bin).
        case transfer(Quantity, toWarehouse: Int64)
        /// A signed correction with a reason; found goods at `unitCost` (nil: the current unit cost).
        case adjust(Quantity, reason: String, unitCost: Money?)
        /// A cycle count of one location (bin and batch): the difference to the book quantity
        /// there is posted as an adjustment; both quantities are recorded on the ledger row.
        case count(counted: Quantity)
        /// Reserve stock at the location, for `StockMovementRequest.document` when given.
        case allocate(Quantity)
        /// Give a reservation back (with a document: at most what that document holds there).
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
    /// The bin the movement happens in (a `BinCode`; nil or blank: the warehouse's unassigned
    /// stock). For a transfer, the source bin.
    public var bin: String?
    /// The destination bin of a transfer (nil: unassigned stock of the target warehouse).
    public var toBin: String?
    /// The deal, order or invoice a reservation, release or reserved issue is for.
    public var document: StockDocument?

    public init(productId: Int64, warehouseId: Int64, kind: Kind, reference: String? = nil,
                batch: String? = nil, expiry: CalendarDate? = nil, serials: [String] = [],
                bin: String? = nil, toBin: String? = nil, document: StockDocument? = nil) {
        self.productId = productId
        self.warehouseId = warehouseId
        self.kind = kind
        self.reference = reference
        self.batch = batch
        self.expiry = expiry
        self.serials = serials
        self.bin = bin
        self.toBin = toBin
        self.document = document
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
    /// The bin ("" for the warehouse's unassigned stock) and batch ("" for none) of the row.
    public var bin: String
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
    /// A cycle count's counted quantity and the book quantity it was compared with.
    public var counted: Quantity?
    public var expected: Quantity?
    /// The document of a reservation, release or reserved issue.
    public var document: StockDocument?
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
        bin = row["bin"]
        batch = row["batch"]
        quantity = Quantity(units: row["quantity"], scale: scale)
        allocatedChange = Quantity(units: row["allocated_change"], scale: scale)
        unitCost = (row["unit_cost_minor"] as Int64?).map { Money(minor: $0, currency: currency) }
        costOfGoods = Money(minor: row["cost_of_goods_minor"], currency: currency)
        valueChange = Money(minor: row["value_change_minor"], currency: currency)
        reference = row["reference"]
        reason = row["reason"]
        reversalOf = row["reversal_of"]
        counted = (row["counted_quantity"] as Int64?).map { Quantity(units: $0, scale: scale) }
        expected = (row["expected_quantity"] as Int64?).map { Quantity(units: $0, scale: scale) }
        if let kind = (row["document_kind"] as String?).flatMap(StockDocument.Kind.init(rawValue:)), let id: String = row["document_id"] {
            document = try? StockDocument(kind: kind, id: id)
        }
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
    /// The level of every location the booking touched, after it (warehouse totals are in
    /// `totals`).
    public var locations: [StockLocationLevel]
    public var totals: [StockLocationLevel]
}

/// The stock of a product at one location: a warehouse, a bin ("" for unassigned stock) and
/// a batch ("" for none). For warehouse totals `bin` and `batch` are empty and `isTotal` is set.
public struct StockLocationLevel: Sendable, Hashable {
    public var productId: Int64
    public var warehouseId: Int64
    public var bin: String
    public var batch: String
    public var level: StockLevel
    public var isTotal: Bool

    public init(productId: Int64, warehouseId: Int64, bin: String, batch: String, level: StockLevel, isTotal: Bool = false) {
        self.productId = productId
        self.warehouseId = warehouseId
        self.bin = bin
        self.batch = batch
        self.level = level
        self.isTotal = isTotal
    }
}

/// The costing of one movement row, kept so that a reversal undoes exactly it.
struct StoredCosting: Codable, Sendable, Hashable {
    var receipt: ReceiptCosting?
    var issue: IssueCosting?
}
