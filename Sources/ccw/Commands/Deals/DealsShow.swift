import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw deals show KEY [--json]`: the deal and its stage history.
struct DealsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one deal (by id or uid).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Id or uid of the deal.") var key: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let record = try db.deals.resolve(scope, key: key)
            let pipeline = try db.pipelines.get(scope, id: record.deal.pipelineID).pipeline
            let item = DealJSON(record, pipeline: pipeline)
            if output.json { try Output.json(item); return }
            let company = try record.deal.companyID.map { try db.companies.names(scope, ids: [$0])[$0] ?? "#\($0.rawValue)" }
            let rows: [(String, String)] = [
                ("name", item.name), ("value", record.deal.value.formattedWithCode), ("stage", item.stage),
                ("probability", "\(item.probability)%"), ("close", item.expectedCloseDate ?? ""), ("closed", item.actualCloseDate ?? ""),
                ("company", company ?? ""), ("lost reason", item.lostReason), ("tags", item.tags.joined(separator: ", ")),
                ("id", "\(item.id)"), ("uid", item.uid), ("version", "\(item.version)"),
            ]
            var lines = rows.filter { !$0.1.isEmpty }.map { "\($0.0.padding(toLength: 12, withPad: " ", startingAt: 0))\($0.1)" }
            for entry in try db.deals.history(scope, id: record.id) {
                let from = entry.fromStageID.flatMap { pipeline.stage($0)?.name } ?? "(new)"
                lines.append("history     \(ZonedTime.iso8601UTC(entry.movedAt))  \(from) → \(pipeline.stage(entry.toStageID)?.name ?? "?")")
            }
            Output.data(lines.joined(separator: "\n"))
        }
    }
}
