import CCWDomain
import Foundation
import GRDB
import Testing
@testable import CCWCore

/// The demo's CRM, seeded the way `ccw demo` does it: `DemoHistory.seed` on a `ManualClock`.
@Suite struct DemoCRMTests {
    /// 2026-11-25 10:30 UTC, a Wednesday.
    static let end: Int64 = 1_795_602_600_000

    struct Seeded {
        let database: AppDatabase
        let identity: DemoSeed.Identity
        let seconds: Double
    }

    static func seeded() throws -> Seeded {
        let clock = ManualClock()
        let database = try makeDatabase(clock: clock)
        let started = Date()
        let identity = try DemoHistory.seed(database: database, clock: clock, adminLogin: "ada", adminName: "Ada Admin", end: end)
        let seconds = Date().timeIntervalSince(started)
        #expect(clock.now() == end)
        return Seeded(database: database, identity: identity, seconds: seconds)
    }

    static func count(_ database: AppDatabase, _ table: String, _ orgId: Int64, where condition: String = "1") throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE org_id = ? AND deleted_at IS NULL AND \(condition)",
                             arguments: [orgId])!
        }
    }

    @Test func demoOrganizationsGetARealisticSeparateCRM() throws {
        // given a demo database seeded as `ccw demo` does
        let seeded = try Self.seeded()
        let database = seeded.database
        let nw = seeded.identity.northwind, hb = seeded.identity.harbour
        print("demo history with CRM seeded in \(String(format: "%.2f", seeded.seconds)) s")

        // then Northwind has the full CRM
        #expect((55...65).contains(try Self.count(database, "companies", nw.orgId)))
        #expect((380...420).contains(try Self.count(database, "contacts", nw.orgId)))
        #expect((110...130).contains(try Self.count(database, "deals", nw.orgId)))
        #expect((550...650).contains(try Self.count(database, "interactions", nw.orgId)))
        #expect((140...160).contains(try Self.count(database, "crm_tasks", nw.orgId)))
        #expect(try database.crmDefinitions.segments(nw).count >= 2)
        #expect(try database.crmDefinitions.scoringRules(nw).count >= 2)

        // and the phone numbers typed in national form were stored in E.164 with the org's country
        let phones = try database.read { db in
            try String.fetchAll(db, sql: "SELECT phone FROM contacts WHERE org_id = ? AND phone IS NOT NULL", arguments: [nw.orgId])
        }
        #expect(phones.count > 250 && phones.allSatisfy { $0.hasPrefix("+") })
        #expect(phones.filter { $0.hasPrefix("+49") }.count > phones.count / 2)

        // and every company hierarchy is acyclic, with groups of two and three levels
        let tree = try database.companies.tree(nw)
        #expect(tree.count == (try Self.count(database, "companies", nw.orgId)))
        let parents = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, parent_id FROM companies WHERE org_id = ? AND deleted_at IS NULL",
                             arguments: [nw.orgId])
        }.reduce(into: [Int64: Int64]()) { map, row in
            if let parent = row["parent_id"] as Int64? { map[row["id"]] = parent }
        }
        var deepest = 0
        for start in parents.keys {
            var seen: Set<Int64> = [start]
            var current = start
            while let parent = parents[current] {
                #expect(seen.insert(parent).inserted, "cycle through company #\(parent)")
                if seen.count > 10 { break }
                current = parent
            }
            deepest = max(deepest, seen.count)
        }
        #expect(deepest == 3)
        #expect(tree.filter { $0.depth == 0 && $0.hasChildren }.count >= 8)

        // and every deal is on a stage of the default pipeline, every stage holds deals,
        // and lost deals carry their reason
        let pipeline = try database.pipelines.defaultPipeline(nw).pipeline
        let deals = try database.deals.list(nw, pipeline: pipeline.id, limit: 1000)
        #expect(deals.count == (try Self.count(database, "deals", nw.orgId)))
        #expect(deals.allSatisfy { pipeline.stage($0.deal.stageID) != nil })
        #expect(Set(deals.map(\.deal.stageID)) == Set(pipeline.stages.map(\.id)))
        let lostStage = pipeline.stages.first { $0.kind == .lost }!.id
        let lost = deals.filter { $0.deal.stageID == lostStage }
        #expect(!lost.isEmpty && lost.allSatisfy { !$0.deal.lostReason.isEmpty && $0.deal.actualCloseDate != nil })
        #expect(Set(lost.map(\.deal.lostReason)).isSuperset(of: ["price", "competitor"]))
        #expect(deals.allSatisfy { $0.deal.currency == .EUR && $0.deal.value.minor > 0 })
        // with stage history spread over the four weeks
        let moves = try database.read { db in
            try Int64.fetchAll(db, sql: "SELECT moved_at FROM deal_stage_history WHERE org_id = ?", arguments: [nw.orgId])
        }
        #expect(moves.count > deals.count * 2)
        #expect(moves.max()! < Self.end && moves.min()! < Self.end - 20 * 86_400_000)
        #expect(try Self.count(database, "deal_line_items", nw.orgId) > 10)

        // and the tasks are overdue, due today, upcoming or done
        let today = ZonedTime.date(at: Self.end, in: nw.zone).description
        #expect(try Self.count(database, "crm_tasks", nw.orgId, where: "status = 'completed'") >= 20)
        #expect(try Self.count(database, "crm_tasks", nw.orgId, where: "status IN ('todo','in_progress') AND due_date < '\(today)'") >= 10)
        #expect(try Self.count(database, "crm_tasks", nw.orgId, where: "status IN ('todo','in_progress') AND due_date = '\(today)'") >= 5)
        #expect(try Self.count(database, "crm_tasks", nw.orgId, where: "status IN ('todo','in_progress') AND due_date > '\(today)'") >= 20)

        // and the duplicate screen has something to show
        let contacts = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contacts WHERE org_id = ? AND deleted_at IS NULL", arguments: [nw.orgId])
        }.map { ContactRecord(row: $0) }
        let withDuplicates = try contacts.filter { record in
            try database.contacts.duplicates(nw, of: record.contact).contains { $0.contactID != record.id }
        }
        #expect(withDuplicates.count >= 4)

        // and the audit chains of both organizations verify
        for scope in [nw, hb] {
            let verification = try database.read { db in try AuditLog.verify(db, orgId: scope.orgId) }
            #expect(verification.isOK, "\(scope.orgName): \(verification)")
        }

        // and Harbour's smaller CRM is its own
        #expect((10...20).contains(try Self.count(database, "companies", hb.orgId)))
        #expect((50...70).contains(try Self.count(database, "contacts", hb.orgId)))
        let crossLinks = try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM contacts c JOIN companies p ON p.id = c.company_id WHERE c.org_id <> p.org_id)
                     + (SELECT COUNT(*) FROM deals d JOIN companies p ON p.id = d.company_id WHERE d.org_id <> p.org_id)
                     + (SELECT COUNT(*) FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id WHERE d.org_id <> s.org_id)
                     + (SELECT COUNT(*) FROM interactions i JOIN contacts c ON c.id = i.contact_id WHERE i.org_id <> c.org_id)
                     + (SELECT COUNT(*) FROM crm_tasks t JOIN deals d ON d.id = t.deal_id WHERE t.org_id <> d.org_id)
                """)!
        }
        #expect(crossLinks == 0)
        let hbDeals = try database.deals.list(hb, pipeline: try database.pipelines.defaultPipeline(hb).id, limit: 1000)
        #expect(!hbDeals.isEmpty && hbDeals.allSatisfy { $0.deal.currency.code == "GBP" })
        let hbCompany = try database.companies.page(hb, limit: 1).first!
        #expect(coreError { _ = try database.companies.get(nw, id: hbCompany.id) } != nil)
    }

    @Test func theSameDayGivesTheSameCRM() throws {
        // given two demo databases seeded for the same moment
        let first = try Self.seeded(), second = try Self.seeded()
        // then they hold the same people, deals and tasks
        func snapshot(_ seeded: Seeded) throws -> [String] {
            try seeded.database.read { db in
                try String.fetchAll(db, sql: """
                    SELECT first_name || ' ' || last_name || ' ' || IFNULL(email, '') || ' ' || IFNULL(phone, '') FROM contacts
                    UNION ALL SELECT name || ' ' || value_minor || ' ' || stage_id || ' ' || lost_reason FROM deals
                    UNION ALL SELECT title || ' ' || IFNULL(due_date, '') || ' ' || status FROM crm_tasks
                    UNION ALL SELECT kind || ' ' || subject || ' ' || occurred_at FROM interactions
                    """)
            }
        }
        #expect(try snapshot(first) == snapshot(second))
    }
}
