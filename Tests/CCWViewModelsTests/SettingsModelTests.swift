import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct SettingsModelTests {
    @Test func savingValidChangesWritesThemAndAudits() throws {
        let session = try SessionFixture.session()
        let model = SettingsModel(session: session)
        model.send(.load)
        model.send(.set(.timeZone, "Europe/Vienna"))
        #expect(model.isDirty)
        model.send(.save)
        #expect(model.lastOutcome == .saved)
        #expect(!model.isDirty)
        #expect(try session.database.orgSettings.get(session.scope).timeZone == "Europe/Vienna")
        let last = try session.database.audit.page(session.scope, limit: 1).first
        #expect(last?.entity == "organization")
    }

    @Test func invalidFieldsAreNamedAndNothingIsLost() throws {
        let session = try SessionFixture.session()
        let model = SettingsModel(session: session)
        model.send(.load)
        model.send(.set(.baseCurrency, "EURO"))
        model.send(.set(.timeZone, "Mars/Olympus"))
        model.send(.save)
        #expect(model.lastOutcome == .invalid)
        #expect(model.errors[.baseCurrency] != nil)
        #expect(model.errors[.timeZone] != nil)
        #expect(model.value(.baseCurrency) == "EURO")  // what was typed stays
        #expect(try session.database.orgSettings.get(session.scope).baseCurrency.code == "EUR")
    }

    @Test func aConcurrentSaveIsAConflictResolvedByReloadOrKeepMine() throws {
        let mine = try SessionFixture.session()
        let theirs = try SessionFixture.other(mine, login: "admin")
        let a = SettingsModel(session: mine), b = SettingsModel(session: theirs)
        a.send(.load); b.send(.load)
        b.send(.set(.name, "Northwind Trading AG"))
        b.send(.save)
        #expect(b.lastOutcome == .saved)

        a.send(.set(.defaultCountry, "AT"))
        a.send(.save)
        guard case .conflict(let message) = a.lastOutcome else {
            Issue.record("expected a conflict, got \(a.lastOutcome)"); return
        }
        #expect(message.contains("changed by admin"))
        #expect(a.value(.defaultCountry) == "AT")  // the edit survives the conflict

        a.send(.keepMine)
        #expect(a.lastOutcome == .saved)
        let stored = try mine.database.orgSettings.get(mine.scope)
        #expect(stored.defaultCountry == "AT")
        #expect(stored.name == "Northwind Trading GmbH")  // keep mine: my whole form wins

        b.send(.set(.name, "Other"))
        b.send(.save)
        #expect({ if case .conflict = b.lastOutcome { true } else { false } }())
        b.send(.reloadTheirs)
        #expect(b.value(.name) == "Northwind Trading GmbH")
        #expect(!b.isDirty)
    }

    @Test func readOnlyMayLookButNotSave() throws {
        let session = try SessionFixture.session("petra.koch")  // read-only
        let model = SettingsModel(session: session)
        #expect(!model.canEdit)
        model.send(.load)
        model.send(.set(.name, "Hijacked"))
        model.send(.save)
        guard case .failed(let message) = model.lastOutcome else { Issue.record("expected a refusal"); return }
        #expect(message.contains("Not permitted"))
    }
}
