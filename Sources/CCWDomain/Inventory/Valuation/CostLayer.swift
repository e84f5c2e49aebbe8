/// Identifies one cost layer inside a pool: the receipt (or transfer-in) that created it.
/// Under weighted average the pool has a single layer, `CostLayerID.average`.
public struct CostLayerID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public static let average = CostLayerID(0)
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "layer \(rawValue)" }
}

/// Numbers each receipt, issue and reversal a pool costs, so that reversals can name what
/// they undo and refuse to undo it twice.
public struct CostingID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "costing \(rawValue)" }
}

/// Stock of one product in one pool bought at one cost: what remains of it and what that
/// remainder is worth. `value` is exact in minor units; it is not `quantity × unit cost`
/// re-rounded each time but what is left after issues took their shares, so the pieces of a
/// layer always add up to what was paid for it.
public struct CostLayer: Sendable, Hashable, Codable {
    public let id: CostLayerID
    /// The date the goods were first received (kept through transfers), which orders FIFO/LIFO.
    public let receivedOn: CalendarDate
    public internal(set) var quantity: Quantity
    public internal(set) var value: Money

    public init(id: CostLayerID, receivedOn: CalendarDate, quantity: Quantity, value: Money) {
        self.id = id
        self.receivedOn = receivedOn
        self.quantity = quantity
        self.value = value
    }

    /// The remaining value per whole unit, rounded half away from zero (display only).
    public var unitCost: Money? {
        guard quantity.isPositive else { return nil }
        let minor = try? ProportionalShare.share(of: value.minor, part: quantity.unitsPerWhole, whole: quantity.units)
        return minor.map { Money(minor: $0, currency: value.currency) }
    }
}

/// One piece taken from (or put into) a layer. `layer` is nil for units issued beyond stock
/// under the negative-stock policy (they came from no layer).
public struct LayerDraw: Sendable, Hashable, Codable {
    public let layer: CostLayerID?
    public let receivedOn: CalendarDate
    public let quantity: Quantity
    public let cost: Money

    public init(layer: CostLayerID?, receivedOn: CalendarDate, quantity: Quantity, cost: Money) {
        self.layer = layer
        self.receivedOn = receivedOn
        self.quantity = quantity
        self.cost = cost
    }
}

/// What a receipt (a purchase, a positive adjustment, a transfer in, an issue reversal) did to
/// a pool. Stored with the movement so that it can be reversed later.
public struct ReceiptCosting: Sendable, Hashable, Codable {
    public let id: CostingID
    public let date: CalendarDate
    public let quantity: Quantity
    /// The total cost booked into stock (purchase cost, or the carried cost of a transfer).
    public let value: Money
    /// The pieces put into layers (after any settlement of negative stock).
    public let parts: [LayerDraw]
    /// Units that filled earlier negative stock instead of creating a layer.
    public let settled: Quantity
    /// Actual cost of the settled units minus the provisional cost they were issued at: an
    /// adjustment to cost of goods (positive when the goods cost more than assumed).
    public let costVariance: Money
    /// The issue this receipt undoes, when it is a reversal.
    public let reverses: CostingID?
}

/// What an issue (a sale, a negative adjustment, a transfer out, a receipt reversal) took from
/// a pool: its cost of goods and the layers it consumed.
public struct IssueCosting: Sendable, Hashable, Codable {
    public let id: CostingID
    public let date: CalendarDate
    public let quantity: Quantity
    /// Cost of goods issued: the sum of the draws.
    public let cost: Money
    public let draws: [LayerDraw]
    /// Units issued beyond the stock on hand (only under `NegativeStockPolicy.allow`).
    public let shortfall: Quantity
    /// The receipt this issue undoes, when it is a reversal.
    public let reverses: CostingID?
}
