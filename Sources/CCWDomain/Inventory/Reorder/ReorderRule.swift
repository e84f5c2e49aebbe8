/// When and how much to reorder one product for one warehouse.
///
/// When the level falls to `point` or below, order `quantity` — or, when `maxLevel` is set,
/// enough to bring the level back up to `maxLevel` (order-up-to).
public struct ReorderRule: Sendable, Hashable, Codable {
    public let point: Quantity
    public let quantity: Quantity
    public let maxLevel: Quantity?
    /// The supplier the product is bought from; alerts without one are left for a buyer.
    public let supplier: SupplierID?

    /// Validates the rule: the point is not negative, the quantity is above zero, and a
    /// maximum level lies above the point; all in the product's scale.
    public init(point: Quantity, quantity: Quantity, maxLevel: Quantity? = nil, supplier: SupplierID? = nil) throws {
        var errors = ValidationErrors()
        if point.isNegative { errors.add("reorder point", "must not be negative (got \(point))") }
        if quantity.scale != point.scale || (maxLevel.map { $0.scale != point.scale } ?? false) {
            errors.add("reorder quantity", "must use the same unit as the reorder point")
        } else {
            if !quantity.isPositive { errors.add("reorder quantity", "must be above zero (got \(quantity))") }
            if let maxLevel, maxLevel <= point {
                errors.add("maximum level", "must be above the reorder point \(point) (got \(maxLevel))")
            }
        }
        try errors.throwIfAny()
        self.point = point
        self.quantity = quantity
        self.maxLevel = maxLevel
        self.supplier = supplier
    }

    /// True when `level` is at or below the reorder point.
    public func isLow(_ level: Quantity) -> Bool { level <= point }

    /// How much to order when the level is `level` and `onOrder` is already on its way.
    /// With a maximum level: `maxLevel − level − onOrder`, never below zero. Without: the
    /// reorder quantity, or nothing when what is on order already lifts the level above the
    /// point.
    public func orderQuantity(at level: Quantity, onOrder: Quantity? = nil) -> Quantity {
        let pending = onOrder ?? .zero(scale: point.scale)
        if let maxLevel { return Quantity.max(.zero(scale: point.scale), maxLevel - level - pending) }
        return pending.isPositive && level + pending > point ? .zero(scale: point.scale) : quantity
    }
}
