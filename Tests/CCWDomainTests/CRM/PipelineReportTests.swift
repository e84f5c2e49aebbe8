import Testing
@testable import CCWDomain

@Suite struct PipelineBoardTests {
    @Test func columnTotalsPerCurrencyAreTheSumOfTheCards() {
        let deals = [
            PipelineFixture.deal(1, 10_001, stage: 2),                 // 25 % → 25.0025 → 25.00
            PipelineFixture.deal(2, 10_002, stage: 2),                 // 25 % → 25.005 → 25.01
            PipelineFixture.deal(3, 70_000, stage: 2, currency: .USD), // 25 % → 175.00
            PipelineFixture.deal(4, 50_000, stage: 3, expected: "2026-02-01"),
            PipelineFixture.deal(5, 1, stage: 77),
        ]
        let board = PipelineBoard(pipeline: PipelineFixture.pipeline, deals: deals)
        let qualified = board.columns[1]
        #expect(qualified.totals.count == 3)
        #expect(qualified.totals.total(in: .EUR) == Money(minor: 20_003, currency: .EUR))
        #expect(qualified.totals.weighted(in: .EUR) == Money(minor: 5_001, currency: .EUR))
        #expect(qualified.totals.weighted(in: .USD) == Money(minor: 17_500, currency: .USD))
        #expect(qualified.totals.currencies == [.EUR, .USD])
        #expect(board.columns[0].totals.count == 0)
        #expect(board.strays.map(\.id) == [5])
        #expect(board.openTotals.count == 4)
        #expect(board.openTotals.weighted(in: .EUR) == Money(minor: 30_001, currency: .EUR))
    }
}

@Suite struct WinLossAnalysisTests {
    @Test func aggregatesByStageReasonAndOwner() {
        let deals = [
            PipelineFixture.deal(1, 1000, stage: 5, owner: 1, closed: "2026-02-01"),
            PipelineFixture.deal(2, 2000, stage: 6, owner: 1, closed: "2026-02-03", reason: "Price"),
            PipelineFixture.deal(3, 3000, stage: 6, owner: 2, closed: "2026-02-04", reason: " price "),
            PipelineFixture.deal(4, 4000, stage: 6, owner: 2, closed: "2026-02-05", reason: "Timing"),
            PipelineFixture.deal(5, 5000, stage: 5, owner: 2, closed: "2025-12-01"), // outside the period
            PipelineFixture.deal(6, 6000, stage: 3, owner: 1),                          // still open
        ]
        func move(_ deal: DealID, _ from: StageID?, _ to: StageID, _ at: Int64) -> StageHistoryEntry {
            StageHistoryEntry(dealID: deal, fromStageID: from, toStageID: to, movedAt: at, movedBy: 1,
                              probabilityBefore: nil, probabilityAfter: .zero)
        }
        let history = [
            move(1, nil, 1, 1), move(1, 1, 3, 2), move(1, 3, 5, 3),
            move(2, nil, 1, 1), move(2, 1, 6, 2),
            move(3, nil, 2, 1), move(3, 2, 3, 2), move(3, 3, 6, 3),
            move(4, nil, 3, 1), move(4, 3, 6, 2),
        ]
        let period = try! CalendarDate.parseISO("2026-01-01")...CalendarDate.parseISO("2026-03-31")
        let analysis = WinLossAnalysis(deals: deals, history: history, pipeline: PipelineFixture.pipeline, period: period)
        #expect(analysis.overall.won == 1)
        #expect(analysis.overall.lost == 3)
        #expect(analysis.overall.winRate == ExactDecimal(25))
        #expect(analysis.overall.lostValue[.EUR] == Money(minor: 9000, currency: .EUR))
        let lead = analysis.byStage[0], proposal = analysis.byStage[2]
        #expect(lead.passedThrough.won == 1 && lead.passedThrough.lost == 1 && lead.lostHere == 1)
        #expect(proposal.passedThrough.won == 1 && proposal.passedThrough.lost == 2 && proposal.lostHere == 2)
        #expect(proposal.passedThrough.winRate == ExactDecimal(mantissa: 333, scale: 1))
        #expect(analysis.byReason.map(\.reason) == ["Price", "Timing"])
        #expect(analysis.byReason.map(\.count) == [2, 1])
        #expect(analysis.byReason[0].share == ExactDecimal(mantissa: 667, scale: 1))
        #expect(analysis.byOwner.map(\.owner) == [1, 2])
        #expect(analysis.byOwner[1].tally.lost == 2)
        #expect(WinLossAnalysis(deals: [], history: [], pipeline: PipelineFixture.pipeline).overall.winRate == nil)
    }
}

@Suite struct ForecastTests {
    @Test func monthsWeightedByProbability() {
        let deals = [
            PipelineFixture.deal(1, 100_000, stage: 3, expected: "2026-03-15"),  // 50 %
            PipelineFixture.deal(2, 40_000, stage: 4, expected: "2026-03-31"),   // 75 %
            PipelineFixture.deal(3, 10_000, stage: 1, expected: "2026-05-02"),   // 10 %
            PipelineFixture.deal(4, 9_999, stage: 2, expected: "2026-01-20"),    // overdue
            PipelineFixture.deal(5, 5_000, stage: 2),                            // undated
            PipelineFixture.deal(6, 70_000, stage: 5, closed: "2026-03-02"),     // won in March
            PipelineFixture.deal(7, 1_000, stage: 6, closed: "2026-03-03", reason: "x"),
        ]
        let forecast = Forecast(deals: deals, pipelines: [PipelineFixture.pipeline],
                                from: Forecast.Month(year: 2026, month: 3), months: 4)
        #expect(forecast.rows.map(\.month.description) == ["2026-03", "2026-04", "2026-05", "2026-06"])
        #expect(forecast.rows[0].expected.count == 2)
        #expect(forecast.rows[0].expected.total(in: .EUR) == Money(minor: 140_000, currency: .EUR))
        #expect(forecast.rows[0].expected.weighted(in: .EUR) == Money(minor: 80_000, currency: .EUR))
        #expect(forecast.rows[0].won.total(in: .EUR) == Money(minor: 70_000, currency: .EUR))
        #expect(forecast.rows[1].expected.count == 0)
        #expect(forecast.rows[2].expected.weighted(in: .EUR) == Money(minor: 1_000, currency: .EUR))
        #expect(forecast.overdue.count == 1)
        #expect(forecast.undated.count == 1)
        #expect(forecast.expectedTotal.count == 3)
        #expect(Forecast.Month(year: 2026, month: 11).adding(months: 3).description == "2027-02")
        #expect(Forecast.Month(year: 2026, month: 1).adding(months: -1).description == "2025-12")
    }
}
