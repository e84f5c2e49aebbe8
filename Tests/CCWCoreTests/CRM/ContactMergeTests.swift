import CCWDomain
import Testing
@testable import CCWCore

@Suite struct ContactMergeTests {
    @Test func mergeMovesChildrenSoftDeletesTheDuplicateAndAudits() throws {
        // given two records of the same person, the second with an interaction, a task and a deal
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let a = try seeded.addContact(scope, "Anna", "Meier", email: "anna@meier.example")
        let b = try seeded.addContact(scope, "Anna", "Maier", phone: "+49 30 555 0100")
        _ = try seeded.database.interactions.log(scope, Interaction(kind: .call, subject: "Intro call", completedAt: seeded.clock.now(),
                                                                    contactID: b.id))
        _ = try seeded.database.crmTasks.add(scope, CRMTask(title: "Send brochure", contactID: b.id, assigneeID: UserID(scope.userId)))
        let deal = try seeded.database.deals.add(scope, NewDeal(name: "Office chairs", value: Money(minor: 900, currency: .EUR),
                                                                contactIds: [b.id]))
        // when B is merged into A
        let result = try seeded.database.contactMerge.merge(scope, survivor: a.id, survivorVersion: a.version,
                                                            duplicate: b.id, duplicateVersion: b.version)
        // then A holds B's phone and B's children, and B is gone
        #expect(result.survivor.contact.phone?.e164 == "+49305550100")
        #expect(result.survivor.contact.email?.value == "anna@meier.example")
        #expect(result.movedInteractions == 1 && result.movedTasks == 1 && result.movedDeals == 1)
        #expect(try seeded.database.interactions.timeline(scope, of: .contact(a.id)).map(\.interaction.subject) == ["Intro call"])
        #expect(try seeded.database.interactions.timeline(scope, of: .contact(b.id)).isEmpty)
        #expect(try seeded.database.crmTasks.open(scope, assignee: UserID(scope.userId)).map(\.task.contactID) == [a.id])
        #expect(try seeded.database.deals.get(scope, id: deal.id).deal.contactIDs == [a.id])
        #expect(coreError { _ = try seeded.database.contacts.get(scope, id: b.id) }?.exitCode == 1)
        // and both contacts' histories show the merge
        #expect(try seeded.database.audit.history(scope, entity: "contact", entityId: a.stamp.id).first?.action == .merge)
        #expect(try seeded.database.audit.history(scope, entity: "contact", entityId: b.stamp.id).first?.action == .merge)
        #expect(try seeded.database.outbox.list(scope).contains { $0.type == "crm.contact.merged" })
    }

    @Test func aStaleMergeChangesNothing() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let a = try seeded.addContact(scope, "Anna", "Meier")
        let b = try seeded.addContact(scope, "Anna", "Maier")
        #expect(coreError { _ = try seeded.database.contactMerge.merge(scope, survivor: a.id, survivorVersion: a.version + 1,
                                                                       duplicate: b.id, duplicateVersion: b.version) }?.exitCode == 3)
        #expect(try seeded.database.contacts.get(scope, id: b.id).version == b.version)
        #expect(coreError { _ = try seeded.database.contactMerge.merge(try seeded.scope("petra.koch"), survivor: a.id,
                                                                       survivorVersion: a.version, duplicate: b.id,
                                                                       duplicateVersion: b.version) }?.exitCode == 4)
    }

    @Test func myTasksGroupsTheUsersOpenTasks() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let today = ZonedTime.date(at: seeded.clock.now(), in: jonas.zone)
        let me = UserID(jonas.userId)
        _ = try seeded.database.crmTasks.add(jonas, CRMTask(title: "Late", dueDate: today.adding(days: -1), assigneeID: me))
        let due = try seeded.database.crmTasks.add(jonas, CRMTask(title: "Today", dueDate: today, assigneeID: me))
        _ = try seeded.database.crmTasks.add(jonas, CRMTask(title: "Someone else's", assigneeID: UserID(seeded.northwind.userId)))
        var mine = try seeded.database.crmTasks.myTasks(jonas)
        #expect(mine.overdue.map(\.title) == ["Late"] && mine.today.map(\.title) == ["Today"] && mine.count == 2)
        _ = try seeded.database.crmTasks.complete(jonas, id: due.id, expectedVersion: due.version)
        mine = try seeded.database.crmTasks.myTasks(jonas)
        #expect(mine.today.isEmpty && mine.count == 1)
    }
}
