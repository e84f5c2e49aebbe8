import CCWCore
import CCWDomain
@testable import CCWViewModels

/// Two warehouses, a paper product low at MAIN, a coffee with an expiring batch, and a
/// T-shirt parent with four variants: enough to drive the inventory view models by intents.
struct InventoryModelFixture {
    let session: AppSession
    let main: Warehouse
    let shop: Warehouse
    let paper: Product
    let coffee: Product
    let shirt: Product
    let category: ProductCategory

    init(login: String = "admin") throws {
        let clock = ManualClock(SessionFixture.now)
        let admin = try SessionFixture.session("admin", clock: clock)
        let db = admin.database, scope = admin.scope
        let eur = { (m: Int64) in Money(minor: m, currency: scope.baseCurrency) }
        category = try db.productCategories.add(scope, name: "Büro")
        main = try db.warehouses.add(scope, code: "MAIN", name: "Zentrallager")
        shop = try db.warehouses.add(scope, code: "SHOP", name: "Laden")
        var draft = ProductDraft(sku: "PAP-1", name: "Papier A4")
        draft.categoryId = category.id
        paper = try db.products.add(scope, draft)
        var c = ProductDraft(sku: "CAF-1", name: "Kaffee")
        c.tracking = .batch
        coffee = try db.products.add(scope, c)
        shirt = try db.products.add(scope, ProductDraft(sku: "TSH", name: "T-Shirt"))
        _ = try db.products.addVariants(scope, parentId: shirt.id, axes: [VariantAxis("Size", ["S", "M", "L", "XL"])])
        _ = try db.stockBooking.book(scope, .receive(paper.id, at: main.id, Quantity(50), unitCost: eur(300)))
        _ = try db.stockBooking.book(scope, .receive(paper.id, at: shop.id, Quantity(5), unitCost: eur(310)))
        try db.reorderRules.set(scope, productId: paper.id, warehouseId: main.id, point: Quantity(20), quantity: Quantity(100))
        _ = try db.stockBooking.book(scope, .issue(paper.id, at: main.id, Quantity(35), reference: "SO-1"))
        _ = try db.stockBooking.book(scope, StockMovementRequest(productId: coffee.id, warehouseId: main.id,
                                                                 kind: .receive(Quantity(10), unitCost: eur(1200)), batch: "L1",
                                                                 expiry: admin.today.adding(days: 5)))
        session = login == "admin" ? admin : try SessionFixture.other(admin, login: login)
    }
}
