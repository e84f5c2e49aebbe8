/// Decides when a low-stock alert is raised: once, when the level crosses the reorder point
/// downward — not on every movement while it stays low.
///
/// The level to watch is the *available* quantity (on hand minus allocated), so stock that is
/// promised to orders does not hide a shortage.
public enum LowStockDetector {
    /// What a change of level means for the alert.
    public enum Signal: Sendable, Hashable {
        /// The level went from above the point to at/below it: raise one alert.
        case raise
        /// The level went back above the point: the next crossing will alert again.
        case rearm
        case none
    }

    /// Compares the level before and after a movement against the rule.
    public static func evaluate(previous: Quantity, current: Quantity, rule: ReorderRule) -> Signal {
        switch (rule.isLow(previous), rule.isLow(current)) {
        case (false, true): .raise
        case (true, false): .rearm
        default: .none
        }
    }
}

/// The alert state of one product at one warehouse, for callers that see levels one at a time
/// (a dashboard, a nightly check) rather than as before/after pairs.
///
/// A watch starts armed: the first level seen at or below the point raises an alert (a rule
/// set on a product that is already low alerts once). After that it stays quiet until a
/// level above the point re-arms it.
public struct LowStockWatch: Sendable, Hashable, Codable {
    public let rule: ReorderRule
    public private(set) var armed: Bool

    public init(rule: ReorderRule, armed: Bool = true) {
        self.rule = rule
        self.armed = armed
    }

    /// Records a level; returns true when an alert must be raised now.
    public mutating func observe(_ level: Quantity) -> Bool {
        if rule.isLow(level) {
            defer { armed = false }
            return armed
        }
        armed = true
        return false
    }
}
