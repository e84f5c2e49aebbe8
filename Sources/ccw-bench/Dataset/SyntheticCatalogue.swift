import ArgumentParser
import CCWCore
import CCWDomain
import Foundation
import GRDB

/// The valuation method(s) of the synthetic products: one method for all of them (a run per
/// method), or the three in turn (`mixed`). A product's method is fixed once it has stock
/// movements, so the method is chosen when the data set is generated.
enum BenchValuation: String, CaseIterable, ExpressibleByArgument, Sendable {
    case fifo, lifo
    case weightedAverage = "weighted-average"
    case mixed

    func method(forProduct index: Int) -> ValuationMethod {
        switch self {
        case .fifo: .fifo
        case .lifo: .lifo
        case .weightedAverage: .weightedAverage
        case .mixed: [ValuationMethod.fifo, .lifo, .weightedAverage][index % 3]
        }
    }
}

/// Sizes of the inventory data set.
struct InventoryScale: Equatable, Sendable {
    var products: Int
    var warehouses: Int
    /// Ledger rows (a transfer writes two).
    var movements: Int
    var valuation: BenchValuation
}

/// One synthetic product as the generator needs it after insertion.
struct SyntheticProduct {
    var id: Int64
    /// A parent of variants carries no stock (its variants do).
    var isParent: Bool
    var decimals: Int
    var costMinor: Int64
    var method: ValuationMethod
}

/// The catalogue of the inventory data set: warehouses and categories through the real use
/// cases (a few dozen rows, audited), products by a prepared `INSERT` (the search triggers keep
/// `products_fts` as in production). One product in ten belongs to a family of a parent and
/// four variants (size × colour); one in twenty is sold by the metre (1 decimal) or the
/// kilogram (3 decimals).
enum SyntheticCatalogue {
    static let warehouseSites = [
        ("HAM", "Hamburg Hafen"), ("BER", "Berlin Tempelhof"), ("MUC", "München Nord"), ("CGN", "Köln Ost"),
        ("FRA", "Frankfurt Flughafen"), ("STR", "Stuttgart Zuffenhausen"), ("DUS", "Düsseldorf Rheinhafen"),
        ("LEJ", "Leipzig Halle"), ("NUE", "Nürnberg Hafen"), ("HAJ", "Hannover Messe"), ("BRE", "Bremen GVZ"),
        ("DRS", "Dresden Nord"), ("VIE", "Wien Inzersdorf"), ("ZRH", "Zürich Altstetten"), ("WRO", "Wrocław Bielany"),
        ("PRG", "Praha Zličín"), ("AMS", "Amsterdam Westpoort"), ("LYS", "Lyon Saint-Priest"), ("MIL", "Milano Segrate"),
        ("MAD", "Madrid Coslada"),
    ]

    /// Top-level categories and their subcategories; each subcategory names what it holds.
    static let shelves: [(String, [(String, [String])])] = [
        ("Werkzeug", [("Handwerkzeug", ["Schraubendreher", "Zange", "Hammer", "Maulschlüssel", "Feile"]),
                      ("Elektrowerkzeug", ["Akkuschrauber", "Bohrhammer", "Winkelschleifer", "Stichsäge"])]),
        ("Befestigung", [("Schrauben", ["Holzschraube", "Spanplattenschraube", "Maschinenschraube"]),
                         ("Dübel", ["Nylondübel", "Schwerlastanker", "Hohlraumdübel"])]),
        ("Elektro", [("Kabel", ["Installationskabel", "Litze", "Erdkabel"]), ("Leuchten", ["LED-Panel", "Strahler", "Leuchtstab"])]),
        ("Sanitär", [("Armaturen", ["Mischbatterie", "Eckventil", "Brausegarnitur"]), ("Rohre", ["Kupferrohr", "Verbundrohr"])]),
        ("Arbeitsschutz", [("Handschuhe", ["Montagehandschuh", "Schnittschutzhandschuh"]), ("Schuhe", ["Sicherheitsschuh S3"])]),
        ("Lager", [("Verpackung", ["Stretchfolie", "Faltkarton", "Klebeband"]), ("Regale", ["Fachbodenregal", "Palettenregal"])]),
    ]
    static let qualities = ["Profi", "Basic", "Plus", "Premium", "Eco", "XL", "Kompakt", "Industrie", "Classic", "Ultra"]
    static let brands = ["Brennecke", "Hoffmann", "Wiha", "Kraftwerk", "Stahlwille", "Fischer", "Würth", "Bosch", "Makita",
                         "Hager", "Grohe", "Uvex", "Jungheinrich", "Tesa", "Knipex"]
    static let sizes = ["S", "M", "L", "XL"]
    static let colours = ["schwarz", "blau", "rot", "grau"]

    /// Adds the warehouses and categories (real use cases), then `count` products; returns
    /// the warehouse ids and the products in insertion order.
    static func create(_ scale: InventoryScale, admin: Scope, database: AppDatabase, now: Int64,
                       rng: inout SplitMix64) throws -> (warehouses: [Int64], products: [SyntheticProduct]) {
        var warehouses: [Int64] = []
        for i in 0..<scale.warehouses {
            let site = warehouseSites[i % warehouseSites.count]
            let code = i < warehouseSites.count ? site.0 : "\(site.0)-\(i / warehouseSites.count + 1)"
            warehouses.append(try database.warehouses.add(admin, code: code, name: site.1).id)
        }
        var leaves: [(id: Int64, items: [String])] = []
        for (top, subs) in shelves {
            let parent = try database.productCategories.add(admin, name: top)
            for (name, items) in subs {
                leaves.append((try database.productCategories.add(admin, name: name, parentId: parent.id).id, items))
            }
        }

        let first = try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM products") ?? 1 }
        var products: [SyntheticProduct] = []
        products.reserveCapacity(scale.products)
        try database.pool.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO products (id, uid, org_id, sku, barcode, name, category_id, brand, unit, decimals, cost_minor, price_minor,
                                      currency, valuation_method, parent_id, variant_attributes, created_at, updated_at, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var family: (id: Int64, name: String, sku: String, leaf: Int64, brand: String, cost: Int64)?
            for i in 0..<scale.products {
                let id = first + Int64(i)
                let slot = scale.products >= 100 ? i % 50 : 99  // families of 5 in every 50 products
                let method = scale.valuation.method(forProduct: i)
                var name: String, sku: String, leaf: Int64, brand: String, cost: Int64
                var parent: Int64?, attributes = "{}", unit = "pcs", decimals = 0
                if slot >= 1 && slot <= 4, let f = family {
                    let size = sizes[slot - 1], colour = colours[(i / 50) % colours.count]
                    name = "\(f.name) \(colour) \(size)"
                    sku = "\(f.sku)-\(size)"
                    (leaf, brand, cost, parent) = (f.leaf, f.brand, f.cost, f.id)
                    attributes = "{\"colour\":\"\(colour)\",\"size\":\"\(size)\"}"
                } else {
                    let shelf = leaves[rng.below(leaves.count)]
                    brand = rng.pick(brands)
                    name = "\(rng.pick(shelf.items)) \(rng.pick(qualities)) \(brand) \(10 + rng.below(990))"
                    sku = "BN-" + String(format: "%06d", i)
                    leaf = shelf.id
                    cost = Int64(50 + rng.below(40_000))
                    switch rng.below(40) {
                    case 0: (unit, decimals) = ("m", 1)
                    case 1: (unit, decimals) = ("kg", 3)
                    default: break
                    }
                    if slot == 0 {
                        name = "Arbeitsjacke \(brand) \(rng.pick(qualities))"
                        (unit, decimals) = ("pcs", 0)
                        family = (id, name, sku, leaf, brand, cost)
                    }
                }
                let barcode = try Barcode.make(payload: "400" + String(format: "%09d", i)).digits
                let values: [(any DatabaseValueConvertible)?] = [
                    id, DatasetGenerator.uid(id, "product"), admin.orgId, sku, barcode, name, leaf, brand, unit, decimals, cost,
                    cost * 3 / 2 + 99, admin.baseCurrency.code, method.rawValue, parent, attributes, now, now, admin.userId, admin.userId,
                ]
                try insert.execute(arguments: StatementArguments(values))
                products.append(SyntheticProduct(id: id, isParent: slot == 0, decimals: decimals, costMinor: cost, method: method))
            }
        }
        return (warehouses, products)
    }
}
