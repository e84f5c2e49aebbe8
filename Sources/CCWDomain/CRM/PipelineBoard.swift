import Foundation

/// The kanban view of one pipeline: a column per stage with its cards and totals.
public struct PipelineBoard: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var stage: Stage
        /// The deals in the stage, by expected close date (undated last), then name.
        public var deals: [Deal]
        public var totals: DealTotals
    }

    public var pipeline: Pipeline
    public var columns: [Column]
    /// Deals that name a stage the pipeline does not have (data to repair); shown apart.
    public var strays: [Deal]

    /// Sorts `deals` of `pipeline` into its columns (other pipelines' deals are ignored).
    public init(pipeline: Pipeline, deals: [Deal]) {
        self.pipeline = pipeline
        var byStage: [StageID: [Deal]] = [:]
        var strays: [Deal] = []
        for deal in deals where deal.pipelineID == pipeline.id {
            if pipeline.stage(deal.stageID) != nil { byStage[deal.stageID, default: []].append(deal) } else { strays.append(deal) }
        }
        columns = pipeline.stages.map { stage in
            let cards = (byStage[stage.id] ?? []).sorted(by: PipelineBoard.cardOrder)
            return Column(stage: stage, deals: cards, totals: DealTotals(cards))
        }
        self.strays = strays
    }

    /// Totals over the open columns: the pipeline's current value.
    public var openTotals: DealTotals {
        var totals = DealTotals()
        for column in columns where column.stage.kind == .open { totals.add(column.totals) }
        return totals
    }

    static func cardOrder(_ a: Deal, _ b: Deal) -> Bool {
        switch (a.expectedCloseDate, b.expectedCloseDate) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.name != b.name { return a.name.localizedStandardCompare(b.name) == .orderedAscending }
            return (a.id?.rawValue ?? .max) < (b.id?.rawValue ?? .max)
        }
    }
}
