import CCWDomain
import Foundation

extension DemoInventory.Run {
    // MARK: History (a year: weekly trade, then four weeks day by day)

    /// Day numbers count from the first day of the year of history; the last four weeks
    /// (`recent` onwards) are simulated day by day, the months before week by week.
    var recent: Int { DemoHistory.inventoryDays - DemoHistory.days }

    mutating func history() throws {
        // Opening stock at MAIN, delivered by the suppliers on day 0; the pantry line with its
        // short shelf life came into the range four weeks ago.
        at(0, 11, 0)
        for index in items.indices where items[index].shelfLife == nil {
            try receive(index, items[index].opening, at: main, day: 0, reference: "OPENING")
        }
        at(0, 15, 0)
        for index in items.indices {
            guard let point = items[index].mainPoint else { continue }
            try rule(index, at: main, point: point)
        }
        for day in 1..<recent where firstDate.adding(days: day).weekday == .monday {
            try weeklyTrade(day)
        }
        try monthStart(recent)

        let countDay = recent + ((3...10).first { firstDate.adding(days: recent + $0).weekday == .friday } ?? 10)
        for day in (recent + 1)..<DemoHistory.inventoryDays {
            let weekday = firstDate.adding(days: day).weekday
            if day == recent + 3 { try openShop(day) }
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

    /// The months before: once a week the suppliers top up what ran down, and the week's
    /// orders leave MAIN in one go per product (the pantry line and serial-numbered
    /// machines were not traded yet).
    mutating func weeklyTrade(_ day: Int) throws {
        let traded = items.indices.filter { items[$0].shelfLife == nil && items[$0].serialPrefix == nil }
        at(day, 7, 15)
        let due = rng.shuffle(traded.filter {
            level(items[$0].product.id, main.id) <= (items[$0].mainPoint ?? 0) + items[$0].sale.upperBound * 4
        })
        for index in due.prefix(14) {
            let missing = items[index].opening - level(items[index].product.id, main.id)
            guard missing > 0 else { continue }
            try receive(index, missing, at: main, day: day, reference: document("PO"))
            later(2...9)
        }
        at(day, 10, 0)
        for _ in 0..<rng.int(10...14) {
            let index = rng.pick(traded)
            try issue(index, rng.int(items[index].sale) * rng.int(2...5), at: main, reference: document("SO"))
            later(5...40)
        }
    }

    /// Four weeks ago: a delivery brings every product back to its opening level, and the
    /// pantry line arrives for the first time.
    mutating func monthStart(_ day: Int) throws {
        at(day, 7, 0)
        for index in items.indices {
            let missing = items[index].opening - level(items[index].product.id, main.id)
            guard missing > 0 else { continue }
            try receive(index, missing, at: main, day: day, reference: items[index].shelfLife == nil ? document("PO") : "OPENING")
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
            case .runner: if day > recent + 6 { continue }
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
            if index % 11 == 0 && day > recent + 14 { continue } // a few store lines are left to run down
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
            if items[index].serialPrefix != nil && !rng.chance(percent: 35) { continue }
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
        guard let (sku, atMain, wholeUnits, reason) = script[day - recent],
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
}
