/// Where a product's stock is kept: one product in one warehouse.
public struct StockKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let product: ProductID
    public let warehouse: WarehouseID

    public init(_ product: ProductID, _ warehouse: WarehouseID) {
        self.product = product
        self.warehouse = warehouse
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.product, lhs.warehouse) < (rhs.product, rhs.warehouse) }
    public var description: String { "\(product) at \(warehouse)" }
}

/// The stock of one product in one warehouse: what is physically there (`onHand`), what is
/// promised to orders (`allocated`) and what can still be promised or issued freely
/// (`available = onHand − allocated`). The three always move together because only
/// `applying(_:policy:)` changes them.
public struct StockLevel: Sendable, Hashable, Codable, CustomStringConvertible {
    public private(set) var onHand: Quantity
    public private(set) var allocated: Quantity

    public init(onHand: Quantity, allocated: Quantity? = nil) {
        self.onHand = onHand
        self.allocated = allocated ?? .zero(scale: onHand.scale)
    }

    public static func zero(scale: Int = 0) -> StockLevel { StockLevel(onHand: .zero(scale: scale)) }

    public var available: Quantity { onHand - allocated }

    public var description: String { "on hand \(onHand), allocated \(allocated), available \(available)" }

    /// One change to a level. Quantities are positive; `adjust` is signed.
    public enum Change: Sendable, Hashable {
        /// Goods arrive.
        case receive(Quantity)
        /// Goods leave without a reservation: limited by what is available.
        case issue(Quantity)
        /// Goods leave against a reservation: limited by what is allocated.
        case issueAllocated(Quantity)
        /// Reserve stock for an order: limited by what is available.
        case allocate(Quantity)
        /// Give back a reservation: limited by what is allocated.
        case release(Quantity)
        /// Correct the on-hand quantity (found or missing goods, counted difference).
        case adjust(Quantity)
    }

    /// The level after `change`, or the reason it is refused.
    ///
    /// Under `NegativeStockPolicy.refuse` nothing may take more than is available, so
    /// reserved stock is protected and on hand never goes below zero. Under `.allow` issues and
    /// negative adjustments may go beyond (on hand and available may become negative; the
    /// reservations stay as they are). Reservations never exceed what is available, and a
    /// release or an allocated issue never exceeds what is allocated, whatever the policy.
    public func applying(_ change: Change, policy: NegativeStockPolicy = .refuse) throws(StockError) -> StockLevel {
        var next = self
        switch change {
        case let .receive(quantity):
            try Self.requirePositive(quantity, "receive")
            next.onHand += quantity
        case let .issue(quantity):
            try Self.requirePositive(quantity, "issue")
            if policy == .refuse && quantity > available {
                throw .insufficientAvailable(requested: quantity, level: self)
            }
            next.onHand -= quantity
        case let .issueAllocated(quantity):
            try Self.requirePositive(quantity, "issue")
            guard quantity <= allocated else { throw .exceedsAllocation(requested: quantity, allocated: allocated) }
            next.onHand -= quantity
            next.allocated -= quantity
        case let .allocate(quantity):
            try Self.requirePositive(quantity, "allocate")
            guard quantity <= available else { throw .cannotAllocate(requested: quantity, available: available) }
            next.allocated += quantity
        case let .release(quantity):
            try Self.requirePositive(quantity, "release")
            guard quantity <= allocated else { throw .exceedsAllocation(requested: quantity, allocated: allocated) }
            next.allocated -= quantity
        case let .adjust(delta):
            if delta.isNegative && policy == .refuse && delta.magnitude > available {
                throw .insufficientAvailable(requested: delta.magnitude, level: self)
            }
            next.onHand += delta
        }
        return next
    }

    private static func requirePositive(_ quantity: Quantity, _ what: String) throws(StockError) {
        guard quantity.isPositive else { throw .notPositive(what: what, quantity: quantity) }
    }
}
