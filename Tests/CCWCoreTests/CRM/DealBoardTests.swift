import CCWDomain
import GRDB
import Testing
@testable import CCWCore

/// The deal kanban and the deal analyses: SQL aggregates that must agree with the domain's
/// deal-by-deal rules, keyset pages per column, and the indexes behind them.
@Suite struct DealBoardTests {
    /// Given the demo CRM (deals moved through the pipeline over weeks) in Northwind.
    static func demo() throws -> (SeededDatabase, Pipeline) {
        let seeded = try SeededDatabase()
        let end = seeded.clock.now() + 40 * ZonedTime.millisecondsPerDay
        try DemoCRM.seed(database: seeded.database, clock: seeded.clock, scope: seeded.northwind, end: end, size: .small)
        seeded.clock.set(end)
        return (seeded, try seeded.database.pipelines.defaultPipeline(seeded.northwind).pipeline)
    }

    /// Every live deal of the organization, loaded one by one (what the domain rules take).
    static func allDeals(_ seeded: SeededDatabase, _ pipeline: Pipeline) throws -> [Deal] {
        try seeded.database.deals.list(seeded.northwind, pipeline: pipeline.id, limit: 1000)
            .map { try seeded.database.deals.get(seeded.northwind, id: $0.id).deal }
    }

    @Test func boardTotalsAgreeWithTheDomainAndCardsComeLargestFirst() throws {
        let (seeded, pipeline) = try Self.demo()
        let deals = try Self.allDeals(seeded, pipeline)
        let expected = PipelineBoard(pipeline: pipeline, deals: deals)
        let board = try seeded.database.deals.board(seeded.northwind, pipeline: pipeline.id, cardsPerColumn: 3)
        #expect(board.columns.map(\.stage.name) == pipeline.stages.map(\.name))
        #expect(board.columns.map(\.totals) == expected.columns.map(\.totals))
        #expect(board.columns.reduce(0) { $0 + $1.totals.count } == deals.count)
        for column in board.columns {
            #expect(column.cards.count == min(3, column.totals.count))
            #expect(column.cards.map(\.value.minor) == column.cards.map(\.value.minor).sorted(by: >))
            #expect(column.cards.allSatisfy { $0.stageId == column.stage.id && !$0.ownerLogin.isEmpty })
            #expect(column.cards.allSatisfy { $0.companyName != nil })
        }
        // and the card's days in stage is the domain's
        let card = try #require(board.columns.first { !$0.cards.isEmpty }?.cards.first)
        let deal = try #require(deals.first { $0.id == card.id })
        #expect(card.daysInStage == StageMove.daysInStage(deal, now: seeded.clock.now(), zone: seeded.northwind.zone))
        #expect(card.weightedValue == deal.weightedValue)
    }

    @Test func keysetPagesWalkAColumnWithoutGapsOrRepeats() throws {
        let (seeded, pipeline) = try Self.demo()
        let board = try seeded.database.deals.board(seeded.northwind, pipeline: pipeline.id, cardsPerColumn: 2)
        let column = try #require(board.columns.max { $0.totals.count < $1.totals.count })
        var seen = column.cards
        while let last = seen.last, seen.count < column.totals.count {
            let page = try seeded.database.deals.boardCards(seeded.northwind, pipeline: pipeline.id, stage: column.stage.id,
                                                            after: last.cursor, limit: 2)
            #expect(!page.isEmpty)
            seen += page
        }
        #expect(seen.count == column.totals.count)
        #expect(Set(seen.map(\.id)).count == seen.count)
        #expect(try seeded.database.deals.boardCards(seeded.northwind, pipeline: pipeline.id, stage: column.stage.id,
                                                     after: seen.last!.cursor).isEmpty)
    }

    @Test func ownerAndTextFiltersNarrowCardsAndTotals() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let anna = try seeded.scope("anna.schmidt")
        _ = try seeded.database.deals.add(jonas, NewDeal(name: "Müller – Gabelstapler", value: Money(minor: 1_250_000, currency: .EUR)))
        _ = try seeded.database.deals.add(jonas, NewDeal(name: "Kramer – Regale", value: Money(minor: 480_000, currency: .EUR),
                                                         probability: ExactDecimal(mantissa: 125, scale: 1)))
        _ = try seeded.database.deals.add(anna, NewDeal(name: "Nowak – Regale", value: Money(minor: 99_999, currency: .EUR)))
        let pipeline = try seeded.database.pipelines.defaultPipeline(jonas).pipeline
        let mine = try seeded.database.deals.board(jonas, pipeline: pipeline.id, filter: DealBoardFilter(ownerId: UserID(jonas.userId)))
        let lead = mine.columns[0]
        #expect(lead.totals.count == 2)
        #expect(lead.totals.total(in: .EUR).minor == 1_730_000)
        // 10% of 12,500.00 + 12.5% of 4,800.00 = 1,250.00 + 600.00
        #expect(lead.totals.weighted(in: .EUR).minor == 185_000)
        #expect(lead.cards.map(\.name) == ["Müller – Gabelstapler", "Kramer – Regale"])
        let regale = try seeded.database.deals.board(jonas, pipeline: pipeline.id, filter: DealBoardFilter(text: "regale"))
        #expect(regale.columns[0].cards.map(\.name) == ["Kramer – Regale", "Nowak – Regale"])
        #expect(regale.columns[0].totals.count == 2)
    }

    @Test func winLossFromSQLIsTheDomainsAnalysis() throws {
        let (seeded, pipeline) = try Self.demo()
        let deals = try Self.allDeals(seeded, pipeline)
        let history = try deals.flatMap { try seeded.database.deals.history(seeded.northwind, id: $0.id!) }
        let expected = WinLossAnalysis(deals: deals, history: history, pipeline: pipeline)
        let actual = try seeded.database.deals.winLoss(seeded.northwind, pipeline: pipeline.id)
        #expect(actual.overall.closed > 0)
        #expect(actual.overall == expected.overall)
        #expect(actual.byStage == expected.byStage)
        #expect(actual.byReason == expected.byReason)
        #expect(actual.byOwner == expected.byOwner)
        // a period narrows to the deals closed in it
        let today = ZonedTime.date(at: seeded.clock.now(), in: seeded.northwind.zone)
        let period = today.adding(days: -10)...today
        let recent = try seeded.database.deals.winLoss(seeded.northwind, pipeline: pipeline.id, period: period)
        #expect(recent.overall == WinLossAnalysis(deals: deals, history: history, pipeline: pipeline, period: period).overall)
    }

    @Test func forecastFromSQLIsTheDomainsForecast() throws {
        let (seeded, pipeline) = try Self.demo()
        let deals = try Self.allDeals(seeded, pipeline)
        let today = ZonedTime.date(at: seeded.clock.now(), in: seeded.northwind.zone)
        let from = Forecast.Month(today).adding(months: -1)
        let expected = Forecast(deals: deals, pipelines: [pipeline], from: from, months: 6)
        let actual = try seeded.database.deals.forecast(seeded.northwind, pipeline: pipeline.id, from: from, months: 6)
        #expect(actual == expected)
        #expect(actual.expectedTotal.count > 0)
    }

    @Test func boardQueriesAreAnsweredFromTheirIndexes() throws {
        let seeded = try SeededDatabase()
        let plans = try seeded.database.read { db -> [String] in
            let queries = [
                "SELECT stage_id, currency, COUNT(*), SUM(value_minor), SUM(probability) FROM deals WHERE org_id = 1 AND pipeline_id = 1 AND deleted_at IS NULL GROUP BY stage_id, currency",
                "SELECT stage_id, currency, COUNT(*), SUM(value_minor), SUM(probability) FROM deals WHERE org_id = 1 AND pipeline_id = 1 AND deleted_at IS NULL AND owner_id = 2 GROUP BY stage_id, currency",
                "SELECT id FROM deals WHERE org_id = 1 AND pipeline_id = 1 AND deleted_at IS NULL AND stage_id = 3 AND (value_minor, id) < (5, 9) ORDER BY value_minor DESC, id DESC LIMIT 30",
                "SELECT id FROM deals WHERE org_id = 1 AND pipeline_id = 1 AND deleted_at IS NULL AND owner_id = 2 AND stage_id = 3 ORDER BY value_minor DESC, id DESC LIMIT 30",
            ]
            return try queries.map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        #expect(plans[0].contains("COVERING INDEX deals_board_totals"), "\(plans[0])")
        #expect(plans[1].contains("COVERING INDEX deals_board_owner_totals"), "\(plans[1])")
        #expect(plans[2].contains("deals_board_cards") && !plans[2].contains("TEMP B-TREE"), "\(plans[2])")
        #expect(plans[3].contains("deals_board_owner_cards") && !plans[3].contains("TEMP B-TREE"), "\(plans[3])")
    }
}
