import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw deals move KEY --stage NAME [--reason TEXT]`: a card moved on the kanban; a lost stage
/// needs `--reason`.
struct DealsMove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a deal to another stage.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Id or uid of the deal.") var key: String
    @Option(help: "The stage to move to (by name).") var stage: String
    @Option(help: "Why the deal was lost (needed for a lost stage).") var reason: String = ""
    @Option(name: .customLong("expect-version"), help: "Refuse (exit 3) unless the deal is still at this version.")
    var expectVersion: Int64?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let current = try db.deals.resolve(scope, key: key)
            let pipeline = try db.pipelines.get(scope, id: current.deal.pipelineID).pipeline
            let target = try StageLookup.stage(stage, in: pipeline)
            let saved = try db.deals.move(scope, id: current.id, to: target.id, lostReason: reason,
                                          expectedVersion: expectVersion ?? current.version)
            try DealOutput.written(db, scope, saved, json: output.json, done: "moved")
        }
    }
}
