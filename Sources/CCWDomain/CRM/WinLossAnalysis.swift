import Foundation

/// Win/loss analysis over closed deals: overall, by stage, by lost reason and by owner.
///
/// Which deals count: deals in a won or lost stage whose close date lies in the period
/// (both ends included; no period means all). Win rate = won ÷ (won + lost), as a percentage
/// with one decimal, rounded half away from zero; nil when nothing closed.
///
/// **By stage** reads the stage history: for every open stage, how many of the closed deals
/// passed through it and how they ended, and how many were lost while in it (the `from` stage
/// of the move into the lost stage). A deal without history counts for no stage.
///
/// **By reason** groups lost deals by reason ignoring case and surrounding space (the first
/// spelling seen is shown), most frequent first.
public struct WinLossAnalysis: Sendable, Hashable {
    public struct Tally: Sendable, Hashable {
        public var won = 0
        public var lost = 0
        public var wonValue: [CurrencyCode: Money] = [:]
        public var lostValue: [CurrencyCode: Money] = [:]

        public var closed: Int { won + lost }
        /// Percent with one decimal; nil when nothing closed.
        public var winRate: ExactDecimal? { WinLossAnalysis.percent(won, of: closed) }

        mutating func add(_ deal: Deal, won isWon: Bool) {
            if isWon {
                won += 1
                wonValue[deal.currency, default: .zero(deal.currency)] += deal.value
            } else {
                lost += 1
                lostValue[deal.currency, default: .zero(deal.currency)] += deal.value
            }
        }
    }

    public struct StageRow: Sendable, Hashable {
        public var stage: Stage
        /// Closed deals that passed through this stage, by outcome.
        public var passedThrough: Tally
        /// Deals lost while in this stage.
        public var lostHere: Int
    }

    public struct ReasonRow: Sendable, Hashable {
        public var reason: String
        public var count: Int
        public var value: [CurrencyCode: Money]
        /// Share of all lost deals, percent with one decimal.
        public var share: ExactDecimal
    }

    public struct OwnerRow: Sendable, Hashable {
        public var owner: UserID
        public var tally: Tally
    }

    public var overall = Tally()
    public var byStage: [StageRow] = []
    public var byReason: [ReasonRow] = []
    /// Owners by deals won (most first), then by id.
    public var byOwner: [OwnerRow] = []

    public init(deals: [Deal], history: [StageHistoryEntry], pipeline: Pipeline,
                period: ClosedRange<CalendarDate>? = nil) {
        let closed: [(Deal, Bool)] = deals.compactMap { deal in
            guard deal.pipelineID == pipeline.id, let stage = pipeline.stage(deal.stageID), stage.kind.isClosed,
                  let date = deal.actualCloseDate, period.map({ $0.contains(date) }) ?? true else { return nil }
            return (deal, stage.kind == .won)
        }
        let historyByDeal = Dictionary(grouping: history.filter { $0.dealID != nil }, by: { $0.dealID! })
        var stageTallies: [StageID: Tally] = [:]
        var lostHere: [StageID: Int] = [:]
        var owners: [UserID: Tally] = [:]
        var reasons: [String: (label: String, count: Int, value: [CurrencyCode: Money])] = [:]
        for (deal, won) in closed {
            overall.add(deal, won: won)
            owners[deal.ownerID, default: Tally()].add(deal, won: won)
            let entries = deal.id.flatMap { historyByDeal[$0] }?.sorted { $0.movedAt < $1.movedAt } ?? []
            var visited = Set<StageID>()
            for entry in entries {
                if let from = entry.fromStageID { visited.insert(from) }
                visited.insert(entry.toStageID)
            }
            for stage in visited where pipeline.stage(stage)?.kind == .open {
                stageTallies[stage, default: Tally()].add(deal, won: won)
            }
            if !won {
                if let last = entries.last(where: { $0.toStageID == deal.stageID }), let from = last.fromStageID {
                    lostHere[from, default: 0] += 1
                }
                let label = deal.lostReason.trimmingCharacters(in: .whitespacesAndNewlines)
                let key = label.lowercased()
                var row = reasons[key] ?? (label.isEmpty ? "(no reason)" : label, 0, [:])
                row.count += 1
                row.value[deal.currency, default: .zero(deal.currency)] += deal.value
                reasons[key] = row
            }
        }
        byStage = pipeline.openStages.map {
            StageRow(stage: $0, passedThrough: stageTallies[$0.id] ?? Tally(), lostHere: lostHere[$0.id] ?? 0)
        }
        byReason = reasons.values
            .map { ReasonRow(reason: $0.label, count: $0.count, value: $0.value,
                             share: WinLossAnalysis.percent($0.count, of: overall.lost) ?? .zero) }
            .sorted { ($0.count, $1.reason.lowercased()) > ($1.count, $0.reason.lowercased()) }
        byOwner = owners.map { OwnerRow(owner: $0.key, tally: $0.value) }
            .sorted { ($0.tally.won, $1.owner) > ($1.tally.won, $0.owner) }
    }

    /// `part / whole` as a percentage with one decimal, rounded half away from zero
    /// (1 of 3 → 33.3, 2 of 3 → 66.7); nil when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> ExactDecimal? {
        guard whole > 0 else { return nil }
        let tenths = (Int64(part) * 2000 + Int64(whole)) / (Int64(whole) * 2)
        return ExactDecimal(mantissa: tenths, scale: 1).normalized
    }
}
