/// How a product's stock is tracked beyond its quantity.
public enum StockTracking: String, Sendable, Hashable, Codable, CaseIterable {
    case quantityOnly = "quantity"
    /// Every receipt names a batch (lot), optionally with an expiry date.
    case batch
    /// Every unit has a serial number; the product is counted in whole units.
    case serial
}

/// What the ledger needs to know about a stocked product.
public struct StockedProduct: Sendable, Hashable, Codable {
    public let id: ProductID
    public let category: CategoryID?
    /// Decimals of the product's unit (see `Quantity`).
    public let scale: Int
    public let valuation: ValuationMethod
    public let tracking: StockTracking

    public init(id: ProductID, category: CategoryID? = nil, scale: Int = 0,
                valuation: ValuationMethod = .fifo, tracking: StockTracking = .quantityOnly) {
        precondition(tracking != .serial || scale == 0, "serial-numbered products are counted in whole units")
        self.id = id
        self.category = category
        self.scale = scale
        self.valuation = valuation
        self.tracking = tracking
    }
}

/// One entry of the append-only stock ledger. A posted movement is never edited or deleted;
/// a wrong one is undone by a `reversal` movement.
public struct StockMovement: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// Goods arrive (purchase, production) at a cost per whole unit.
        case receive(Quantity, unitCost: Money)
        /// Goods leave (sale, consumption); against a reservation when `fromAllocation`.
        case issue(Quantity, fromAllocation: Bool)
        /// Goods move from `warehouse` to another warehouse at their cost.
        case transfer(Quantity, to: WarehouseID)
        /// A correction with a reason: positive for found goods (booked at `unitCost`, or the
        /// current unit cost when nil), negative for missing or damaged goods.
        case adjustment(Quantity, reason: String, unitCost: Money?)
        /// A cycle count: the difference between `counted` and the book quantity is posted
        /// as an adjustment.
        case count(counted: Quantity)
        /// Reserve stock for an order.
        case allocate(Quantity)
        /// Give back a reservation.
        case release(Quantity)
        /// Undo the movement with this id.
        case reversal(of: MovementID)
    }

    public let id: MovementID
    public let date: CalendarDate
    public let product: ProductID
    /// The warehouse the movement happens in (the source of a transfer).
    public let warehouse: WarehouseID
    public let kind: Kind
    /// Batch number: required when receiving batch-tracked goods; optional when issuing
    /// (without it, batches are picked first-expired-first-out).
    public let batch: String?
    /// Expiry of the batch, given on receipt.
    public let expiry: CalendarDate?
    /// Serial numbers of the units moved (serial-tracked products: one per unit).
    public let serials: [String]
    /// The order, invoice or document that caused the movement.
    public let reference: String?

    public init(id: MovementID, date: CalendarDate, product: ProductID, warehouse: WarehouseID, kind: Kind,
                batch: String? = nil, expiry: CalendarDate? = nil, serials: [String] = [], reference: String? = nil) {
        self.id = id
        self.date = date
        self.product = product
        self.warehouse = warehouse
        self.kind = kind
        self.batch = batch
        self.expiry = expiry
        self.serials = serials
        self.reference = reference
    }
}

/// The level of one place before and after a movement (what low-stock detection looks at).
public struct LevelChange: Sendable, Hashable, Codable {
    public let key: StockKey
    public let before: StockLevel
    public let after: StockLevel
}

/// What posting a movement did: levels, costing, batches. Stored with the movement so that a
/// reversal can undo exactly this.
public struct StockPosting: Sendable, Hashable, Codable {
    public let movement: StockMovement
    public internal(set) var levels: [LevelChange] = []
    /// Goods booked in: at `movement.warehouse`, or at the destination of a transfer.
    public internal(set) var receipt: ReceiptCosting?
    /// Goods taken out of `movement.warehouse`.
    public internal(set) var issue: IssueCosting?
    /// Batches the goods were taken from (or put into).
    public internal(set) var batches: [BatchPick] = []
    /// For counts: counted minus book quantity.
    public internal(set) var countedDifference: Quantity?
    /// Cost of goods sold by this movement: the cost of a sale issue (negative when a sale is
    /// reversed), plus settlement variances of negative stock.
    public internal(set) var costOfGoods: Money
    /// Change of the total stock value over all warehouses.
    public internal(set) var valueChange: Money
    /// The reversal movement that undid this one, once it is reversed.
    public internal(set) var reversedBy: MovementID?

    init(movement: StockMovement, currency: CurrencyCode) {
        self.movement = movement
        costOfGoods = .zero(currency)
        valueChange = .zero(currency)
    }
}
