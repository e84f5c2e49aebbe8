import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct DealBoardModelTests {
    /// Given deals in Lead (three), Proposal and Negotiation of the default pipeline, owned by
    /// jonas.weber except "Nowak – Regale" (admin's).
    static func seeded(_ login: String = "admin") throws -> AppSession {
        let admin = try SessionFixture.session()
        let jonas = try SessionFixture.other(admin, login: "jonas.weber")
        let stages = try admin.database.pipelines.defaultPipeline(admin.scope).pipeline.stages
        let company = try admin.database.companies.add(admin.scope, company: Company(name: "Müller & Söhne GmbH")).id
        let deals: [(String, Int64, Int, AppSession)] = [
            ("Müller – Gabelstapler", 1_250_000, 0, jonas), ("Kramer – Regale", 480_000, 0, jonas),
            ("Nowak – Regale", 99_999, 0, admin), ("Søren – Wartung", 2_000_000, 2, jonas), ("Zoë – Lager", 730_000, 3, jonas),
        ]
        for (name, minor, stage, session) in deals {
            _ = try session.database.deals.add(session.scope, NewDeal(name: name, value: Money(minor: minor, currency: .EUR),
                                                                     stageId: stages[stage].id, companyId: company))
        }
        return login == "admin" ? admin : try SessionFixture.other(admin, login: login)
    }

    @Test func reloadShowsEveryStageWithTotalsAndTheLargestCardFirst() throws {
        let model = DealBoardModel(session: try Self.seeded())
        model.send(.reload)
        #expect(model.columns.map(\.stage.name) == ["Lead", "Qualified", "Proposal", "Negotiation", "Closed won", "Closed lost"])
        #expect(model.columns.map(\.totals.count) == [3, 0, 1, 1, 0, 0])
        #expect(model.columns[0].totals.total(in: .EUR).minor == 1_829_999)
        #expect(model.focusedCard?.name == "Müller – Gabelstapler")
        #expect(model.focusedCard?.companyName == "Müller & Söhne GmbH")
        #expect(model.focusedCard?.ownerLogin == "jonas.weber")
        model.send(.focusCard(.down))
        #expect(model.focusedCard?.name == "Kramer – Regale")
        model.send(.focusColumn(offset: 2))
        #expect(model.focusedCard?.name == "Søren – Wartung")
        model.send(.focusColumn(offset: -2))
        #expect(model.focusedCard?.name == "Kramer – Regale", "each column remembers its focused card")
    }

    @Test func movingRightCarriesTheCardAndRecordsHistory() throws {
        let session = try Self.seeded()
        let model = DealBoardModel(session: session)
        model.send(.reload)
        let result = model.send(.moveCard(offset: 1))
        #expect(result == .moved(deal: "Müller – Gabelstapler", to: model.columns[1].stage))
        #expect(model.focusedColumn == 1 && model.focusedCard?.name == "Müller – Gabelstapler")
        #expect(model.columns.map(\.totals.count) == [2, 1, 1, 1, 0, 0])
        #expect(model.message?.text == "Müller – Gabelstapler moved to Qualified")
        let history = try session.database.deals.history(session.scope, id: model.focusedCard!.id)
        #expect(history.map(\.toStageID) == [model.columns[0].stage.id, model.columns[1].stage.id])
        #expect(model.send(.moveCard(offset: -1)) == .moved(deal: "Müller – Gabelstapler", to: model.columns[0].stage))
        #expect(model.send(.moveCard(offset: -1)) == .nothing("Müller – Gabelstapler is already in the first stage"))
    }

    @Test func winningFromNegotiationSaysWon() throws {
        let model = DealBoardModel(session: try Self.seeded())
        model.send(.reload)
        model.send(.focusColumn(offset: 3))
        #expect(model.send(.moveCard(offset: 1)) == .moved(deal: "Zoë – Lager", to: model.columns[4].stage))
        #expect(model.message?.level == .success)
        #expect(model.message?.text == "Won: Zoë – Lager · 7,300.00 EUR")
        #expect(model.columns[4].cards.first?.probability == ExactDecimal(100))
    }

    @Test func enteringLostAsksForAReasonAndEscapeKeepsTheStage() throws {
        let session = try Self.seeded()
        let model = DealBoardModel(session: session)
        model.send(.reload)
        model.send(.focusColumn(offset: 2))
        #expect(model.send(.closeCard(won: false)) == .needsLostReason(deal: "Søren – Wartung", stage: "Closed lost"))
        #expect(model.pending?.target.name == "Closed lost")
        model.send(.cancelMove)
        #expect(model.pending == nil)
        #expect(model.columns[2].totals.count == 1)

        #expect(model.send(.closeCard(won: false)) == .needsLostReason(deal: "Søren – Wartung", stage: "Closed lost"))
        #expect(model.send(.confirmLostReason("   ")) == .needsLostReason(deal: "Søren – Wartung", stage: "Closed lost"),
                "a blank reason is not a reason")
        #expect(model.send(.confirmLostReason("Preis zu hoch")) == .moved(deal: "Søren – Wartung", to: model.columns[5].stage))
        #expect(model.columns[5].cards.map(\.name) == ["Søren – Wartung"])
        #expect(model.focusedColumn == 5)
        let history = try session.database.deals.history(session.scope, id: model.focusedCard!.id)
        #expect(history.last?.lostReason == "Preis zu hoch")
    }

    @Test func aReadOnlyUserSeesTheBoardButCannotMove() throws {
        let model = DealBoardModel(session: try Self.seeded("petra.koch"))
        model.send(.reload)
        #expect(model.columns[0].totals.count == 3)
        #expect(!model.canMove)
        #expect(model.send(.moveCard(offset: 1)) == .refused("read-only: your role (read-only) may look at deals but not move them"))
        #expect(model.columns[0].totals.count == 3)
    }

    @Test func aDealMovedMeanwhileIsAConflictThatReloads() throws {
        let session = try Self.seeded()
        let model = DealBoardModel(session: session)
        model.send(.reload)
        // Jonas moves the same deal from his own terminal first.
        let jonas = try SessionFixture.other(session, login: "jonas.weber")
        let card = try #require(model.focusedCard)
        _ = try jonas.database.deals.move(jonas.scope, id: card.id, to: model.columns[2].stage.id, expectedVersion: card.version)
        let result = model.send(.moveCard(offset: 1))
        guard case .conflict(let text) = result else { Issue.record("expected a conflict, got \(String(describing: result))"); return }
        #expect(text.contains("changed by jonas.weber"))
        #expect(model.columns.map(\.totals.count) == [2, 0, 2, 1, 0, 0], "the board shows Jonas's move")
        #expect(model.focusedCard?.name == "Müller – Gabelstapler" && model.focusedColumn == 2, "focus follows the deal")
    }

    @Test func myDealsAndTextNarrowTheBoard() throws {
        let model = DealBoardModel(session: try Self.seeded())
        model.send(.reload)
        model.send(.toggleMine)
        #expect(model.mineOnly && model.filterSummary == "my deals")
        #expect(model.columns.map(\.totals.count) == [1, 0, 0, 0, 0, 0])
        model.send(.toggleMine)
        model.send(.setText("regale"))
        #expect(model.columns[0].cards.map(\.name) == ["Kramer – Regale", "Nowak – Regale"])
        #expect(model.filterSummary == "/regale")
    }

    @Test func scrollingPastTheLoadedCardsReadsTheNextPage() throws {
        let model = DealBoardModel(session: try Self.seeded())
        model.pageSize = 2
        model.send(.reload)
        #expect(model.columns[0].cards.count == 2 && model.columns[0].hasMore)
        model.send(.focusCard(.down))
        model.send(.focusCard(.down))
        #expect(model.focusedCard?.name == "Nowak – Regale")
        #expect(model.columns[0].cards.count == 3 && !model.columns[0].hasMore)
    }

    @Test func detailShowsTheDealWithItsHistory() throws {
        let model = DealBoardModel(session: try Self.seeded())
        model.send(.reload)
        model.send(.moveCard(offset: 1))
        model.send(.openDetail)
        let detail = try #require(model.detail)
        #expect(detail.record.deal.name == "Müller – Gabelstapler")
        #expect(detail.companyName == "Müller & Söhne GmbH" && detail.ownerLogin == "jonas.weber")
        #expect(detail.history.map(\.toStage) == ["Lead", "Qualified"])
        #expect(detail.history.map(\.movedBy) == ["jonas.weber", "admin"])
        model.send(.closeDetail)
        #expect(model.detail == nil)
    }

    @Test func choosingAnotherPipelineShowsItsStages() throws {
        let session = try Self.seeded()
        let renewals = try session.database.pipelines.add(session.scope, name: "Renewals", stages: [
            Stage(id: 1, name: "Due", order: 1, defaultProbability: ExactDecimal(60)),
            Stage(id: 2, name: "Renewed", order: 2, defaultProbability: ExactDecimal(100), kind: .won),
            Stage(id: 3, name: "Churned", order: 3, defaultProbability: .zero, kind: .lost),
        ])
        let model = DealBoardModel(session: session)
        model.send(.reload)
        #expect(model.pipelines.map(\.pipeline.name) == ["Sales", "Renewals"])
        model.send(.choosePipeline(renewals.id))
        #expect(model.columns.map(\.stage.name) == ["Due", "Renewed", "Churned"])
        #expect(model.focusedCard == nil)
        #expect(model.send(.moveCard(offset: 1)) == .nothing("no deal selected"))
    }
}
