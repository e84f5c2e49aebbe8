import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct InteractionFormModelTests {
    @Test func aCallIsLoggedNowWithDirectionDurationAndOutcome() throws {
        let session = try SessionFixture.session()
        let c = try #require(try session.database.contacts.add(session.scope, contact: Contact(firstName: "Zoë", lastName: "Kramer")).record)
        let model = InteractionFormModel(session: session, about: .init(contact: c.id, name: "Zoë Kramer"))
        #expect(model.value(.kind) == "call")
        #expect(model.value(.direction) == "outbound")
        model.send(.subject, "Preise 2027")
        model.send(.duration, "15")
        model.send(.outcome, "connected")
        model.save()
        guard case let .saved(record) = model.lastOutcome else { Issue.record("not saved: \(model.lastOutcome)"); return }
        #expect(record.interaction.kind == .call)
        #expect(record.interaction.direction == .outbound)
        #expect(record.interaction.durationMinutes == 15)
        #expect(record.interaction.status == .completed)
        #expect(record.occurredAt == SessionFixture.now)
        let overview = try session.database.contacts.overview(session.scope, id: c.id)
        #expect(overview.timeline.first?.text == "Call (outbound, 15 min): Preise 2027 · connected")
    }

    @Test func aNoteHasNoDirectionAndAFutureTimeSchedulesAMeeting() throws {
        let session = try SessionFixture.session()
        let c = try #require(try session.database.contacts.add(session.scope, contact: Contact(firstName: "Søren", lastName: "Andersen")).record)
        let model = InteractionFormModel(session: session, about: .init(contact: c.id, name: "Søren Andersen"))
        model.send(.kind, "note")
        #expect(model.value(.direction) == InteractionFormModel.noDirection)
        model.send(.kind, "meeting")
        model.send(.subject, "Werksbesuch")
        model.send(.when, "tomorrow 10:00")
        model.save()
        guard case let .saved(record) = model.lastOutcome else { Issue.record("not saved: \(model.lastOutcome)"); return }
        #expect(record.interaction.status == .scheduled)
        #expect(record.interaction.direction == nil)
        // 2026-11-26 10:00 in Berlin is 09:00 UTC.
        #expect(record.interaction.scheduledAt == LocalTimeInput.instant(try CalendarDate(year: 2026, month: 11, day: 26), hour: 10, minute: 0,
                                                                           in: session.scope.zone))
    }

    @Test func badInputNamesItsField() throws {
        let session = try SessionFixture.session()
        let c = try #require(try session.database.contacts.add(session.scope, contact: Contact(firstName: "Haruto", lastName: "Sato")).record)
        let model = InteractionFormModel(session: session, about: .init(contact: c.id, name: "Haruto Sato"))
        model.send(.when, "yesterday 25:00")
        model.send(.duration, "a while")
        model.save()
        #expect(model.lastOutcome == .invalid)
        #expect(model.errors[.when]?.contains("25:00") == true)
        #expect(model.errors[.duration]?.contains("a while") == true)
        model.send(.when, "now")
        model.send(.duration, "")
        model.save()
        #expect(model.errors[.subject] == "a subject is required")
    }
}
