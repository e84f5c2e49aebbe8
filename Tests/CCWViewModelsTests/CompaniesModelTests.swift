import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

/// The companies tree, detail and form, driven by intents.
@Suite struct CompaniesModelTests {
    /// Holding › GmbH › Logistik; Holding › France; Nordlicht.
    func seed(_ session: AppSession) throws -> [String: CompanyID] {
        var ids: [String: CompanyID] = [:]
        for (name, parent) in [("Müller Holding AG", nil), ("Müller & Söhne GmbH", "Müller Holding AG"),
                               ("Müller Logistik", "Müller & Söhne GmbH"), ("Müller France SARL", "Müller Holding AG"),
                               ("Nordlicht Handel KG", nil)] as [(String, String?)] {
            ids[name] = try session.database.companies.add(session.scope, company: Company(name: name, parentCompanyID: parent.flatMap { ids[$0] })).id
        }
        return ids
    }

    @Test func treeCollapseAndFilter() throws {
        let session = try SessionFixture.session()
        _ = try seed(session)
        let model = CompaniesModel(session: session)
        model.send(.reload)
        #expect(model.lines.map(\.name) == ["Müller Holding AG", "Müller & Söhne GmbH", "Müller Logistik", "Müller France SARL", "Nordlicht Handel KG"])
        #expect(model.lines.map(\.depth) == [0, 1, 2, 1, 0])
        #expect(model.lines[1].isLastSibling == false && model.lines[3].isLastSibling)
        #expect(model.lines[2].guides == [true])   // the GmbH has a sibling below, so its guide continues
        // collapse the holding
        model.send(.toggle)
        #expect(model.lines.map(\.name) == ["Müller Holding AG", "Nordlicht Handel KG"])
        // l expands again, then moves to the first subsidiary
        model.send(.expand)
        model.send(.expand)
        #expect(model.selectedLine?.name == "Müller & Söhne GmbH")
        // h on a leaf goes to its parent
        model.send(.move(.down))
        model.send(.collapse)
        #expect(model.selectedLine?.name == "Müller & Söhne GmbH")
        // the filter keeps ancestors and selects the match
        model.send(.setFilter("logistik"))
        #expect(model.lines.map(\.name) == ["Müller Holding AG", "Müller & Söhne GmbH", "Müller Logistik"])
        #expect(model.lines.map(\.isMatch) == [false, false, true])
        #expect(model.selectedLine?.name == "Müller Logistik")
        #expect(model.detail?.parentName == "Müller & Söhne GmbH")
        model.send(.setFilter(""))
        #expect(model.lines.count == 5)
    }

    @Test func newCompanyWithParentByName() throws {
        let session = try SessionFixture.session()
        _ = try seed(session)
        let model = CompaniesModel(session: session)
        model.send(.reload)
        model.send(.new(parentName: nil))
        model.send(.save)
        #expect(model.lastOutcome == .invalid)
        #expect(model.editor?.errors[.name] == "a company name is required")
        model.send(.set(.name, "Nordlicht Dänemark ApS"))
        model.send(.set(.parent, "nordlicht handel kg"))
        model.send(.set(.size, "many"))
        model.send(.save)
        #expect(model.lastOutcome == .invalid)
        #expect(model.editor?.errors[.size]?.contains("expected a head count") == true)
        #expect(model.editor?.value(.name) == "Nordlicht Dänemark ApS")   // nothing typed is lost
        model.send(.set(.size, "12"))
        model.send(.save)
        #expect(model.lastOutcome == .saved("company Nordlicht Dänemark ApS added"))
        #expect(model.selectedLine?.name == "Nordlicht Dänemark ApS")
        #expect(model.selectedLine?.depth == 1)
        #expect(model.detail?.record.company.employeeCount?.description == "11-50")
    }

    @Test func aCycleIsRefusedWithAClearMessage() throws {
        let session = try SessionFixture.session()
        let ids = try seed(session)
        let model = CompaniesModel(session: session)
        model.send(.reload)
        model.send(.select(ids["Müller Holding AG"]!))
        model.send(.edit)
        model.send(.set(.parent, "Müller Logistik"))
        model.send(.save)
        #expect(model.lastOutcome == .invalid)
        let message = model.editor?.errors[.parent] ?? ""
        #expect(message.contains("Müller Logistik is a subsidiary of Müller Holding AG"))
        #expect(message.contains("→"))
        model.send(.set(.parent, "Nobody Ltd"))
        model.send(.save)
        #expect(model.editor?.errors[.parent] == "no company called \"Nobody Ltd\" (pick one of the suggestions)")
    }

    @Test func aConcurrentEditBecomesAConflict() throws {
        let session = try SessionFixture.session()
        let ids = try seed(session)
        let other = try SessionFixture.other(session, login: "anna.schmidt")
        let model = CompaniesModel(session: session)
        model.send(.reload)
        model.send(.select(ids["Nordlicht Handel KG"]!))
        model.send(.edit)
        model.send(.set(.industry, "Wholesale"))
        // anna saves first
        let stored = try other.database.companies.get(other.scope, id: ids["Nordlicht Handel KG"]!)
        var theirs = stored.company
        theirs.industry = "Shipping"
        _ = try other.database.companies.update(other.scope, id: stored.id, company: theirs, ownerId: stored.ownerId, expectedVersion: stored.version)
        model.send(.save)
        guard case .conflict(let message) = model.lastOutcome else { Issue.record("expected a conflict, got \(model.lastOutcome)"); return }
        #expect(message.contains("anna.schmidt"))
        // keep mine saves over theirs
        model.send(.keepMine)
        #expect(model.lastOutcome == .saved("company Nordlicht Handel KG saved"))
        #expect(try session.database.companies.get(session.scope, id: ids["Nordlicht Handel KG"]!).company.industry == "Wholesale")
    }

    @Test func salesMayNotDeleteAManagerMay() throws {
        let admin = try SessionFixture.session()
        _ = try seed(admin)
        let sales = try SessionFixture.other(admin, login: "jonas.weber")
        let model = CompaniesModel(session: sales)
        model.send(.reload)
        #expect(model.canDelete == false)
        #expect(model.canEdit)
        model.send(.delete)
        guard case .failed = model.lastOutcome else { Issue.record("sales deleted a company"); return }
        #expect(model.lines.count == 5)
        let manager = CompaniesModel(session: try SessionFixture.other(admin, login: "anna.schmidt"))
        manager.send(.reload)
        manager.send(.move(.last))
        manager.send(.delete)
        #expect(manager.lastOutcome == .deleted("company Nordlicht Handel KG deleted"))
        #expect(manager.lines.count == 4)
    }
}
