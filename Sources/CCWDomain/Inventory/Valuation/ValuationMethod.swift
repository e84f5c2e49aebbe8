/// How the cost of issued stock is chosen among the costs it was bought at.
///
/// - `fifo`: the oldest stock leaves first (by receipt date, then posting order).
/// - `lifo`: the newest stock leaves first.
/// - `weightedAverage`: all stock of a pool is one mixed layer; each receipt is added to it
///   and each issue takes its proportional share of the value (see `CostPool`).
public enum ValuationMethod: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case fifo
    case lifo
    case weightedAverage = "weighted-average"

    public var description: String {
        switch self {
        case .fifo: "FIFO"
        case .lifo: "LIFO"
        case .weightedAverage: "weighted average"
        }
    }
}

/// Whether stock may be issued beyond what is on hand (an org setting).
///
/// When refused, an issue larger than the available stock is rejected with a message. When
/// allowed, the missing units are issued at a provisional cost and owed to the pool (see
/// `CostPool` for how the cost is settled when stock arrives).
public enum NegativeStockPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    case refuse
    case allow
}
