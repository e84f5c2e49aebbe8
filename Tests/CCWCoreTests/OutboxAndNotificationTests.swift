import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct OutboxTests {
    struct Payload: Codable, Equatable { var contact: String }

    @Test func eventsAreClaimedOnceRetriedWithBackoffAndFinished() throws {
        // given two events published inside business transactions
        let seeded = try SeededDatabase()
        let outbox = seeded.database.outbox
        try seeded.database.write(as: seeded.northwind, .edit, in: .admin) { access in
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.contact.created", payload: Payload(contact: "Ann"))
            try EventOutbox.publish(access.db, scope: access.scope, type: "deal.won", payload: Payload(contact: "Bo"))
        }
        // when two consumers claim
        let first = try outbox.claimBatch(holder: "worker-1", limit: 10)
        let second = try outbox.claimBatch(holder: "worker-2", limit: 10)
        #expect(first.map(\.type) == ["crm.contact.created", "deal.won"])
        #expect(second.isEmpty)
        #expect(try first[0].decode(Payload.self) == Payload(contact: "Ann"))
        // then a failure makes it available again after a backoff, to anyone
        #expect(try outbox.markFailed(id: first[0].id, holder: "worker-1", error: "smtp: connection refused"))
        #expect(try outbox.markProcessed(id: first[1].id, holder: "worker-1"))
        #expect(try outbox.claimBatch(holder: "worker-2").isEmpty)
        seeded.clock.advance(by: 1_000)
        let retry = try outbox.claimBatch(holder: "worker-2")
        #expect(retry.map(\.id) == [first[0].id])
        #expect(retry[0].attempts == 2 && retry[0].lastError == "smtp: connection refused")
        // a stale holder can no longer finish it
        #expect(try !outbox.markProcessed(id: first[0].id, holder: "worker-1"))
        #expect(try outbox.markProcessed(id: first[0].id, holder: "worker-2"))
        seeded.clock.advance(by: 3_600_000)
        #expect(try outbox.claimBatch(holder: "worker-3").isEmpty)
    }

    @Test func aCrashedConsumersClaimExpiresAndRepeatedFailuresGiveUp() throws {
        let seeded = try SeededDatabase()
        let outbox = seeded.database.outbox
        try seeded.database.write { db in
            try EventOutbox.publish(db, scope: seeded.harbour, type: "invoice.paid", payload: ["invoice": "H-1"])
        }
        _ = try outbox.claimBatch(holder: "crashed", leaseMs: 30_000)
        #expect(try outbox.claimBatch(holder: "other").isEmpty)
        seeded.clock.advance(by: 30_000)
        // the crashed claim counted as attempt 1; the takeover is attempt 2
        let taken = try #require(try outbox.claimBatch(holder: "other").first)
        #expect(taken.attempts == 2)
        #expect(try outbox.markFailed(id: taken.id, holder: "other", error: "second", maxAttempts: 3))
        seeded.clock.advance(by: EventOutbox.maxBackoffMs)
        let last = try #require(try outbox.claimBatch(holder: "other").first)
        #expect(try outbox.markFailed(id: last.id, holder: "other", error: "third", maxAttempts: 3))
        seeded.clock.advance(by: EventOutbox.maxBackoffMs)
        #expect(try outbox.claimBatch(holder: "other").isEmpty)
        let stored = try #require(try outbox.list(seeded.harbour).first)
        #expect(stored.failedAt != nil && stored.attempts == 3 && stored.lastError == "third")
    }
}

@Suite struct NotificationTests {
    @Test func orgWideNoticesReachEachActiveMemberAndAreReadIndividually() throws {
        let seeded = try SeededDatabase()
        let anna = try seeded.scope("anna.schmidt"), jonas = try seeded.scope("jonas.weber")
        let welcome = try seeded.database.notifications.unread(anna)
        #expect(welcome.map(\.kind) == ["welcome"])
        try seeded.database.write { db in
            _ = try Notifications.post(db, orgId: seeded.northwind.orgId, kind: "stock.low", severity: .warning,
                                       title: "T-shirt red M below 5")
            _ = try Notifications.post(db, orgId: seeded.northwind.orgId, userId: jonas.userId, kind: "deal.assigned",
                                       title: "Deal ACME assigned to you")
        }
        let annaNew = try seeded.database.notifications.unread(anna, since: welcome.last!.id)
        #expect(annaNew.map(\.title) == ["T-shirt red M below 5"])
        #expect(try seeded.database.notifications.unreadCount(jonas) == 3)
        #expect(try seeded.database.notifications.markRead(jonas) == 3)
        #expect(try seeded.database.notifications.unreadCount(jonas) == 0)
        #expect(try seeded.database.notifications.unreadCount(anna) == 2)
        // the deactivated leaver gets nothing
        let thomas = try seeded.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.login = 'thomas.mueller'")
        }
        #expect(thomas == 0)
    }
}
