import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw scoring list|add|delete`: the lead-scoring rules. A change has every contact rescored
/// by the background job (`ccw worker` or any open TUI).
struct Scoring: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scoring", abstract: "Lead-scoring rules.",
        discussion: """
            A rule gives points when its condition holds: "title contains head", "company size at least 201",
            or "3 interactions in the last 30 days".
            """,
        subcommands: [ScoringList.self, ScoringAdd.self, ScoringDelete.self])
}

struct ScoringRuleJSON: Encodable {
    var id: Int64
    var position: Int
    var name: String
    var condition: String
    var points: Int
    var enabled: Bool
}

struct ScoringList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules in evaluation order.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let rules = try db.crmDefinitions.scoringRules(scope)
            if output.json {
                try Output.json(rules.map { ScoringRuleJSON(id: $0.id, position: $0.position, name: $0.rule.name,
                                                            condition: $0.rule.condition.description, points: $0.rule.points,
                                                            enabled: $0.rule.enabled) })
                return
            }
            Output.table(["name", "when", "points"], rules.map { [$0.rule.name, $0.rule.condition.description, "\($0.rule.points)"] })
            if try LeadScoreRefresh.pending(db, scope) { Output.message("contacts are being rescored in the background") }
        }
    }
}

struct ScoringAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a rule at the end of the order.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The rule's name.") var name: String
    @Option(name: .customLong("when"), help: "The condition, e.g. \"title contains head\".") var condition: String
    @Option(help: "Points when it holds (-1000 to 1000, not 0).") var points: Int

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            let parsed: ScoringRule.Condition
            do { parsed = try ConditionText.scoring(condition) } catch let e as InputError {
                throw CoreError.invalid([FieldError(field: "when", message: e.message)])
            }
            let record = try db.crmDefinitions.addScoringRule(scope, ScoringRule(name: name, condition: parsed, points: points))
            Output.message("added rule \(record.rule.name): \(record.rule.condition) → \(record.rule.points) points; contacts are rescored in the background")
        }
    }
}

struct ScoringDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a rule.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The rule's name.") var name: String

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            guard let record = try db.crmDefinitions.scoringRules(scope).first(where: { $0.rule.name.lowercased() == name.lowercased() }) else {
                throw CoreError.notFound(entity: "scoring rule", key: name)
            }
            try db.crmDefinitions.deleteScoringRule(scope, id: record.id, expectedVersion: record.stamp.version)
            Output.message("deleted rule \(record.rule.name); contacts are rescored in the background")
        }
    }
}
