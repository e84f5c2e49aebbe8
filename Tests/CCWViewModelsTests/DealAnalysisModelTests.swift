import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct DealAnalysisModelTests {
    @Test func winLossAndForecastOfTheDefaultPipeline() throws {
        // given four deals: one won, two lost for the same reason spelled twice, one open next month
        let session = try SessionFixture.session()
        let jonas = try SessionFixture.other(session, login: "jonas.weber")
        let pipeline = try session.database.pipelines.defaultPipeline(session.scope).pipeline
        let won = pipeline.stages.first { $0.kind == .won }!, lost = pipeline.stages.first { $0.kind == .lost }!
        func add(_ name: String, _ minor: Int64, close: CalendarDate? = nil) throws -> DealRecord {
            try jonas.database.deals.add(jonas.scope, NewDeal(name: name, value: Money(minor: minor, currency: .EUR),
                                                             stageId: pipeline.stages[2].id, expectedCloseDate: close))
        }
        let a = try add("Gabelstapler", 1_000_000)
        _ = try jonas.database.deals.move(jonas.scope, id: a.id, to: won.id, expectedVersion: a.version)
        for (name, reason) in [("Regale", "Preis zu hoch"), ("Wartung", " preis zu hoch ")] {
            let d = try add(name, 200_000)
            _ = try jonas.database.deals.move(jonas.scope, id: d.id, to: lost.id, lostReason: reason, expectedVersion: d.version)
        }
        _ = try add("Lager", 800_000, close: session.today.endOfMonth.adding(days: 3))

        let model = DealAnalysisModel(session: session)
        model.send(.reload)
        let analysis = try #require(model.winLoss)
        #expect(analysis.overall.won == 1 && analysis.overall.lost == 2)
        #expect(analysis.overall.winRate == ExactDecimal(mantissa: 333, scale: 1))
        #expect(analysis.byReason.map(\.reason) == ["Preis zu hoch"])
        #expect(analysis.byReason.first?.count == 2)
        #expect(analysis.byStage.first { $0.stage.name == "Proposal" }?.lostHere == 2)
        #expect(analysis.byOwner.map { model.ownerName($0.owner) } == ["jonas.weber"])
        let forecast = try #require(model.forecast)
        #expect(forecast.rows.count == model.months)
        #expect(forecast.rows[1].expected.count == 1)
        #expect(forecast.rows[1].expected.weighted(in: .EUR).minor == 400_000)  // 50% of 8,000.00
        #expect(forecast.rows[0].won.count == 1)

        // the last 90 days hold today's closes too
        model.send(.setPeriod(.last90Days))
        #expect(model.period == .last90Days && model.winLoss?.overall.closed == 3)
    }
}
