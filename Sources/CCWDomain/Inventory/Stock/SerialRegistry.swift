/// Where each serial-numbered unit is: in stock at one warehouse, or issued.
///
/// A serial belongs to one product and is in stock in at most one place. Receiving a serial
/// that is in stock is refused; receiving an issued serial again is a return. Issuing or
/// moving a serial that is unknown, already issued or in another warehouse is refused.
public struct SerialRegistry: Sendable, Hashable, Codable {
    public enum State: Sendable, Hashable, Codable {
        case inStock(WarehouseID)
        case issued
    }

    public struct Key: Sendable, Hashable, Codable {
        public let product: ProductID
        public let serial: String
    }

    public private(set) var states: [Key: State] = [:]

    public init() {}

    public func state(of serial: String, product: ProductID) -> State? { states[Key(product: product, serial: serial)] }

    /// The serials of a product in stock at a warehouse, sorted.
    public func inStock(product: ProductID, at warehouse: WarehouseID) -> [String] {
        states.filter { $0.key.product == product && $0.value == .inStock(warehouse) }.map(\.key.serial).sorted()
    }

    /// Books serials into a warehouse; all or none.
    public mutating func receive(_ serials: [String], product: ProductID, at warehouse: WarehouseID) throws(StockError) {
        try requireDistinct(serials)
        for serial in serials {
            if case let .inStock(place) = states[Key(product: product, serial: serial)] {
                throw .serialInStock(serial, at: place)
            }
        }
        for serial in serials { states[Key(product: product, serial: serial)] = .inStock(warehouse) }
    }

    /// Marks serials as issued from a warehouse; all or none.
    public mutating func issue(_ serials: [String], product: ProductID, from warehouse: WarehouseID) throws(StockError) {
        try requireInStock(serials, product: product, at: warehouse)
        for serial in serials { states[Key(product: product, serial: serial)] = .issued }
    }

    /// Moves serials between warehouses; all or none.
    public mutating func transfer(_ serials: [String], product: ProductID, from source: WarehouseID, to target: WarehouseID) throws(StockError) {
        try requireInStock(serials, product: product, at: source)
        for serial in serials { states[Key(product: product, serial: serial)] = .inStock(target) }
    }

    /// Forgets serials that a reversed receipt had booked (they were never really received).
    public mutating func remove(_ serials: [String], product: ProductID, from warehouse: WarehouseID) throws(StockError) {
        try requireInStock(serials, product: product, at: warehouse)
        for serial in serials { states[Key(product: product, serial: serial)] = nil }
    }

    /// Puts issued serials back in stock (reversal of an issue).
    public mutating func restore(_ serials: [String], product: ProductID, at warehouse: WarehouseID) throws(StockError) {
        for serial in serials {
            switch states[Key(product: product, serial: serial)] {
            case nil: throw .serialUnknown(serial)
            case let .inStock(place): throw .serialInStock(serial, at: place)
            case .issued: continue
            }
        }
        for serial in serials { states[Key(product: product, serial: serial)] = .inStock(warehouse) }
    }

    private func requireInStock(_ serials: [String], product: ProductID, at warehouse: WarehouseID) throws(StockError) {
        try requireDistinct(serials)
        for serial in serials {
            switch states[Key(product: product, serial: serial)] {
            case nil: throw .serialUnknown(serial)
            case .issued: throw .serialAlreadyIssued(serial)
            case let .inStock(place) where place != warehouse: throw .serialElsewhere(serial, at: place, expected: warehouse)
            case .inStock: continue
            }
        }
    }

    private func requireDistinct(_ serials: [String]) throws(StockError) {
        var seen = Set<String>()
        for serial in serials where !seen.insert(serial).inserted { throw .serialRepeated(serial) }
    }
}
