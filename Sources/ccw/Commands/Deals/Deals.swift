import ArgumentParser
import CCWCore
import CCWDomain

/// `ccw deals list|show|add|update|move|delete`.
struct Deals: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deals",
        abstract: "Deals on the sales pipeline.",
        discussion: "Name a deal by id or uid; stages by name.",
        subcommands: [DealsList.self, DealsShow.self, DealsAdd.self, DealsUpdate.self, DealsLines.self, DealsMove.self, DealsDelete.self])
}

/// A deal as `--json` prints it (money as a decimal string beside its currency).
struct DealJSON: Encodable {
    var id: Int64
    var uid: String
    var name: String
    var value: String
    var currency: String
    var stage: String
    var probability: String
    var expectedCloseDate: String?
    var actualCloseDate: String?
    var companyId: Int64?
    var contactIds: [Int64]
    var ownerId: Int64
    var lostReason: String
    var tags: [String]
    var version: Int64

    init(_ r: DealRecord, pipeline: Pipeline) {
        let d = r.deal
        id = r.stamp.id; uid = r.stamp.uid; name = d.name; value = d.value.decimalString; currency = d.currency.code
        stage = pipeline.stage(d.stageID)?.name ?? "#\(d.stageID.rawValue)"; probability = d.probability.normalized.description
        expectedCloseDate = d.expectedCloseDate?.description; actualCloseDate = d.actualCloseDate?.description
        companyId = d.companyID?.rawValue; contactIds = d.contactIDs.map(\.rawValue); ownerId = d.ownerID.rawValue
        lostReason = d.lostReason; tags = d.tags; version = r.version
    }
}

/// Deal fields for `add` and `update`.
struct DealFieldOptions: ParsableArguments {
    @Option(help: "Deal name.") var name: String?
    @Option(help: "Value, e.g. 1250 or 1,250.50 (in --currency, else the organization's).") var value: String?
    @Option(help: "Currency code of the value (default: the organization's).") var currency: String?
    @Option(help: "Company (id, uid or name; \"\" for none).") var company: String?
    @Option(help: "A contact (id, uid or email); repeat for several.") var contact: [String] = []
    @Option(help: "Expected close date: 2026-12-01, today, +30, eom.") var close: String?
    @Option(help: "Probability in percent (default: the stage's).") var probability: String?
    @Option(help: "Where the deal came from.") var source: String?
    @Option(help: "Tags, comma separated.") var tags: String?

    var isEmpty: Bool {
        name == nil && value == nil && company == nil && contact.isEmpty && close == nil && probability == nil
            && source == nil && tags == nil
    }

    /// Applies the given options to `deal`.
    func apply(to deal: inout Deal, _ db: AppDatabase, _ scope: Scope) throws {
        if let name { deal.name = name }
        if let value {
            let code = try currency.map { c in try FieldInput.parse("currency", c) { try CurrencyCode($0) } } ?? deal.currency
            deal.value = try FieldInput.parse("value", value) { try Money.parse($0, currency: code) }
        }
        if let company {
            deal.companyID = company.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try db.companies.resolve(scope, key: company).id
        }
        if !contact.isEmpty { deal.contactIDs = try contact.map { try db.contacts.resolve(scope, key: $0).id } }
        if let close {
            let today = ZonedTime.date(at: db.now(), in: scope.zone)
            deal.expectedCloseDate = try FieldInput.parse("close date", close) { try CalendarDate.parse($0, today: today) }
        }
        if let probability {
            deal.probability = try FieldInput.parse("probability", probability) { try ExactDecimal($0) }
        }
        if let source { deal.source = source }
        if let tags { deal.tags = Tags.parse(tags) }
    }
}

enum DealOutput {
    static func written(_ db: AppDatabase, _ scope: Scope, _ record: DealRecord, json: Bool, done: String) throws {
        let pipeline = try db.pipelines.get(scope, id: record.deal.pipelineID).pipeline
        let item = DealJSON(record, pipeline: pipeline)
        if json { try Output.json(item) } else {
            Output.message("\(done) deal \(item.name) in \(item.stage), \(record.deal.value.formattedWithCode) (id \(item.id), version \(item.version))")
        }
    }
}

/// A stage named on the command line: its exact name (case ignored), else the one stage whose
/// name contains the text (`lost` → `Closed lost`); anything else names the stages.
enum StageLookup {
    static func stage(_ name: String, in pipeline: Pipeline) throws -> Stage {
        if let exact = pipeline.stage(named: name) { return exact }
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        let partial = pipeline.stages.filter { !key.isEmpty && $0.name.lowercased().contains(key) }
        if partial.count == 1 { return partial[0] }
        throw CoreError.invalid([FieldError(field: "stage", message: "no stage \"\(name)\" in \(pipeline.name) (stages: \(pipeline.stages.map(\.name).joined(separator: ", ")))")])
    }
}
