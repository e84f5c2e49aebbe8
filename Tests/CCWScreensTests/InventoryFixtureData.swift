import CCWCore
import CCWDomain
import Foundation

/// A small European wholesaler's stock for inventory snapshots: categories, products with
/// Unicode names, a T-shirt parent with variants, six warehouses, reorder rules, receipts and
/// issues that leave some places low or empty (raising alerts), and batches that expire.
enum InventoryFixtureData {
    static func seed(_ db: AppDatabase, clock: ManualClock, login: String = "admin") throws {
        let scope = try db.login(login, org: DemoSeed.northwindName)
        func eur(_ minor: Int64) -> Money { Money(minor: minor, currency: scope.baseCurrency) }
        let office = try db.productCategories.add(scope, name: "Büro")
        let pantry = try db.productCategories.add(scope, name: "Küche & Kaffee")
        let apparel = try db.productCategories.add(scope, name: "Bekleidung")
        let codes = [("HAM", "Zentrallager Hamburg"), ("BER", "Filiale Berlin-Mitte"), ("MUC", "Lager München"), ("WRO", "Magazyn Wrocław"),
                     ("CPH", "Lager København"), ("LYS", "Entrepôt Lyon")]
        let warehouses = try codes.map { try db.warehouses.add(scope, code: $0.0, name: $0.1) }
        let items: [(String, String, Int64?, String, String, Int64, Int64, StockTracking, Int)] = [
            ("PAP-1001", "Kopierpapier A4 80 g", office.id, "Nordpapier", "ream", 389, 699, .quantityOnly, 0),
            ("PAP-1002", "Büroklammern verzinkt 1000", office.id, "Papyra", "box", 249, 549, .quantityOnly, 0),
            ("WRI-2001", "Kugelschreiber blau „Ærø“", office.id, "Schreibwerk", "pcs", 32, 99, .quantityOnly, 0),
            ("CAF-3001", "Kaffeebohnen Crème 1 kg", pantry.id, "Röstwerk Hamburg", "kg", 1390, 2290, .batch, 3),
            ("CAF-3002", "Hafermilch Barista 1 l", pantry.id, "Nordfrucht", "pcs", 119, 229, .batch, 0),
            ("TEA-3101", "Grüner Tee Sencha 50 Beutel", pantry.id, "Teehaus", "box", 329, 599, .batch, 0),
        ]
        var products: [Product] = []
        for item in items {
            var draft = ProductDraft(sku: item.0, name: item.1)
            draft.categoryId = item.2; draft.brand = item.3; draft.unit = item.4; draft.costMinor = item.5; draft.priceMinor = item.6
            draft.tracking = item.7; draft.decimals = item.8
            products.append(try db.products.add(scope, draft))
        }
        var shirt = ProductDraft(sku: "TSH-CREW", name: "Crew T-Shirt Øko")
        shirt.categoryId = apparel.id; shirt.brand = "Hafenstoff"; shirt.costMinor = 420; shirt.priceMinor = 1299
        let parent = try db.products.add(scope, shirt)
        let variants = try db.products.addVariants(scope, parentId: parent.id, axes: [VariantAxis("Farbe", ["Schwarz", "Weiß"]), VariantAxis("Größe", ["M", "L"])])
        let today = ZonedTime.date(at: clock.now(), in: scope.zone)
        func book(_ p: Product, _ w: Warehouse, _ kind: StockMovementRequest.Kind, ref: String, batch: String? = nil, expiry: Int? = nil) throws {
            clock.advance(by: 60_000)
            _ = try db.stockBooking.book(scope, StockMovementRequest(productId: p.id, warehouseId: w.id, kind: kind, reference: ref,
                                                                     batch: batch, expiry: expiry.map { today.adding(days: $0) }))
        }
        for (i, p) in products.enumerated() {
            let q = Quantity(units: Int64(40 + i * 15) * (p.decimals == 3 ? 1000 : 1), scale: p.decimals)
            let batch = p.tracking == .batch ? "L26-\(300 + i)" : nil
            for (k, w) in warehouses.prefix(4).enumerated() where (i + k) % 3 != 2 {
                try book(p, w, .receive(q, unitCost: eur(p.cost.minor + Int64(k * 7))), ref: "PO-2611-\(100 + i)", batch: batch,
                         expiry: batch == nil ? nil : [5, 12, 45, -2, 9, 30][i % 6])
            }
            try db.reorderRules.set(scope, productId: p.id, warehouseId: warehouses[0].id,
                                    point: Quantity(units: Int64(20 + i * 5) * (p.decimals == 3 ? 1000 : 1), scale: p.decimals),
                                    quantity: Quantity(units: 100 * (p.decimals == 3 ? 1000 : 1), scale: p.decimals))
        }
        for v in variants {
            try book(v, warehouses[0], .receive(Quantity(24), unitCost: eur(420)), ref: "PO-2611-200")
            try book(v, warehouses[1], .receive(Quantity(6), unitCost: eur(430)), ref: "PO-2611-201")
        }
        // Sales that take some places below their reorder point, one to zero.
        try book(products[0], warehouses[0], .issue(Quantity(28), fromAllocation: false), ref: "SO-2611-1042")
        let kaffee = products[3]
        try book(kaffee, warehouses[0], .issue(Quantity(units: 55_000, scale: 3), fromAllocation: false), ref: "SO-2611-1043", batch: "L26-303")
        try book(products[1], warehouses[0], .issue(Quantity(55), fromAllocation: false), ref: "SO-2611-1044")
        try book(products[0], warehouses[0], .transfer(Quantity(4), toWarehouse: warehouses[4].id), ref: "TR-2611-7")
    }
}
