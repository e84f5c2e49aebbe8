import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw deals add --name "50 chairs" --value 1250 [--stage Qualified] [--company Acme] [--json]`.
struct DealsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a deal to the default pipeline.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: DealFieldOptions
    @Option(help: "Stage name (default: the first open stage).") var stage: String?

    func validate() throws {
        if fields.name == nil { throw ValidationError("give the deal's name: --name \"50 chairs\"") }
        if fields.value == nil { throw ValidationError("give the deal's value: --value 1250") }
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let pipeline = try db.pipelines.defaultPipeline(scope).pipeline
            var deal = Deal(name: "", value: .zero(scope.baseCurrency), pipelineID: pipeline.id,
                            stageID: pipeline.openStages.first?.id ?? pipeline.stages[0].id, probability: .zero,
                            ownerID: UserID(scope.userId), stageEnteredAt: 0)
            try fields.apply(to: &deal, db, scope)
            let stageId = try stage.map { try StageLookup.stage($0, in: pipeline).id }
            let new = NewDeal(name: deal.name, value: deal.value, pipelineId: pipeline.id, stageId: stageId,
                              probability: fields.probability == nil ? nil : deal.probability, companyId: deal.companyID,
                              contactIds: deal.contactIDs, expectedCloseDate: deal.expectedCloseDate, source: deal.source,
                              tags: deal.tags)
            try DealOutput.written(db, scope, try db.deals.add(scope, new), json: output.json, done: "added")
        }
    }
}
