import Foundation

/// Building `WinLossAnalysis` and `Forecast` from counts and sums a store computed itself
/// (SQL `GROUP BY` over many deals), so large data never has to be loaded deal by deal. The
/// rules are the ones of the deal-by-deal initializers: rows in the same order, shares and
/// win rates computed the same way.
extension WinLossAnalysis.Tally {
    /// A tally from counts and sums computed elsewhere.
    public static func counted(won: Int, lost: Int, wonValue: [CurrencyCode: Money],
                               lostValue: [CurrencyCode: Money]) -> WinLossAnalysis.Tally {
        WinLossAnalysis.Tally(won: won, lost: lost, wonValue: wonValue, lostValue: lostValue)
    }
}

extension WinLossAnalysis {
    /// Closed deals of one lost reason, as counted by a store.
    public struct ReasonCount: Sendable, Hashable {
        public var reason: String
        public var count: Int
        public var value: [CurrencyCode: Money]

        public init(reason: String, count: Int, value: [CurrencyCode: Money]) {
            self.reason = reason
            self.count = count
            self.value = value
        }
    }

    /// - Parameters:
    ///   - overall: every closed deal that counts.
    ///   - passedThrough: per open stage, the closed deals whose history visits it.
    ///   - lostHere: per open stage, the deals lost straight from it.
    ///   - reasons: lost deals per reason (blank reasons are shown as "(no reason)").
    ///   - owners: closed deals per owner.
    public init(pipeline: Pipeline, overall: Tally, passedThrough: [StageID: Tally], lostHere: [StageID: Int],
                reasons: [ReasonCount], owners: [UserID: Tally]) {
        self.overall = overall
        byStage = pipeline.openStages.map {
            StageRow(stage: $0, passedThrough: passedThrough[$0.id] ?? Tally(), lostHere: lostHere[$0.id] ?? 0)
        }
        byReason = reasons
            .map { ReasonRow(reason: $0.reason.isEmpty ? "(no reason)" : $0.reason, count: $0.count, value: $0.value,
                             share: WinLossAnalysis.percent($0.count, of: overall.lost) ?? .zero) }
            .sorted { ($0.count, $1.reason.lowercased()) > ($1.count, $0.reason.lowercased()) }
        byOwner = owners.map { OwnerRow(owner: $0.key, tally: $0.value) }
            .sorted { ($0.tally.won, $1.owner) > ($1.tally.won, $0.owner) }
    }
}

extension Forecast {
    /// - Parameters:
    ///   - expected: open deals per expected close month (months outside the range are ignored).
    ///   - won: deals won per close month.
    public init(from: Month, months: Int, expected: [Month: DealTotals], won: [Month: DealTotals],
                overdue: DealTotals, undated: DealTotals) {
        rows = (0..<max(1, months)).map { from.adding(months: $0) }
            .map { Row(month: $0, expected: expected[$0] ?? DealTotals(), won: won[$0] ?? DealTotals()) }
        self.overdue = overdue
        self.undated = undated
    }
}
