import CCWDomain
import Foundation

/// The inventory simulation: its state and clock. Its steps live beside it: +Catalogue (day 0),
/// +History (a year: weekly, then the last four weeks day by day) and +Bookings (the stock use cases).
extension DemoInventory {
    /// How a product behaves in the simulation.
    enum Pattern { case normal, runner, rearm }

    /// A stocked product and its simulation parameters (all quantities in units of the product's scale).
    struct Item {
        var product: Product
        var shelf: String
        var baseCost: Int64
        var trend: Int64            // cost drift in basis points per day of four weeks, spread over the year
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

    struct Run {
        let database: AppDatabase
        let clock: ManualClock
        let scope: Scope
        let end: Int64
        let zone: TimeZone
        let firstDate: CalendarDate
        var rng = DemoRandom(seed: 0x00C0_FFEE_2025_0042)
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
            let firstMidnight = ((end - Int64(DemoHistory.inventoryDays) * dayMs) / dayMs) * dayMs
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
    }
}
