/// Revenue forecast by expected close month, weighted by probability (FR-1.4 forecasting).
///
/// Open deals fall into the month of their expected close date; each month shows count, total
/// and weighted total per currency (each deal weighted and rounded once, as on its card), and
/// beside it the deals actually won in that month (by close date) for "forecast against
/// actual". Open deals whose expected month lies before the first month are `overdue` (their
/// date passed without a close); open deals without a date are `undated`. Months without
/// deals are listed too, so a chart has a continuous axis.
public struct Forecast: Sendable, Hashable {
    /// A calendar month.
    public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let year: Int
        public let month: Int

        public init(year: Int, month: Int) {
            precondition((1...12).contains(month), "month must be 1-12")
            self.year = year
            self.month = month
        }

        public init(_ date: CalendarDate) { self.init(year: date.year, month: date.month) }

        /// The month `count` months later (earlier when negative).
        public func adding(months count: Int) -> Month {
            let index = year * 12 + (month - 1) + count
            return Month(year: index / 12, month: index % 12 + 1)
        }

        public var description: String { month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)" }

        public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
    }

    public struct Row: Sendable, Hashable {
        public var month: Month
        /// Open deals expected to close this month.
        public var expected: DealTotals
        /// Deals won this month.
        public var won: DealTotals
    }

    public var rows: [Row]
    public var overdue: DealTotals
    public var undated: DealTotals

    /// - Parameters:
    ///   - deals: deals of any pipelines; `pipelines` tells which stages are open or won.
    ///   - from: the first month shown (usually the current one).
    ///   - months: how many months (at least 1).
    public init(deals: [Deal], pipelines: [Pipeline], from: Month, months: Int) {
        let count = max(1, months)
        var kinds: [StageID: StageKind] = [:]
        for pipeline in pipelines { for stage in pipeline.stages { kinds[stage.id] = stage.kind } }
        let range = (0..<count).map { from.adding(months: $0) }
        var expected: [Month: DealTotals] = [:]
        var won: [Month: DealTotals] = [:]
        var overdue = DealTotals()
        var undated = DealTotals()
        for deal in deals {
            switch kinds[deal.stageID] {
            case .open?:
                guard let date = deal.expectedCloseDate else { undated.add(deal); continue }
                let month = Month(date)
                if month < from { overdue.add(deal) } else { expected[month, default: DealTotals()].add(deal) }
            case .won?:
                if let date = deal.actualCloseDate { won[Month(date), default: DealTotals()].add(deal) }
            default:
                continue
            }
        }
        rows = range.map { Row(month: $0, expected: expected[$0] ?? DealTotals(), won: won[$0] ?? DealTotals()) }
        self.overdue = overdue
        self.undated = undated
    }

    /// Expected totals over all shown months.
    public var expectedTotal: DealTotals {
        var totals = DealTotals()
        for row in rows { totals.add(row.expected) }
        return totals
    }
}
