import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw deals list [--stage NAME] [--mine] [--limit N] [--json]`: the default pipeline's deals,
/// oldest first, keyset paged by id.
struct DealsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List deals of the default pipeline.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only deals in this stage.") var stage: String?
    @Flag(help: "Only deals you own.") var mine = false
    @Option(help: "At most this many deals (default: all).") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let pipeline = try db.pipelines.defaultPipeline(scope).pipeline
            let stageId = try stage.map { try StageLookup.stage($0, in: pipeline).id }
            var items: [DealJSON] = []
            var after: DealID?
            while limit.map({ items.count < $0 }) ?? true {
                let want = min(500, (limit ?? Int.max) - items.count)
                let page = try db.deals.list(scope, pipeline: pipeline.id, stage: stageId, ownerId: mine ? UserID(scope.userId) : nil,
                                             after: after, limit: want)
                items += page.map { DealJSON($0, pipeline: pipeline) }
                guard page.count == want, let last = page.last else { break }
                after = last.id
            }
            if output.json { try Output.json(items); return }
            Output.table(["id", "name", "stage", "value", "currency", "close"],
                         items.map { ["\($0.id)", $0.name, $0.stage, $0.value, $0.currency, $0.expectedCloseDate ?? ""] },
                         rightAligned: [0, 3])
        }
    }
}
