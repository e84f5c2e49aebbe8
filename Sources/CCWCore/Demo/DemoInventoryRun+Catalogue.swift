import CCWDomain
import Foundation

extension DemoInventory.Run {
    // MARK: Catalogue (day 0)

    mutating func catalogue() throws {
        // The caller's clock may already stand at the end of the history: start over on day 0.
        clock.set(ZonedTime.startOfDay(firstDate, in: zone) + (9 * 60 + 30) * 60_000)
        for shelf in DemoInventory.shelves {
            var parent: Int64?
            for depth in shelf.path.indices {
                let key = shelf.path[...depth].joined(separator: " › ")
                if let id = categories[key] { parent = id; continue }
                let category = try database.productCategories.add(scope, name: shelf.path[depth], parentId: parent)
                categories[key] = category.id
                parent = category.id
                summary.categories += 1
                later(0...1)
            }
        }
        // The leaf the T-shirt matrix lives in.
        for name in ["T-shirts"] {
            let category = try database.productCategories.add(scope, name: name, parentId: categories["Apparel"])
            categories["Apparel › \(name)"] = category.id
            summary.categories += 1
        }

        // Suppliers are CRM companies: each shelf buys from one of the organization's companies.
        let suppliers = try database.companies.page(scope, limit: 60).filter { $0.company.parentCompanyID == nil }.map(\.id.rawValue)
        var itemNumber: Int64 = 1000
        for (shelfIndex, shelf) in DemoInventory.shelves.enumerated() {
            let key = shelf.path.joined(separator: " › ")
            for (index, (name, unit, cost)) in shelf.items.enumerated() {
                itemNumber += rng.int(1...9)
                let brand = shelf.brands[index % shelf.brands.count]
                var draft = ProductDraft(sku: "\(shelf.prefix)-\(1001 + index)", name: name,
                                         barcode: try barcode(brand: shelfIndex * 3 + index % shelf.brands.count, item: itemNumber))
                draft.categoryId = categories[key]
                draft.brand = brand
                draft.unit = unit
                draft.decimals = unit == "kg" ? 3 : unit == "m" ? 1 : 0
                draft.costMinor = cost
                draft.priceMinor = price(cost)
                draft.supplierSKU = "\(brand.prefix(3).uppercased())-\(itemNumber)"
                if !suppliers.isEmpty { draft.supplierCompanyId = suppliers[(shelfIndex * 7) % suppliers.count] }
                let pantry = shelf.path.first == "Pantry"
                if pantry {
                    draft.tracking = .batch
                    draft.taxCategory = "reduced"
                }
                if let prefix = DemoInventory.serialPrefixes[name] {
                    draft.tracking = .serial
                    draft.attributes = ["serial prefix": prefix]
                }
                if DemoInventory.lifoItems.contains(name) {
                    draft.valuation = .lifo
                } else if draft.decimals > 0 || shelf.prefix == "PKG" || index % 7 == 3 {
                    draft.valuation = .weightedAverage
                }
                let product = try database.products.add(scope, draft)
                summary.products += 1
                later(0...1)
                var item = DemoInventory.Item(product: product, shelf: shelf.prefix, baseCost: cost, trend: rng.int(-30...80),
                                sale: saleRange(cost: cost, decimals: draft.decimals), opening: 0,
                                inShop: ["PAP", "WRI", "MRK", "APP", "SHO"].contains(shelf.prefix) && index % 3 != 2)
                if pantry { item.shelfLife = DemoInventory.shortShelfLife[name] ?? Int(rng.int(120...240)) }
                item.serialPrefix = DemoInventory.serialPrefixes[name]
                if item.serialPrefix != nil { item.sale = 1...1; item.inShop = index == 0 }
                items.append(item)
            }
        }
        try variants()

        let staff = try database.users.list(scope).filter { $0.active && $0.role == .warehouse }
            .sorted { ($0.memberSince, $0.membershipId) < ($1.memberSince, $1.membershipId) }
        let manager = staff.first { $0.memberSince <= clock.now() }?.userId
        later()
        main = try database.warehouses.add(scope, code: "MAIN", name: "Central warehouse Hamburg", type: .warehouse,
                                           address: "Am Sandtorkai 12, 20457 Hamburg", managerUserId: manager)
        later()
        returns = try database.warehouses.add(scope, code: "RET", name: "Returns Hamburg (hall C)", type: .warehouse,
                                              address: "Am Sandtorkai 12, 20457 Hamburg", managerUserId: manager)
        summary.warehouses += 2
        assignPatterns()
    }

    /// The T-shirt (colour × size) and safety shoe (size) matrices; variants get their own barcodes.
    mutating func variants() throws {
        let matrices: [(ProductDraft, [VariantAxis], String, Int64)] = [
            ({
                var d = ProductDraft(sku: "TSH-CREW", name: "Crew T-shirt")
                d.categoryId = categories["Apparel › T-shirts"]; d.brand = "Hafenstoff"; d.costMinor = 420; d.priceMinor = 1299
                return d
            }(), [VariantAxis("Colour", ["Black", "White", "Navy"]), VariantAxis("Size", ["S", "M", "L", "XL"])], "APP", 420),
            ({
                var d = ProductDraft(sku: "SHO-S3", name: "Safety shoe S3")
                d.categoryId = categories["Apparel › Footwear"]; d.brand = "Trittfest"; d.unit = "pair"
                d.costMinor = 3890; d.priceMinor = 6990
                return d
            }(), [VariantAxis("Size", (39...46).map(String.init))], "SHO", 3890),
        ]
        var itemNumber: Int64 = 5000
        for (draft, axes, shelf, cost) in matrices {
            let parent = try database.products.add(scope, draft)
            later(0...1)
            let created = try database.products.addVariants(scope, parentId: parent.id, axes: axes)
            summary.products += 1 + created.count
            for variant in created {
                later(0...1)
                itemNumber += 1
                var labelled = ProductDraft(variant)
                labelled.barcode = try barcode(brand: 90 + (shelf == "APP" ? 0 : 1), item: itemNumber)
                let product = try database.products.update(scope, id: variant.id, labelled, expectedVersion: variant.version)
                items.append(DemoInventory.Item(product: product, shelf: shelf, baseCost: cost, trend: rng.int(0...40),
                                  sale: 1...(shelf == "APP" ? 4 : 2), opening: 0, inShop: true))
            }
        }
    }

    /// An EAN-13 in the GS1 Germany range (42…), with its check digit from `Barcode`.
    func barcode(brand: Int, item: Int64) throws -> String {
        let company = String(60_000 + brand * 37)
        let number = String(format: "%05d", Int(item % 100_000))
        return try Barcode.make(payload: "42" + company + number).normalized
    }

    mutating func price(_ cost: Int64) -> Int64 {
        let raw = cost * rng.int(145...230) / 100
        return raw < 100 ? raw : raw / 10 * 10 + 9
    }

    func saleRange(cost: Int64, decimals: Int) -> ClosedRange<Int64> {
        if decimals == 3 { return 250...3_000 }
        if decimals == 1 { return 50...400 }
        switch cost {
        case ..<150: return 2...12
        case ..<800: return 1...6
        case ..<3000: return 1...3
        default: return 1...2
        }
    }

    /// Opening stock, reorder points and who runs low.
    mutating func assignPatterns() {
        for index in items.indices {
            let item = items[index]
            items[index].opening = item.sale.upperBound * rng.int(10...16)
            if item.serialPrefix != nil { items[index].opening = 8 }
            // Every fourth product has a rule at MAIN; some of them are sold down and not restocked.
            if index % 4 == 1 || index % 17 == 5 {
                items[index].mainPoint = item.sale.upperBound * 4
                if index % 16 == 1 { items[index].pattern = .runner }
            }
        }
        // One fast seller runs low, is restocked (its rule re-arms) and runs low again.
        if let rearm = items.firstIndex(where: { $0.product.sku == "WRI-1002" }) {
            items[rearm].pattern = .rearm
            items[rearm].mainPoint = items[rearm].sale.upperBound * 4
            items[rearm].opening = items[rearm].sale.upperBound * 7
        }
        for index in items.indices where items[index].inShop && index % 3 == 0 {
            items[index].shopPoint = max(2, items[index].sale.upperBound * 2)
        }
    }
}
