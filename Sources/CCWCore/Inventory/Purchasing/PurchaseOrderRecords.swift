import CCWDomain
import GRDB

/// Where a purchase order stands. `received` is reached when every line has come in.
public enum PurchaseOrderStatus: String, Sendable, Hashable, CaseIterable {
    case draft, sent, received, cancelled

    /// Draft and sent orders are still waiting for goods.
    public var isOpen: Bool { self == .draft || self == .sent }
}

/// One line of a purchase order, with what has come in so far (read from the stock ledger).
public struct PurchaseOrderLine: Sendable, Hashable {
    public var id: Int64
    public var productId: Int64
    public var sku: String
    public var name: String
    public var unit: String
    public var quantity: Quantity
    public var received: Quantity
    public var unitCost: Money
    /// The low-stock alert the line was made for, if any.
    public var alertId: Int64?

    public var remaining: Quantity { quantity > received ? quantity - received : Quantity(units: 0, scale: quantity.scale) }
    /// Unit cost × quantity, rounded half away from zero to the minor unit.
    public var total: Money {
        let per = quantity.unitsPerWhole
        let (product, overflow) = unitCost.minor.multipliedReportingOverflow(by: quantity.units)
        guard !overflow else { return Money(minor: .max, currency: unitCost.currency) }
        let half = product >= 0 ? per / 2 : -(per / 2)
        return Money(minor: (product + half) / per, currency: unitCost.currency)
    }
}

/// A purchase order to one supplier, delivered to one warehouse.
public struct PurchaseOrder: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var uid: String
    /// `PO-2026-0007`, numbered per organization and year.
    public var number: String
    /// A CRM company; nil when the products have no supplier yet.
    public var supplierId: Int64?
    public var supplierName: String?
    public var warehouseId: Int64
    public var warehouseCode: String
    public var status: PurchaseOrderStatus
    public var currency: CurrencyCode
    public var lines: [PurchaseOrderLine]
    public var createdAt: Int64
    public var version: Int64

    public var total: Money { lines.reduce(Money.zero(currency)) { $0 + $1.total } }
}
