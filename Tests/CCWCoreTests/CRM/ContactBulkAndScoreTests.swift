import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct ContactBulkAndScoreTests {
    @Test func bulkChangesAreAuditedPerContactAndSkipContactsThatAlreadyHoldTheValue() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let a = try seeded.addContact(scope, "Jürgen", "Müller")
        let b = try seeded.addContact(scope, "Zoë", "Kramer")
        let c = try seeded.addContact(scope, "Łukasz", "Nowak")
        let contacts = seeded.database.contacts
        var result = try contacts.bulk(scope, ids: [a.id, b.id], change: .addTag("Messe 2026"))
        #expect(result == ContactBulkResult(changed: 2, unchanged: 0, missing: 0))
        result = try contacts.bulk(scope, ids: [a.id, b.id, c.id], change: .addTag(" Messe 2026 "))
        #expect(result.changed == 1 && result.unchanged == 2)
        #expect(try contacts.get(scope, id: a.id).contact.tags == ["Messe 2026"])
        #expect(try contacts.get(scope, id: a.id).version == 2)
        result = try contacts.bulk(scope, ids: [a.id, b.id], change: .setStatus(.customer))
        #expect(result.changed == 2)
        let jonas = try seeded.scope("jonas.weber")
        result = try contacts.bulk(scope, ids: [a.id], change: .setOwner(UserID(jonas.userId)))
        #expect(try contacts.get(scope, id: a.id).ownerId == UserID(jonas.userId))
        let history = try seeded.database.audit.history(scope, entity: "contact", entityId: a.stamp.id)
        #expect(history.filter { $0.summary.hasSuffix("(bulk)") }.count == 3)
        // Deleting: a contact deleted meanwhile is counted, not an error.
        try contacts.delete(scope, id: c.id, expectedVersion: try contacts.get(scope, id: c.id).version)
        result = try contacts.bulk(scope, ids: [b.id, c.id], change: .delete)
        #expect(result == ContactBulkResult(changed: 1, unchanged: 0, missing: 1))
        #expect(try contacts.count(scope) == 1)
    }

    @Test func bulkNeedsTheRightsOfTheChange() throws {
        let seeded = try SeededDatabase()
        let a = try seeded.addContact(seeded.northwind, "Søren", "Andersen")
        let petra = try seeded.scope("petra.koch")  // read-only
        let jonas = try seeded.scope("jonas.weber")  // sales
        #expect(coreError { _ = try seeded.database.contacts.bulk(petra, ids: [a.id], change: .addTag("x")) }?.exitCode == 4)
        #expect(try seeded.database.contacts.bulk(jonas, ids: [a.id], change: .addTag("x")).changed == 1)
        // nothing crosses organizations: Harbour's admin cannot touch Northwind's contact
        #expect(try seeded.database.contacts.bulk(seeded.harbour, ids: [a.id], change: .addTag("y")).missing == 1)
    }

    @Test func scoresFollowTheRulesWhenInputsChangeAndAfterRuleChanges() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let a = try seeded.addContact(scope, "Anna", "Meier")
        // Without rules a typed score stays.
        #expect(try db.contacts.get(scope, id: a.id).contact.leadScore == 0)
        _ = try db.crmDefinitions.addScoringRule(scope, ScoringRule(name: "Decision maker",
                                                                    condition: .attribute(ContactCondition(.title, .contains("head"))), points: 20))
        _ = try db.crmDefinitions.addScoringRule(scope, ScoringRule(name: "Engaged", condition: .recentInteractions(count: 1, days: 30), points: 15))
        // The rule change is picked up by the background job, in batches.
        #expect(try LeadScoreRefresh.pending(db, scope))
        var edited = try db.contacts.get(scope, id: a.id)
        edited.contact.title = "Head of Purchasing"
        _ = try db.contacts.update(scope, id: a.id, contact: edited.contact, ownerId: edited.ownerId, expectedVersion: edited.version)
        #expect(try db.contacts.get(scope, id: a.id).contact.leadScore == 20)
        // Logging a call rescores in the same transaction.
        _ = try db.interactions.log(scope, Interaction(kind: .call, subject: "Intro", completedAt: seeded.clock.now(), contactID: a.id))
        let overview = try db.contacts.overview(scope, id: a.id)
        #expect(overview.record.contact.leadScore == 35)
        #expect(overview.score.total == 35)
        #expect(overview.score.explanation == ["+20 title contains \"head\" (Decision maker)", "+15 an interaction in the last 30 days (Engaged)"])
        #expect(overview.timeline.contains { $0.text == "Lead score 20 → 35" })
        // The score moved without a version bump: a form holding the contact does not conflict.
        #expect(overview.record.version == 2)

        // A contact added before the rules is rescored by the job; the request is then done.
        let b = try seeded.addContact(scope, "Bernd", "Head")
        try db.write { d in try d.execute(sql: "UPDATE contacts SET title = 'Head of IT' WHERE id = ?", arguments: [b.id.rawValue]) }
        #expect(try LeadScoreRefresh.run(db) == 2)
        #expect(try db.contacts.get(scope, id: b.id).contact.leadScore == 20)
        #expect(try !LeadScoreRefresh.pending(db, scope))
    }

    @Test func theOverviewMergesActivityNewestFirstAndListsDealsAndOpenTasks() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let a = try seeded.addContact(scope, "Haruto", "Sato")
        seeded.clock.advance(by: 60_000)
        let deal = try db.deals.add(scope, NewDeal(name: "Rollout 2027", value: Money(minor: 4_850_000, currency: scope.baseCurrency),
                                                   contactIds: [a.id]))
        seeded.clock.advance(by: 60_000)
        _ = try db.crmTasks.add(scope, CRMTask(title: "Send contract", dueDate: try CalendarDate(year: 2026, month: 12, day: 1),
                                               contactID: a.id, assigneeID: UserID(scope.userId)))
        seeded.clock.advance(by: 60_000)
        _ = try db.interactions.log(scope, Interaction(kind: .meeting, subject: "Kick-off", completedAt: seeded.clock.now(),
                                                       durationMinutes: 45, contactID: a.id))
        let o = try db.contacts.overview(scope, id: a.id)
        #expect(o.deals.map(\.name) == ["Rollout 2027"])
        #expect(o.deals.first?.value.minor == 4_850_000)
        #expect(o.openTasks.map(\.title) == ["Send contract"])
        #expect(o.timeline.map(\.kind) == [.meeting, .task, .stage, .edit])
        #expect(o.timeline.first?.text == "Meeting (45 min): Kick-off")
        #expect(o.timeline[2].text.hasPrefix("Deal Rollout 2027 opened in"))
        _ = deal
        // another organization cannot read it
        #expect(coreError { _ = try db.contacts.overview(seeded.harbour, id: a.id) }?.exitCode == 1)
    }
}
