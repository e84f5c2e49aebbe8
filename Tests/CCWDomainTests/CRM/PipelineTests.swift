import Foundation
import Testing
@testable import CCWDomain

/// Shared fixtures: the standard pipeline (1 Lead 10%, 2 Qualified 25%, 3 Proposal 50%,
/// 4 Negotiation 75%, 5 Closed won, 6 Closed lost).
enum PipelineFixture {
    static let pipeline = Pipeline.standard()
    static let day: Int64 = 86_400_000
    static let start: Int64 = 1_767_225_600_000 // 2026-01-01T00:00:00Z

    static func deal(_ id: Int64, _ minor: Int64, stage: StageID, probability: Int64? = nil, currency: CurrencyCode = .EUR,
                     owner: UserID = 1, company: CompanyID? = nil, expected: String? = nil, closed: String? = nil,
                     reason: String = "") -> Deal {
        let p = probability.map { ExactDecimal($0) } ?? pipeline.stage(stage)?.defaultProbability ?? .zero
        return Deal(id: DealID(id), name: "Deal \(id)", value: Money(minor: minor, currency: currency), pipelineID: 1,
                    stageID: stage, probability: p, expectedCloseDate: expected.map { try! CalendarDate.parseISO($0) },
                    actualCloseDate: closed.map { try! CalendarDate.parseISO($0) }, companyID: company, ownerID: owner,
                    lostReason: reason, stageEnteredAt: start)
    }
}

@Suite struct PipelineDefinitionTests {
    @Test func standardPipelineIsValidAndOrdered() {
        let pipeline = PipelineFixture.pipeline
        #expect(pipeline.validate().isEmpty)
        #expect(pipeline.stages.map(\.name) == ["Lead", "Qualified", "Proposal", "Negotiation", "Closed won", "Closed lost"])
        #expect(pipeline.openStages.count == 4)
        #expect(pipeline.neighbour(of: 1, offset: -1) == nil)
        #expect(pipeline.neighbour(of: 1, offset: 1)?.name == "Qualified")
        #expect(pipeline.needsLostReason(6))
        #expect(pipeline.stage(named: "proposal")?.id == 3)
    }

    @Test func validateRefusesBadDefinitions() {
        let pipeline = Pipeline(id: 2, name: " ", stages: [
            Stage(id: 1, name: "Lead", order: 1, defaultProbability: ExactDecimal(120)),
            Stage(id: 2, name: "lead", order: 1, defaultProbability: ExactDecimal(mantissa: 12345, scale: 3)),
            Stage(id: 3, name: "Won", order: 3, defaultProbability: ExactDecimal(90), kind: .won),
        ])
        let messages = pipeline.validate().map(\.description)
        #expect(messages.contains("name: a pipeline name is required"))
        #expect(messages.contains("stages: at least one lost stage is required"))
        #expect(messages.contains("stage \"Lead\": probability 120% is out of range (0-100)"))
        #expect(messages.contains("stage \"lead\": name is used twice (also \"Lead\")"))
        #expect(messages.contains("stage \"lead\": order 1 is also used by \"Lead\""))
        #expect(messages.contains("stage \"lead\": probability 12.345% has more than 2 decimals"))
        #expect(messages.contains("stage \"Won\": a won stage has probability 100%, not 90%"))
    }
}

@Suite struct DealLineItemTests {
    let eur = CurrencyCode.EUR

    @Test func lineTotalsWithDocumentedRounding() throws {
        // 3 × 19.99 = 59.97; 12.5 % of it is 7.49625 → 7.50 (half away from zero); net 52.47.
        let line = DealLineItem(description: "Seat licence", quantity: ExactDecimal(3), unitPrice: Money(minor: 1999, currency: eur),
                                discount: .percent(try ExactDecimal("12.5")))
        #expect(try line.gross() == Money(minor: 5997, currency: eur))
        #expect(try line.discountAmount() == Money(minor: 750, currency: eur))
        #expect(try line.lineTotal() == Money(minor: 5247, currency: eur))
        #expect(try line.discountAmount(rounding: .towardZero) == Money(minor: 749, currency: eur))
        // Decimal quantity: 2.5 h × 85.33 = 213.325 → 213.33.
        let hours = DealLineItem(description: "Consulting", quantity: try ExactDecimal("2.5"), unitPrice: Money(minor: 8533, currency: eur))
        #expect(try hours.lineTotal() == Money(minor: 21333, currency: eur))
        let fixed = DealLineItem(description: "Setup", quantity: ExactDecimal(1), unitPrice: Money(minor: 10000, currency: eur),
                                 discount: .amount(Money(minor: 2500, currency: eur)))
        #expect(try fixed.lineTotal() == Money(minor: 7500, currency: eur))
        // JPY has no minor digits.
        let yen = DealLineItem(description: "x", quantity: ExactDecimal(3), unitPrice: Money(minor: 333, currency: .JPY),
                               discount: .percent(ExactDecimal(10)))
        #expect(try yen.lineTotal() == Money(minor: 899, currency: .JPY)) // 999 − 99.9 → 100 discount
    }

    @Test func validateLines() {
        let line = DealLineItem(description: " ", quantity: .zero, unitPrice: Money(minor: 100, currency: eur),
                                discount: .amount(Money(minor: 500, currency: .USD)))
        let messages = line.validate(field: "line 1").map(\.description)
        #expect(messages == [
            "line 1 description: a description or a product is required",
            "line 1 quantity: 0 must be more than 0",
            "line 1 discount: is in USD, the price in EUR",
        ])
        let tooMuch = DealLineItem(description: "x", quantity: ExactDecimal(1), unitPrice: Money(minor: 100, currency: eur),
                                   discount: .amount(Money(minor: 500, currency: eur)))
        #expect(tooMuch.validate().map(\.description) == ["line discount: 5.00 EUR is more than the line (1.00 EUR)"])
    }

    @Test func dealValueFollowsItsLines() throws {
        var deal = PipelineFixture.deal(1, 0, stage: 2)
        deal.lineItems = [
            DealLineItem(description: "A", quantity: ExactDecimal(2), unitPrice: Money(minor: 5000, currency: eur)),
            DealLineItem(description: "B", quantity: ExactDecimal(1), unitPrice: Money(minor: 999, currency: eur), discount: .percent(ExactDecimal(50))),
        ]
        #expect(deal.validate(in: PipelineFixture.pipeline).map(\.description) == ["value: 0.00 EUR differs from the line items' total 104.99 EUR"])
        deal = try deal.valuedFromLineItems()
        #expect(deal.value == Money(minor: 10499, currency: eur)) // 100.00 + (9.99 − 5.00)
        #expect(deal.validate(in: PipelineFixture.pipeline).isEmpty)
        #expect(deal.weightedValue == Money(minor: 2625, currency: eur)) // 25 % of 104.99 = 26.2475
    }

    @Test func dealValidateChecksStageRules() {
        var deal = PipelineFixture.deal(1, 1000, stage: 6, probability: 20)
        let messages = deal.validate(in: PipelineFixture.pipeline).map(\.description)
        #expect(messages.contains("probability: a lost deal has probability 0%"))
        #expect(messages.contains("close date: a closed deal needs its close date"))
        deal = PipelineFixture.deal(1, 1000, stage: 6, probability: 0, closed: "2026-02-01")
        #expect(deal.validate(in: PipelineFixture.pipeline).map(\.description) == ["lost reason: a lost deal needs a reason"])
        deal.stageID = 99
        #expect(deal.validate(in: PipelineFixture.pipeline).map(\.description).contains("stage: stage 99 is not a stage of \"Sales\""))
    }
}

@Suite struct StageMoveTests {
    let pipeline = PipelineFixture.pipeline
    let today = try! CalendarDate.parseISO("2026-03-10")
    let now = PipelineFixture.start + 68 * PipelineFixture.day

    @Test func movingSetsProbabilityAndRecordsHistory() throws {
        let deal = PipelineFixture.deal(1, 5000, stage: 2)
        let outcome = try StageMove.move(deal, to: 3, in: pipeline, by: 9, now: now, today: today)
        #expect(outcome.deal.stageID == 3)
        #expect(outcome.deal.probability == ExactDecimal(50))
        #expect(outcome.deal.stageEnteredAt == now)
        #expect(outcome.entry == StageHistoryEntry(dealID: 1, fromStageID: 2, toStageID: 3, movedAt: now, movedBy: 9,
                                                  probabilityBefore: ExactDecimal(25), probabilityAfter: ExactDecimal(50)))
        let won = try StageMove.move(outcome.deal, to: 5, in: pipeline, by: 9, now: now, today: today).deal
        #expect(won.probability == ExactDecimal(100))
        #expect(won.actualCloseDate == today)
        #expect(won.validate(in: pipeline).isEmpty)
        let reopened = try StageMove.step(won, offset: -1, in: pipeline, by: 9, now: now, today: today)!.deal
        #expect(reopened.stageID == 4)
        #expect(reopened.actualCloseDate == nil)
    }

    @Test func enteringALostStageNeedsAReason() throws {
        let deal = PipelineFixture.deal(1, 5000, stage: 4)
        #expect(throws: StageMoveError.lostReasonRequired(stage: "Closed lost")) {
            try StageMove.move(deal, to: 6, in: pipeline, lostReason: "  ", by: 9, now: now, today: today)
        }
        let lost = try StageMove.move(deal, to: 6, in: pipeline, lostReason: " Price too high ", by: 9, now: now, today: today)
        #expect(lost.deal.probability == .zero)
        #expect(lost.deal.lostReason == "Price too high")
        #expect(lost.entry.lostReason == "Price too high")
        #expect(lost.deal.validate(in: pipeline).isEmpty)
        #expect(throws: StageMoveError.alreadyThere(stage: "Negotiation")) {
            try StageMove.move(deal, to: 4, in: pipeline, by: 9, now: now, today: today)
        }
        #expect(throws: StageMoveError.self) { try StageMove.move(deal, to: 42, in: pipeline, by: 9, now: now, today: today) }
        #expect(try StageMove.step(PipelineFixture.deal(2, 1, stage: 1), offset: -1, in: pipeline, by: 9, now: now, today: today) == nil)
    }

    @Test func daysInStageCountCalendarDaysInTheOrgZone() throws {
        var deal = PipelineFixture.deal(1, 5000, stage: 2)
        deal.stageEnteredAt = PipelineFixture.start + 22 * 3_600_000 // 2026-01-01 22:00 UTC = 23:00 in Berlin
        let berlin = try ZonedTime.timeZone("Europe/Berlin")
        #expect(StageMove.daysInStage(deal, now: deal.stageEnteredAt, zone: berlin) == 0)
        #expect(StageMove.daysInStage(deal, now: deal.stageEnteredAt + 3_600_000, zone: berlin) == 1) // past midnight
        #expect(StageMove.daysInStage(deal, now: deal.stageEnteredAt + 10 * PipelineFixture.day, zone: berlin) == 10)
        #expect(StageMove.daysInStage(deal, now: 0, zone: berlin) == 0)
    }
}
