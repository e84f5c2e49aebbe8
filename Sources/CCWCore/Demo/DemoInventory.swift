import CCWDomain
import Foundation

/// A realistic inventory for the demo organization, written through the real use cases:
/// a category tree, about 150 products (two with variant matrices), three warehouses, reorder
/// rules, and four weeks of receipts, sales, transfers, returns, a cycle count and adjustments,
/// booked in time order on a clock that walks from `end` minus `DemoHistory.days` to `end`.
///
/// Deterministic: every choice comes from a seeded generator, so two runs with the same `end`
/// produce the same catalogue and the same ledger.
public enum DemoInventory {
    /// What `seed` wrote.
    public struct Summary: Sendable, Hashable {
        public var categories = 0
        public var products = 0
        public var warehouses = 0
        public var reorderRules = 0
        public var bookings = 0
    }

    /// Fills the scope's organization (which must have no inventory yet); leaves the clock at
    /// the last booking, before `end`.
    @discardableResult
    public static func seed(database: AppDatabase, clock: ManualClock, scope: Scope, end: Int64) throws -> Summary {
        var run = Run(database: database, clock: clock, scope: scope, end: end)
        try run.catalogue()
        try run.history()
        return run.summary
    }
}

// MARK: - Catalogue data

extension DemoInventory {
    /// (path, SKU prefix, brands, items as (name, unit, cost in cents per unit)).
    fileprivate typealias Shelf = (path: [String], prefix: String, brands: [String], items: [(String, String, Int64)])

    fileprivate static let shelves: [Shelf] = [
        (["Office", "Paper"], "PAP", ["Nordpapier", "Papyra"], [
            ("Copy paper A4 80 g", "ream", 389), ("Copy paper A3 80 g", "ream", 795), ("Premium paper A4 100 g", "ream", 612),
            ("Recycled paper A4 80 g", "ream", 355), ("Notepad A5 ruled", "pcs", 129), ("Notepad A4 squared", "pcs", 189),
            ("Sticky notes 76x76 yellow", "pack", 249), ("Sticky notes 76x76 neon", "pack", 299), ("Envelopes C4 window", "box", 1290),
            ("Envelopes DL white", "box", 890), ("Index cards A6", "pack", 159), ("Flipchart pad 20 sheets", "pcs", 1150),
            ("Photo paper A4 glossy", "pack", 1420), ("Label sheets A4 24-up", "pack", 1690),
            ("Spiral notebook A4", "pcs", 249), ("Spiral notebook A5", "pcs", 179), ("Coloured paper A4 mixed", "ream", 690),
            ("Continuous paper 240 mm", "box", 2890),
        ]),
        (["Office", "Writing"], "WRI", ["Schreibwerk", "Linea"], [
            ("Ballpoint pen blue", "pcs", 32), ("Ballpoint pen black", "pcs", 32), ("Ballpoint pen red", "pcs", 32),
            ("Gel pen 0.5 black", "pcs", 89), ("Gel pen 0.5 blue", "pcs", 89), ("Pencil HB", "pcs", 21),
            ("Mechanical pencil 0.5", "pcs", 179), ("Fineliner 0.4 set of 10", "pack", 690), ("Eraser white", "pcs", 45),
            ("Ink cartridges blue 6", "pack", 159), ("Ruler 30 cm", "pcs", 99), ("Highlighter yellow", "pcs", 69),
            ("Highlighter green", "pcs", 69), ("Highlighter pink", "pcs", 69),
            ("Correction tape 5 mm", "pcs", 149), ("Glue stick 20 g", "pcs", 79),
        ]),
        (["Office", "Writing", "Markers"], "MRK", ["Schreibwerk", "Colorix"], [
            ("Permanent marker black", "pcs", 95), ("Permanent marker red", "pcs", 95), ("Whiteboard marker black", "pcs", 110),
            ("Whiteboard marker blue", "pcs", 110), ("Whiteboard marker set of 4", "pack", 420), ("Flipchart marker set of 4", "pack", 480),
            ("Paint marker white", "pcs", 260), ("Textile marker black", "pcs", 230),
            ("Chalk marker white", "pcs", 240), ("CD marker set of 4", "pack", 390),
        ]),
        (["Warehouse", "Packaging"], "PKG", ["Kartonia", "Hanse Verpackung"], [
            ("Shipping box 30x20x15", "pcs", 62), ("Shipping box 40x30x20", "pcs", 89), ("Shipping box 60x40x40", "pcs", 178),
            ("Mailer box A4", "pcs", 71), ("Bubble wrap 50 cm", "m", 38), ("Stretch film 500 mm", "roll", 1190),
            ("Padded envelope size D", "pcs", 24), ("Padded envelope size G", "pcs", 36), ("Void fill paper", "kg", 185),
            ("Packing peanuts 100 l", "bag", 990), ("Strapping band 12 mm", "roll", 2450), ("Pallet wrap black", "roll", 1390),
            ("Corner protectors 50", "pack", 1590),
            ("Shipping box 20x15x10", "pcs", 41), ("Bottle shipper 3", "pcs", 189), ("Kraft paper roll 75 cm", "m", 22),
            ("Packing list envelopes", "pack", 1190), ("Anti-slip mats 10", "pack", 2290),
        ]),
        (["Warehouse", "Packaging", "Tape"], "TAP", ["Tapeline"], [
            ("Packing tape brown 50 mm", "roll", 129), ("Packing tape clear 50 mm", "roll", 129), ("Fragile tape printed", "roll", 219),
            ("Masking tape 25 mm", "roll", 99), ("Duct tape silver", "roll", 449), ("Double-sided tape 19 mm", "roll", 189),
            ("Tape dispenser handheld", "pcs", 790), ("Floor marking tape yellow", "roll", 1290),
            ("Warning tape red/white", "roll", 590), ("Filament tape 25 mm", "roll", 389),
        ]),
        (["Warehouse", "Equipment"], "EQP", ["ScanPro", "Lagertechnik Nord"], [
            ("Barcode scanner handheld", "pcs", 8900), ("Barcode scanner wireless", "pcs", 14900), ("Label printer 4 inch", "pcs", 21900),
            ("Hand truck folding", "pcs", 5490), ("Safety gloves size 9", "pair", 290), ("Safety gloves size 10", "pair", 290),
            ("Hi-vis vest yellow", "pcs", 350), ("Box cutter", "pcs", 390), ("Step ladder 3 steps", "pcs", 3990),
            ("Replacement blades 10", "pack", 210), ("Ear plugs 200 pairs", "box", 1890),
            ("Pallet jack 2.5 t", "pcs", 29900), ("Safety helmet white", "pcs", 690), ("First aid kit DIN 13157", "pcs", 2490),
        ]),
        (["Apparel"], "APP", ["Hafenstoff"], [
            ("Polo shirt navy", "pcs", 890), ("Polo shirt white", "pcs", 890), ("Hoodie grey", "pcs", 1890),
            ("Fleece jacket black", "pcs", 2490), ("Work trousers grey", "pcs", 2190), ("Beanie navy", "pcs", 450),
            ("Softshell jacket navy", "pcs", 3290), ("Rain jacket yellow", "pcs", 2790), ("Cap black", "pcs", 390), ("Apron navy", "pcs", 890),
        ]),
        (["Apparel", "Footwear"], "SHO", ["Trittfest"], [
            ("Gel insoles", "pair", 590), ("Shoe laces black 120 cm", "pair", 95), ("Boot socks 3-pack", "pack", 790),
        ]),
        (["Pantry", "Coffee & Tea"], "CAF", ["Röstwerk Hamburg", "Teehaus"], [
            ("Coffee beans espresso", "kg", 1490), ("Coffee beans crema", "kg", 1390), ("Ground coffee filter 500 g", "pcs", 549),
            ("Black tea 100 bags", "box", 399), ("Green tea 50 bags", "box", 329), ("Peppermint tea 20 bags", "box", 149),
            ("Hot chocolate 1 kg", "pcs", 790), ("Oat drink 1 l", "pcs", 119), ("Milk UHT 1.5% 1 l", "pcs", 89),
            ("Sugar sticks 1000", "box", 1290), ("Coffee creamer portions 240", "box", 1190),
            ("Chai latte powder 1 kg", "pcs", 890), ("Rooibos tea 20 bags", "box", 179), ("Espresso pods 100", "box", 2190),
        ]),
        (["Pantry", "Snacks"], "SNK", ["Knusperei", "Nordfrucht"], [
            ("Butter biscuits 200 g", "pcs", 109), ("Granola bars 24", "box", 890), ("Salted pretzels 250 g", "pcs", 99),
            ("Dark chocolate 100 g", "pcs", 119), ("Fruit gums 1 kg", "pcs", 549), ("Mixed nuts", "kg", 1290),
            ("Apples", "kg", 219), ("Rice cakes 100 g", "pcs", 89),
            ("Bananas", "kg", 149), ("Muesli 750 g", "pcs", 299), ("Crackers 200 g", "pcs", 129), ("Wafer rolls 400 g", "pcs", 249),
        ]),
    ]

    /// Shelf life in days of the batch-tracked (pantry) items, by name; others get 120-240 days.
    fileprivate static let shortShelfLife: [String: Int] = [
        "Oat drink 1 l": 40, "Milk UHT 1.5% 1 l": 35, "Apples": 21, "Butter biscuits 200 g": 60, "Rice cakes 100 g": 50, "Bananas": 10,
    ]

    /// Serial-tracked items and the prefix of their serial numbers.
    fileprivate static let serialPrefixes: [String: String] = [
        "Barcode scanner handheld": "SN-SC100-", "Barcode scanner wireless": "SN-SC300W-", "Label printer 4 inch": "SN-LP4-",
    ]

    /// Items valued last-in first-out (bought by the pallet and taken from the top).
    fileprivate static let lifoItems: Set<String> = ["Copy paper A4 80 g", "Stretch film 500 mm"]
}

// MARK: - The run

extension DemoInventory {
    /// SplitMix64: a small deterministic generator.
    fileprivate struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A value in `range` (inclusive), uniform enough for demo data.
        mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
            range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
        mutating func chance(_ percent: Int64) -> Bool { int(0...99) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(int(0...Int64(items.count - 1)))] }
    }

    /// How a product behaves in the simulation.
    fileprivate enum Pattern { case normal, runner, rearm }

    /// A stocked product and its simulation parameters (all quantities in units of the product's scale).
    fileprivate struct Item {
        var product: Product
        var shelf: String
        var baseCost: Int64
        var trend: Int64            // cost drift in basis points per day
        var sale: ClosedRange<Int64>
        var opening: Int64
        var inShop: Bool
        var pattern: Pattern = .normal
        var shelfLife: Int?
        var serialPrefix: String?
        var mainPoint: Int64?
        var shopPoint: Int64?
        var restocks = 0
        var whole: Int64 { Int64(Quantity(units: 1, scale: product.decimals).unitsPerWhole) }
    }

    fileprivate struct Run {
        let database: AppDatabase
        let clock: ManualClock
        let scope: Scope
        let end: Int64
        let zone: TimeZone
        let firstDate: CalendarDate
        var rng = Generator(state: 0x00C0_FFEE_2025_0042)
        var summary = Summary()

        var categories: [String: Int64] = [:]
        var items: [Item] = []
        var main: Warehouse!
        var shop: Warehouse!
        var returns: Warehouse!

        /// The simulation's view of stock: product → warehouse → units.
        var onHand: [Int64: [Int64: Int64]] = [:]
        /// Batches at MAIN in receipt order: (number, units left).
        var batches: [Int64: [(batch: String, left: Int64)]] = [:]
        /// Serials in stock: product → warehouse → serials (oldest first).
        var serials: [Int64: [Int64: [String]]] = [:]
        var nextSerial: [Int64: Int] = [:]
        var documents = 0

        init(database: AppDatabase, clock: ManualClock, scope: Scope, end: Int64) {
            self.database = database
            self.clock = clock
            self.scope = scope
            self.end = end
            zone = scope.zone
            let dayMs = ZonedTime.millisecondsPerDay
            let firstMidnight = ((end - Int64(DemoHistory.days) * dayMs) / dayMs) * dayMs
            firstDate = ZonedTime.date(at: firstMidnight + dayMs / 2, in: zone)
        }

        func money(_ minor: Int64) -> Money { Money(minor: minor, currency: scope.baseCurrency) }

        // MARK: Time

        /// Moves the clock to `hour:minute` local time of day `day`, or a little past the last
        /// write when that is later (the ledger is written in time order).
        mutating func at(_ day: Int, _ hour: Int, _ minute: Int = 0) {
            let target = ZonedTime.startOfDay(firstDate.adding(days: day), in: zone) + Int64(hour * 60 + minute) * 60_000
            clock.set(max(target, clock.now() + 1_000))
        }

        /// A few minutes later, for the next write of a batch of work.
        mutating func later(_ minutes: ClosedRange<Int64> = 1...4) {
            clock.set(clock.now() + rng.int(minutes) * 60_000 + rng.int(0...59) * 1_000)
        }

        mutating func document(_ prefix: String) -> String {
            documents += 1
            let date = ZonedTime.date(at: clock.now(), in: zone)
            return "\(prefix)-\(String(date.year).suffix(2))\(date.month < 10 ? "0" : "")\(date.month)-\(1000 + documents)"
        }

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
                    var item = Item(product: product, shelf: shelf.prefix, baseCost: cost, trend: rng.int(-30...80),
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
                    items.append(Item(product: product, shelf: shelf, baseCost: cost, trend: rng.int(0...40),
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

        // MARK: History (days 0 to 27)

        mutating func history() throws {
            // Opening stock at MAIN, delivered by the suppliers on day 0.
            at(0, 11, 0)
            for index in items.indices {
                let quantity = items[index].opening
                try receive(index, quantity, at: main, day: 0, reference: "OPENING")
            }
            at(0, 15, 0)
            for index in items.indices {
                guard let point = items[index].mainPoint else { continue }
                try rule(index, at: main, point: point)
            }

            let countDay = (3...10).first { firstDate.adding(days: $0).weekday == .friday } ?? 10
            for day in 1..<DemoHistory.days {
                let weekday = firstDate.adding(days: day).weekday
                if day == 3 { try openShop(day) }
                if weekday == .sunday { continue }
                if day == countDay { try cycleCount(day) }
                if weekday != .saturday {
                    try deliveries(day)
                    if shop != nil && (weekday == .monday || weekday == .thursday) { try restockShop(day) }
                }
                try sales(day, weekday: weekday)
                if weekday != .saturday {
                    if day % 3 == 1 { try customerReturn(day) }
                    if weekday == .friday { try clearReturns(day) }
                }
                try adjustments(day)
            }
        }

        mutating func openShop(_ day: Int) throws {
            at(day, 8, 30)
            let staff = try database.users.list(scope).filter { $0.active && $0.role == .warehouse && $0.memberSince <= clock.now() }
                .sorted { ($0.memberSince, $0.membershipId) < ($1.memberSince, $1.membershipId) }
            shop = try database.warehouses.add(scope, code: "SHOP", name: "Store Berlin Mitte", type: .store,
                                               address: "Friedrichstraße 120, 10117 Berlin", managerUserId: staff.last?.userId)
            summary.warehouses += 1
            later()
            for index in items.indices where items[index].inShop {
                try transfer(index, quantity(index, for: shopTarget(index)), to: shop, reference: "Store opening")
            }
            for index in items.indices {
                guard let point = items[index].shopPoint else { continue }
                try rule(index, at: shop, point: point)
            }
        }

        func shopTarget(_ index: Int) -> Int64 { items[index].sale.upperBound * 6 }

        /// What MAIN can spare of `wanted` units, keeping a third of its stock.
        func quantity(_ index: Int, for wanted: Int64) -> Int64 {
            let have = level(items[index].product.id, main.id)
            return min(wanted, have - have / 3)
        }

        /// Suppliers deliver in the early morning: everything at MAIN at or below its restock level.
        mutating func deliveries(_ day: Int) throws {
            at(day, 7, 15)
            var due: [Int] = []
            for index in items.indices {
                let item = items[index]
                let have = level(item.product.id, main.id)
                switch item.pattern {
                case .runner: if day > 6 { continue }
                case .rearm: if item.restocks > 0 || have > item.mainPoint! { continue }
                case .normal: break
                }
                let restockAt = (item.mainPoint ?? 0) + item.sale.upperBound * 4
                if have <= restockAt { due.append(index) }
            }
            for (n, index) in due.prefix(14).enumerated() {
                if n % 5 == 0 { later(3...12) }
                let item = items[index]
                let target = item.pattern == .rearm ? item.opening : item.opening + item.sale.upperBound * rng.int(0...4)
                try receive(index, max(item.sale.upperBound, target - level(item.product.id, main.id)), at: main, day: day,
                            reference: document("PO"))
                items[index].restocks += 1
            }
        }

        /// Monday and Thursday the van takes the store's top-ups to Berlin.
        mutating func restockShop(_ day: Int) throws {
            at(day, 9, 0)
            for index in items.indices where items[index].inShop {
                let have = level(items[index].product.id, shop.id)
                guard have <= shopTarget(index) / 2 else { continue }
                let wanted = quantity(index, for: shopTarget(index) - have)
                if index % 11 == 0 && day > 14 { continue } // a few store lines are left to run down
                try transfer(index, wanted, to: shop, reference: document("TR"))
            }
        }

        /// The day's orders at MAIN (weekdays) and sales at the store, in the order they came in.
        mutating func sales(_ day: Int, weekday: Weekday) throws {
            at(day, 9, Int(rng.int(30...50)))
            var orders: [(Warehouse, Int)] = []
            if weekday != .saturday {
                orders += items.indices.filter { items[$0].pattern != .normal }.map { (main, $0) }
                for _ in 0..<rng.int(8...11) { orders.append((main, Int(rng.int(0...Int64(items.count - 1))))) }
            }
            if let shop {
                let shelf = items.indices.filter { items[$0].inShop }
                for _ in 0..<(weekday == .saturday ? rng.int(10...14) : rng.int(5...8)) { orders.append((shop, rng.pick(shelf))) }
            }
            for i in orders.indices.reversed() where i > 0 { orders.swapAt(i, Int(rng.int(0...Int64(i)))) }
            let gap = max(4, 400 / Int64(max(1, orders.count)))
            for (warehouse, index) in orders {
                if items[index].serialPrefix != nil && !rng.chance(35) { continue }
                try issue(index, rng.int(items[index].sale), at: warehouse,
                          reference: document(warehouse.id == main.id ? "SO" : "POS"))
                later(gap / 2...gap * 3 / 2)
            }
        }

        /// A customer sends goods back; they wait at RET.
        mutating func customerReturn(_ day: Int) throws {
            at(day, 14, Int(rng.int(0...50)))
            let index = rng.pick(items.indices.filter { items[$0].serialPrefix == nil && items[$0].shelfLife == nil })
            let item = items[index]
            let quantity = max(1, item.sale.lowerBound) * (item.whole > 1 ? 1 : rng.int(1...2))
            try book(index, returns, .receive(Quantity(units: quantity, scale: item.product.decimals),
                                               unitCost: money(item.baseCost)), reference: document("RMA"))
            add(item.product.id, returns.id, quantity)
        }

        /// Friday: sellable returns go back to MAIN, damaged ones are written off.
        mutating func clearReturns(_ day: Int) throws {
            at(day, 16, 0)
            let waiting = items.indices.filter { level(items[$0].product.id, returns.id) > 0 }
            for (n, index) in waiting.enumerated() {
                let product = items[index].product
                let units = level(product.id, returns.id)
                if n == 0 {
                    try book(index, returns, .adjust(Quantity(units: -units, scale: product.decimals),
                                                     reason: "damaged on return, written off", unitCost: nil))
                    add(product.id, returns.id, -units)
                } else {
                    try book(index, returns, .transfer(Quantity(units: units, scale: product.decimals), toWarehouse: main.id),
                             reference: document("TR"))
                    add(product.id, returns.id, -units)
                    add(product.id, main.id, units)
                }
                later()
            }
        }

        /// The Friday stocktake in hall B: most counts match, two do not.
        mutating func cycleCount(_ day: Int) throws {
            at(day, 6, 30)
            let counted = items.indices.filter { items[$0].shelf == "PKG" || items[$0].shelf == "TAP" }
            for (n, index) in counted.enumerated() {
                let product = items[index].product
                var units = level(product.id, main.id)
                if n == 2 { units -= items[index].whole * 2 }
                if n == 7 { units += items[index].whole }
                try book(index, main, .count(counted: Quantity(units: max(0, units), scale: product.decimals)), reference: "Stocktake hall B")
                onHand[product.id, default: [:]][main.id] = max(0, units)
                later(2...6)
            }
        }

        mutating func adjustments(_ day: Int) throws {
            let script: [Int: (String, Bool, Int64, String)] = [
                6: ("PKG-1003", true, -3, "damaged in transit (forklift)"),
                13: ("CAF-1008", true, -4, "packs leaking, disposed"),
                19: ("PAP-1006", true, 2, "found during shelf reorganisation"),
                23: ("APP-1002", false, -1, "unknown loss at store inventory"),
            ]
            guard let (sku, atMain, wholeUnits, reason) = script[day],
                  let index = items.firstIndex(where: { $0.product.sku == sku }) else { return }
            let warehouse: Warehouse = atMain || shop == nil ? main : shop
            at(day, 17, 20)
            let product = items[index].product
            let units = max(wholeUnits * items[index].whole, -level(product.id, warehouse.id))
            guard units != 0 else { return }
            let batch = units < 0 && items[index].shelfLife != nil ? batches[product.id]?.first(where: { $0.left > 0 })?.batch : nil
            try book(index, warehouse, .adjust(Quantity(units: units, scale: product.decimals), reason: reason, unitCost: nil),
                     batch: batch)
            add(product.id, warehouse.id, units)
            if units < 0 && batch != nil { take(product.id, -units) }
        }

        // MARK: Bookings

        func level(_ product: Int64, _ warehouse: Int64) -> Int64 { onHand[product]?[warehouse] ?? 0 }

        mutating func add(_ product: Int64, _ warehouse: Int64, _ units: Int64) {
            onHand[product, default: [:]][warehouse, default: 0] += units
        }

        mutating func book(_ index: Int, _ warehouse: Warehouse, _ kind: StockMovementRequest.Kind, reference: String? = nil,
                           batch: String? = nil, expiry: CalendarDate? = nil, serials: [String] = []) throws {
            later(0...1)
            try database.stockBooking.book(scope, StockMovementRequest(productId: items[index].product.id, warehouseId: warehouse.id,
                                                                       kind: kind, reference: reference, batch: batch,
                                                                       expiry: expiry, serials: serials))
            summary.bookings += 1
        }

        mutating func rule(_ index: Int, at warehouse: Warehouse, point: Int64) throws {
            let scale = items[index].product.decimals
            later(0...1)
            try database.reorderRules.set(scope, productId: items[index].product.id, warehouseId: warehouse.id,
                                          point: Quantity(units: point, scale: scale),
                                          quantity: Quantity(units: items[index].opening, scale: scale))
            summary.reorderRules += 1
        }

        /// A receipt at a cost that drifts by the product's trend and varies per delivery.
        mutating func receive(_ index: Int, _ units: Int64, at warehouse: Warehouse, day: Int, reference: String) throws {
            let item = items[index]
            let cost = max(1, item.baseCost * (10_000 + item.trend * Int64(day) + rng.int(-600...600)) / 10_000)
            var batch: String?, expiry: CalendarDate?, serials: [String] = []
            let today = firstDate.adding(days: day)
            if let life = item.shelfLife {
                batch = "L\(String(today.year).suffix(2))\(today.dayNumber % 1000)-\(item.product.id % 100)"
                // Short-life goods delivered late in the period expire within a month of the end.
                expiry = today.adding(days: life + Int(rng.int(-3...3)))
            }
            if let prefix = item.serialPrefix {
                let first = nextSerial[item.product.id, default: 240_101]
                serials = (0..<Int(units)).map { "\(prefix)\(first + $0)" }
                nextSerial[item.product.id] = first + Int(units)
            }
            try book(index, warehouse, .receive(Quantity(units: units, scale: item.product.decimals), unitCost: money(cost)),
                     reference: reference, batch: batch, expiry: expiry, serials: serials)
            add(item.product.id, warehouse.id, units)
            if let batch { batches[item.product.id, default: []].append((batch, units)) }
            if !serials.isEmpty { self.serials[item.product.id, default: [:]][warehouse.id, default: []] += serials }
        }

        mutating func issue(_ index: Int, _ wanted: Int64, at warehouse: Warehouse, reference: String) throws {
            let product = items[index].product
            var units = min(wanted, level(product.id, warehouse.id))
            var batch: String?
            if items[index].shelfLife != nil {
                guard let open = batches[product.id]?.first(where: { $0.left > 0 }) else { return }
                units = min(units, open.left)
                batch = open.batch
            }
            guard units > 0 else { return }
            let serials = Array((self.serials[product.id]?[warehouse.id] ?? []).prefix(Int(units)))
            try book(index, warehouse, .issue(Quantity(units: units, scale: product.decimals), fromAllocation: false),
                     reference: reference, batch: batch, serials: serials)
            add(product.id, warehouse.id, -units)
            if batch != nil { take(product.id, units) }
            if !serials.isEmpty { self.serials[product.id]?[warehouse.id]?.removeFirst(serials.count) }
        }

        mutating func transfer(_ index: Int, _ units: Int64, to target: Warehouse, reference: String) throws {
            let product = items[index].product
            guard units > 0, items[index].shelfLife == nil else { return }
            let serials = Array((self.serials[product.id]?[main.id] ?? []).prefix(Int(units)))
            try book(index, main, .transfer(Quantity(units: units, scale: product.decimals), toWarehouse: target.id),
                     reference: reference, serials: serials)
            add(product.id, main.id, -units)
            add(product.id, target.id, units)
            if !serials.isEmpty {
                self.serials[product.id]?[main.id]?.removeFirst(serials.count)
                self.serials[product.id, default: [:]][target.id, default: []] += serials
            }
        }

        /// Takes units from the oldest open batches of the simulation.
        mutating func take(_ product: Int64, _ units: Int64) {
            var remaining = units
            for i in (batches[product] ?? []).indices where remaining > 0 {
                let used = min(remaining, batches[product]![i].left)
                batches[product]![i].left -= used
                remaining -= used
            }
        }
    }
}
