import CCWDomain
import Testing
@testable import CCWCore

@Suite struct DealsTests {
    @Test func movingToLostNeedsAReasonAndWritesHistory() throws {
        // given a deal in the default pipeline (created on first use)
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let deal = try seeded.database.deals.add(jonas, NewDeal(name: "Fleet renewal", value: Money(minor: 1_200_000, currency: .EUR)))
        let pipeline = try seeded.database.pipelines.defaultPipeline(jonas).pipeline
        #expect(pipeline.stages.map(\.name) == ["Lead", "Qualified", "Proposal", "Negotiation", "Closed won", "Closed lost"])
        #expect(deal.deal.stageID == pipeline.stages[0].id && deal.deal.probability == ExactDecimal(10))
        let lost = pipeline.stages.first { $0.kind == .lost }!

        // when moved to lost without a reason, it is refused and nothing is written
        let error = coreError { _ = try seeded.database.deals.move(jonas, id: deal.id, to: lost.id, expectedVersion: deal.version) }
        #expect(error?.fieldErrors.map(\.field) == ["lost reason"])
        #expect(try seeded.database.deals.history(jonas, id: deal.id).count == 1)

        // when moved to Proposal and then lost with a reason
        let proposal = try seeded.database.deals.move(jonas, id: deal.id, to: pipeline.stages[2].id, expectedVersion: deal.version)
        #expect(proposal.deal.probability == ExactDecimal(50))
        seeded.clock.advance(by: 60_000)
        let closed = try seeded.database.deals.move(jonas, id: deal.id, to: lost.id, lostReason: "Price too high",
                                                    expectedVersion: proposal.version)
        // then the deal is closed at 0% with the reason, and the history has every move
        #expect(closed.deal.probability == .zero && closed.deal.lostReason == "Price too high")
        #expect(closed.deal.actualCloseDate != nil)
        let history = try seeded.database.deals.history(jonas, id: deal.id)
        #expect(history.map(\.toStageID) == [pipeline.stages[0].id, pipeline.stages[2].id, lost.id])
        #expect(history.map(\.fromStageID) == [nil, pipeline.stages[0].id, pipeline.stages[2].id])
        #expect(history.last?.lostReason == "Price too high")
        let events = try seeded.database.outbox.list(seeded.northwind).map(\.type)
        #expect(events.filter { $0 == "crm.deal.stage_changed" }.count == 2 && events.contains("deal.lost"))
        // a stale move is a conflict
        #expect(coreError { _ = try seeded.database.deals.move(jonas, id: deal.id, to: pipeline.stages[1].id,
                                                               expectedVersion: proposal.version) }?.exitCode == 3)
    }

    @Test func winningPublishesDealWon() throws {
        let seeded = try SeededDatabase()
        let deal = try seeded.database.deals.add(seeded.northwind, NewDeal(name: "Big one", value: Money(minor: 500, currency: .EUR)))
        let won = try seeded.database.pipelines.defaultPipeline(seeded.northwind).pipeline.stages.first { $0.kind == .won }!
        let moved = try seeded.database.deals.move(seeded.northwind, id: deal.id, to: won.id, expectedVersion: deal.version)
        #expect(moved.deal.probability == ExactDecimal(100))
        #expect(try seeded.database.outbox.list(seeded.northwind).contains { $0.type == "deal.won" })
    }

    @Test func lineItemsSetTheValue() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let deal = try seeded.database.deals.add(scope, NewDeal(name: "Printers", value: Money(minor: 0, currency: .EUR)))
        let items = [
            DealLineItem(description: "Printer", quantity: ExactDecimal(3), unitPrice: Money(minor: 19_999, currency: .EUR),
                         discount: .percent(ExactDecimal(10))),
            DealLineItem(description: "Setup", quantity: ExactDecimal(1), unitPrice: Money(minor: 5_000, currency: .EUR)),
        ]
        let priced = try seeded.database.deals.setLineItems(scope, id: deal.id, items: items, expectedVersion: deal.version)
        // 3 × 199.99 = 599.97, less 10% (60.00 rounded half away from zero) = 539.97, plus 50.00
        #expect(priced.deal.value.minor == 58_997)
        #expect(priced.deal.lineItems.map(\.description) == ["Printer", "Setup"])
        let replaced = try seeded.database.deals.setLineItems(scope, id: deal.id, items: [items[1]], expectedVersion: priced.version)
        #expect(replaced.deal.value.minor == 5_000 && replaced.deal.lineItems.count == 1)
    }

    @Test func stagesAreEditableAndAStageWithDealsCannotBeRemoved() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let record = try seeded.database.pipelines.defaultPipeline(scope)
        _ = try seeded.database.deals.add(scope, NewDeal(name: "In lead", value: Money(minor: 1, currency: .EUR)))
        var stages = record.pipeline.stages
        stages[1].name = "Qualified lead"
        stages.insert(Stage(id: 999, name: "Demo", order: 0, defaultProbability: ExactDecimal(40)), at: 2)
        for index in stages.indices { stages[index].order = index + 1 }
        let edited = try seeded.database.pipelines.updateStages(scope, id: record.id, name: "Sales", stages: stages,
                                                                expectedVersion: record.version)
        #expect(edited.pipeline.stages.map(\.name) == ["Lead", "Qualified lead", "Demo", "Proposal", "Negotiation", "Closed won", "Closed lost"])
        let withoutLead = Array(edited.pipeline.stages.dropFirst())
        #expect(coreError { _ = try seeded.database.pipelines.updateStages(scope, id: record.id, name: "Sales", stages: withoutLead,
                                                                          expectedVersion: edited.version) }?.description.contains("still holds 1 deal") == true)
    }
}
