import CCWDomain
import Foundation

extension DemoInventory.Run {
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
        // The trend is spread over the whole year of history (as much as it once drifted in four
        // weeks): a year of it per day would triple some costs.
        let drift = item.trend * Int64(day) * Int64(DemoHistory.days) / Int64(DemoHistory.inventoryDays)
        let cost = max(1, item.baseCost * (10_000 + drift + rng.int(-600...600)) / 10_000)
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
