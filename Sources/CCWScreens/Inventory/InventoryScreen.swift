import CCWDomain
import CCWViewModels
import TerminalKit

/// One part of the Inventory module (products, the stock matrix, alerts, value, …).
typealias InventorySection = ModuleSection

/// Inventory: the product catalogue with variants folded under their parents, the stock matrix
/// (products × warehouses), low-stock alerts, purchase orders, the inventory value as of a date
/// and the stock entry form, as sections switched with the digit keys or [ and ]. Warehouse
/// staff land on the entry form, everybody else on the products.
final class InventoryScreen: SectionedScreen {
    let session: AppSession

    init(session: AppSession, context: ScreenContext) {
        self.session = session
        super.init(module: .inventory, context: context, sections: [
            ProductsSection(session: session, context: context),
            StockSection(session: session, context: context),
            AlertsSection(session: session, context: context),
            PurchaseOrdersSection(session: session, context: context),
            ValuationSection(session: session, context: context),
            StockEntrySection(session: session, context: context),
        ], first: session.role == .warehouse ? 5 : 0)
    }
}
