import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct AuditLogModelTests {
    @Test func listsNewestFirstAndPagesThroughEverything() throws {
        let session = try SessionFixture.session()
        let model = AuditLogModel(session: session)
        model.send(.reload)
        let total = model.list.count
        #expect(total > 10)
        #expect(model.selected?.summary.contains("deactivated user thomas.mueller") == true)
        model.setPageSize(5)
        model.send(.move(.pageDown))
        #expect(model.list.selected == 5)
        model.send(.move(.last))
        #expect(model.list.selected == total - 1)
        #expect(model.selected?.summary == "created organization \(DemoSeed.northwindName) (EUR, Europe/Berlin)"
                || model.selected?.action == .create)
        model.send(.move(.first))
        #expect(model.list.selected == 0)
    }

    @Test func textFilterFindsSubstringsAndShortQueries() throws {
        let session = try SessionFixture.session()
        let model = AuditLogModel(session: session)
        model.send(.reload)
        model.send(.setText("mueller"))
        #expect(model.list.count >= 2)
        #expect(model.list.row(at: 0)?.summary.lowercased().contains("mueller") == true)
        let found = model.list.count
        model.send(.setText("zz"))  // too short to search: a hint, and the list stays as it was
        #expect(model.searchHint == "type at least 3 characters to search")
        #expect(model.list.count == found)
        model.send(.setText(""))
        #expect(model.searchHint == nil)
        #expect(model.filterSummary.isEmpty)
    }

    @Test func entityUserAndDateFiltersCombine() throws {
        let session = try SessionFixture.session()
        let model = AuditLogModel(session: session)
        model.send(.setEntity("membership"))
        let memberships = model.list.count
        #expect(memberships > 0)
        for i in 0..<memberships { #expect(model.list.row(at: i)?.entity == "membership") }
        model.send(.setRange(from: "today", to: "today"))
        #expect(model.list.count == memberships)
        model.send(.setRange(from: "-30", to: "-1"))
        #expect(model.list.count == 0)
        #expect(model.filterSummary.contains("entity membership"))
        model.send(.setRange(from: "2026-11-30", to: "2026-11-01"))
        #expect(model.filterError == "date range: 2026-11-01 is before 2026-11-30")
        model.send(.setRange(from: "2026-13-01", to: ""))
        #expect(model.filterError?.contains("month must be 1-12") == true)
        model.send(.clearFilters)
        #expect(model.list.count > memberships)
    }

    @Test func chainVerificationReportsOK() throws {
        let model = AuditLogModel(session: try SessionFixture.session())
        model.send(.verifyChain)
        #expect(model.verification?.ok == true)
    }

    @Test func readingTheAuditLogNeedsAdminView() throws {
        let session = try SessionFixture.session("jonas.weber")  // sales
        let model = AuditLogModel(session: session)
        model.send(.reload)
        #expect(model.list.error?.contains("Not permitted") == true)
    }

    @Test func aCommonSearchWordStopsCountingAtTheCapAndPagingFindsTheRest() throws {
        let session = try SessionFixture.session()
        // 1,200 changes that all mention "relocated".
        for i in 0..<1_200 {
            try session.database.write(as: session.scope, .edit, in: .admin) { access in
                _ = try access.audit("bin", id: Int64(i), uid: nil, "update", "relocated bin A-\(i)")
            }
        }
        let model = AuditLogModel(session: session)
        model.send(.setText("relocated"))
        #expect(model.list.count == AuditLogModel.countCap)
        #expect(!model.list.countIsExact)
        model.setPageSize(100)
        for _ in 0..<12 { model.send(.move(.pageDown)) }
        #expect(model.list.count == 1_200)
        #expect(model.list.countIsExact)
        #expect(model.list.selected == 1_199)
        #expect(model.selected?.summary == "relocated bin A-0")
        model.send(.move(.first))
        #expect(model.selected?.summary == "relocated bin A-1199")
    }
}
