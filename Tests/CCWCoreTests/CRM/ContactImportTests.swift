import CCWDomain
import Foundation
import GRDB
import Testing
@testable import CCWCore

@Suite struct ContactImportTests {
    /// A file with a BOM, CRLF line ends, a quoted field holding a comma, a line break and a
    /// doubled quote, and three bad rows.
    static let mixed = "\u{FEFF}First name,Last name,E-mail,Phone,Company,Notes\r\n"
        + "Anna,Meier,anna@example.com,030 1234567,Acme GmbH,\"likes \"\"quick\"\" calls, mornings\"\r\n"
        + "Bob,Bauer,bob@,,Acme GmbH,\r\n" // line 3: bad email
        + "Clara,Cruz,clara@example.com,,\"New Co\nLtd\",\"two\nlines\"\r\n" // line 4, spans 4-6
        + ",,nobody@example.com,,,\r\n" // line 7: no name
        + "Dora,Dietz,ANNA@example.com,,,\r\n" // line 8: email of line 2
        + "Emil,Engel,emil@example.com,+49 30 1234567,,\r\n" // line 9: same phone as line 2 (flagged)

    @Test func previewReportsBadRowsWithLinesAndWritesNothing() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        _ = try seeded.database.companies.add(jonas, company: Company(name: "ACME"))
        let audits = try seeded.auditCount(jonas.orgId)

        let plan = try seeded.database.contactImport.preview(jonas, csv: Self.mixed)

        #expect(plan.rows.map(\.line) == [2, 3, 4, 7, 8, 9])
        let bad = plan.rows.filter { !$0.isValid }
        #expect(bad.map(\.line) == [3, 7, 8])
        #expect(bad[0].errors.joined().contains("bob@"))
        #expect(bad[2].errors.joined().contains("line 2"))
        #expect(plan.rows[0].contact?.companyID != nil, "Acme GmbH matches the stored ACME")
        #expect(plan.rows[2].contact?.lastName == "Cruz" && plan.newCompanies == ["New Co\nLtd"])
        #expect(plan.rows[5].duplicates.first?.contains("line 2") == true)
        #expect(plan.mapping.unknownHeaders.map(\.header) == ["Notes"])
        #expect(try seeded.database.contacts.count(jonas) == 0)
        #expect(try seeded.auditCount(jonas.orgId) == audits)
    }

    @Test func allOrNothingRefusesEveryRowWhenOneIsBad() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let plan = try seeded.database.contactImport.preview(jonas, csv: Self.mixed)

        let error = coreError { _ = try seeded.database.contactImport.commit(jonas, plan: plan, mode: .allOrNothing) }

        #expect(error?.fieldErrors.map(\.field) == ["line 3", "line 7", "line 8"])
        #expect(error?.exitCode == 1)
        #expect(try seeded.database.contacts.count(jonas) == 0)
    }

    @Test func skipBadRowsSavesTheGoodOnesAuditedAndSearchable() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let plan = try seeded.database.contactImport.preview(jonas, csv: Self.mixed, mode: .skipBadRows)
        let audits = try seeded.auditCount(jonas.orgId)

        let outcome = try seeded.database.contactImport.commit(jonas, plan: plan, mode: .skipBadRows)

        #expect(outcome.imported == 3 && outcome.flaggedDuplicates == 1)
        #expect(outcome.skipped.map(\.line) == [3, 7, 8])
        #expect(outcome.companiesCreated == ["Acme GmbH", "New Co\nLtd"])
        #expect(outcome.summary(noun: "contact") == "3 contacts imported, 3 bad rows skipped, 1 likely duplicate flagged, 2 new companies")
        // one audit entry per saved contact and company
        #expect(try seeded.auditCount(jonas.orgId) == audits + 5)
        #expect(try seeded.database.audit.verify(seeded.northwind) == .ok(entries: audits + 5))
        let anna = try #require(try seeded.database.contacts.find(jonas, email: "anna@example.com"))
        #expect(anna.contact.phone?.e164 == "+49301234567" && anna.ownerId == UserID(jonas.userId))
        let history = try seeded.database.audit.history(seeded.northwind, entity: "contact", entityId: anna.stamp.id)
        #expect(history.map(\.action) == [.create] && history[0].summary.contains("line 2"))
        // the search index follows
        #expect(try seeded.database.contacts.page(jonas, filter: ContactFilter(text: "Cruz")).map(\.contact.firstName) == ["Clara"])
        #expect(try seeded.database.outbox.list(seeded.northwind, limit: 20).filter { $0.type == "crm.contact.created" }.count == 3)
    }

    @Test func storedContactsAreFlaggedOrRefusedByEmail() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        _ = try seeded.addContact(jonas, "Anna", "Meier", email: "anna@example.com")
        _ = try seeded.addContact(jonas, "Otto", "Ort", phone: "+49 40 555111")
        let csv = "name,email,mobile\nAnna Meier,Anna@Example.com,\nOtto Other,,040 555111\nNew Person,new@example.com,\n"

        let plan = try seeded.database.contactImport.preview(jonas, csv: csv, duplicates: .skip)

        #expect(plan.rows[0].errors.first?.contains("is already used by Anna Meier") == true, "\(plan.rows[0].errors)")
        #expect(plan.rows[1].isValid && plan.rows[1].duplicates.first?.contains("Otto Ort") == true)
        let outcome = try seeded.database.contactImport.commit(jonas, plan: plan, mode: .skipBadRows)
        #expect(outcome.imported == 1)
        #expect(outcome.skipped.map(\.line) == [2, 3])
        #expect(outcome.skipped[1].reason.hasPrefix("likely duplicate"))
    }

    /// Stored contacts reach the comparison through the narrow candidate reads: the same
    /// email refuses the row, the same number (stored as a mobile) and a similar name at the
    /// same company (spelled differently in the file) flag it, a namesake at another company
    /// and a stranger at the same company do not.
    @Test func storedContactsAreComparedByEmailPhoneAndNameAtTheirCompany() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let stored = "First,Last,Email,Mobile,Company\nAnna,Meier,anna@acme.example,0171 2345678,Acme GmbH\n"
            + "John,Smith,john@acme.example,,Acme GmbH\nJon,Smith,jon@other.example,,Other Ltd\n"
        let saved = try seeded.database.contactImport.commit(
            jonas, plan: try seeded.database.contactImport.preview(jonas, csv: stored), mode: .allOrNothing)
        #expect(saved.imported == 3 && saved.companiesCreated == ["Acme GmbH", "Other Ltd"])

        let csv = "First,Last,Email,Phone,Company\nAnna,Meier,ANNA@acme.example,,\n"
            + "Paula,Peters,paula@x.example,+49 171 2345678,\nJon,Smith,jon.s@acme.example,,ACME\n"
            + "Zoe,Zander,zoe@acme.example,,Acme GmbH\n"
        let plan = try seeded.database.contactImport.preview(jonas, csv: csv)

        #expect(plan.rows[0].errors.first?.contains("is already used by Anna Meier") == true, "\(plan.rows[0].errors)")
        #expect(plan.rows[1].duplicates.count == 1, "\(plan.rows[1].duplicates)")
        #expect(plan.rows[1].duplicates.first?.hasPrefix("same phone +491712345678 as Anna Meier") == true)
        #expect(plan.rows[2].duplicates.count == 1, "\(plan.rows[2].duplicates)")
        #expect(plan.rows[2].duplicates.first?.contains("similar name at Acme GmbH") == true)
        #expect(plan.rows[2].duplicates.first?.contains("as John Smith") == true)
        #expect(plan.rows[3].isValid && plan.rows[3].duplicates.isEmpty)
        #expect(plan.newCompanies.isEmpty)
    }

    @Test func anEmailTakenAfterThePreviewIsSkippedNotLost() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let plan = try seeded.database.contactImport.preview(jonas, csv: "First,Last,Email\nAnna,Meier,anna@example.com\nBen,Berg,ben@example.com\n")
        _ = try seeded.addContact(jonas, "Anna", "M.", email: "anna@example.com")

        #expect(coreError { _ = try seeded.database.contactImport.commit(jonas, plan: plan, mode: .allOrNothing) }?
            .fieldErrors.map(\.field) == ["line 2"])
        #expect(try seeded.database.contacts.count(jonas) == 1)
        let outcome = try seeded.database.contactImport.commit(jonas, plan: plan, mode: .skipBadRows)
        #expect(outcome.imported == 1 && outcome.skipped.map(\.line) == [2])
        // the refused row left no audit entry behind and the chain still verifies
        guard case let .ok(entries) = try seeded.database.audit.verify(seeded.northwind) else {
            Issue.record("the audit chain is broken"); return
        }
        #expect(entries == (try seeded.auditCount(jonas.orgId)))
    }

    /// The audit entry of an imported row holds what reading the row back gives, and the
    /// chain verifies across imports and ordinary edits in between.
    @Test func auditEntriesHoldTheSavedRowsAndChainAcrossImports() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let first = try seeded.database.contactImport.preview(jonas, csv: "Name,Email,Company,Tags\n\"Meier, Anna\",anna@example.com,Acme,\"a, b\"\n")
        _ = try seeded.database.contactImport.commit(jonas, plan: first, mode: .allOrNothing)
        _ = try seeded.addContact(jonas, "Ben", "Berg")
        let second = try seeded.database.contactImport.preview(jonas, csv: "Name,Company\n\"Carl \"\"Q\"\" Cruz\",Acme\n")
        _ = try seeded.database.contactImport.commit(jonas, plan: second, mode: .allOrNothing)

        try seeded.database.read { db in
            let audited = try Row.fetchAll(db, sql: """
                SELECT entity, entity_id, after_json FROM audit_log WHERE org_id = ? AND summary LIKE '%import%' ORDER BY id
                """, arguments: [jonas.orgId])
            #expect(audited.map { $0["entity"] as String } == ["company", "contact", "contact"])
            for entry in audited {
                let table = entry["entity"] as String == "company" ? "companies" : "contacts"
                let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [entry["entity_id"] as Int64]))
                #expect(entry["after_json"] as String == (try CanonicalJSON.encode(CanonicalJSON.object(row))))
            }
        }
        #expect(try seeded.database.audit.verify(seeded.northwind) == .ok(entries: try seeded.auditCount(jonas.orgId)))
    }

    /// With lead-scoring rules, imported contacts are saved with their score (as `Contacts.add`
    /// saves them); without rules the file's score stays.
    @Test func importedContactsAreScoredByTheRules() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let csv = "Name,Title,Company,Lead score\nAnna Meier,Head of Sales,Acme,7\nBen Berg,Clerk,,7\n"
        _ = try seeded.database.contactImport.commit(scope, plan: try seeded.database.contactImport.preview(scope, csv: csv), mode: .allOrNothing)
        #expect(try seeded.database.contacts.page(scope, filter: ContactFilter()).map(\.contact.leadScore) == [7, 7])

        _ = try seeded.database.crmDefinitions.addScoringRule(scope, ScoringRule(name: "Decision maker",
                                                                    condition: .attribute(ContactCondition(.title, .contains("head"))), points: 20))
        let again = "Name,Title,Company,Email\nCora Cruz,Head of IT,Acme,cora@example.com\nDan Dorn,Clerk,New Co,dan@example.com\n"
        _ = try seeded.database.contactImport.commit(scope, plan: try seeded.database.contactImport.preview(scope, csv: again), mode: .allOrNothing)
        #expect(try seeded.database.contacts.find(scope, email: "cora@example.com")?.contact.leadScore == 20)
        #expect(try seeded.database.contacts.find(scope, email: "dan@example.com")?.contact.leadScore == 0)
    }

    @Test func fileAndHeaderMistakesNameTheLineOrColumn() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let unclosed = coreError { _ = try seeded.database.contactImport.preview(jonas, csv: "Name,Email\nAnna,\"anna@x.com\nBen,b@x.com\n") }
        #expect(unclosed?.fieldErrors.first?.field == "line 2")
        let noName = coreError { _ = try seeded.database.contactImport.preview(jonas, csv: "Email,Phone\na@x.com,1\n") }
        #expect(noName?.fieldErrors.first?.field == "header")
        let latin1 = coreError { _ = try seeded.database.contactImport.preview(jonas, bytes: Array("Name\nJ".utf8) + [0xF6, 0x0A]) }
        #expect(latin1?.description.contains("line 2") == true)
        let mapped = try seeded.database.contactImport.preview(jonas, csv: "Who,Mail\nAnna Meier,a@x.com\n", mapping: ["Who=full_name", "Mail=email"])
        #expect(mapped.rows[0].contact?.email?.value == "a@x.com" && mapped.rows[0].contact?.lastName == "Meier")
    }

    @Test func readOnlyLoginIsRefusedAndOrganizationsStayApart() throws {
        let seeded = try SeededDatabase()
        let petra = try seeded.scope("petra.koch")
        #expect(coreError { _ = try seeded.database.contactImport.preview(petra, csv: "Name\nAnna Meier\n") }?.exitCode == 4)

        // a contact of Harbour does not collide with an import into Northwind
        _ = try seeded.addContact(seeded.harbour, "Anna", "Meier", email: "anna@example.com")
        let plan = try seeded.database.contactImport.preview(seeded.northwind, csv: "Name,Email\nAnna Meier,anna@example.com\n")
        #expect(plan.rows[0].isValid && plan.rows[0].duplicates.isEmpty)
        _ = try seeded.database.contactImport.commit(seeded.northwind, plan: plan, mode: .allOrNothing)
        #expect(try seeded.database.contacts.count(seeded.northwind) == 1)
        #expect(try seeded.database.contacts.count(seeded.harbour) == 1)
        let row = try seeded.database.read { db in try Row.fetchOne(db, sql: "SELECT org_id FROM contacts ORDER BY id DESC LIMIT 1") }
        #expect(row?["org_id"] as Int64? == seeded.northwind.orgId)
    }

    @Test func exportWritesQuotedCSVThatImportsAgain() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let csv = "Name,Email,Company,Title,Status\n\"Meier, Anna\",anna@example.com,\"Acme, Inc.\",\"Head of \"\"Fun\"\"\",customer\n"
            + "Ben Berg,ben@example.com,,,lead\nCarl Cole,carl@example.com,,,customer\n"
        _ = try seeded.database.contactImport.commit(jonas, plan: try seeded.database.contactImport.preview(jonas, csv: csv), mode: .allOrNothing)

        var chunks: [String] = []
        let count = try seeded.database.contacts.exportCSV(jonas, filter: ContactFilter(status: .customer), pageSize: 1) { chunks.append($0) }

        #expect(count == 2 && chunks.count == 3, "the header, then one page per contact")
        let records = try CSVReader.read(chunks.joined())
        #expect(records[0].fields.prefix(4) == ["uid", "first_name", "last_name", "email"])
        #expect(records.count == 3 && records[1].fields[1...3] == ["Carl", "Cole", "carl@example.com"])
        #expect(records[2].fields[8] == "Acme, Inc." && records[2].fields[6] == "Head of \"Fun\"")
        #expect(chunks.joined().contains("\"Acme, Inc.\"") && chunks[0].hasSuffix("\r\n"))

        // into another organization, the export imports without --map
        let again = try seeded.database.contactImport.preview(seeded.harbour, csv: chunks.joined())
        #expect(again.rows.allSatisfy(\.isValid) && again.rows.count == 2)
        #expect(again.mapping.unknownHeaders.map(\.header) == ["uid"])
    }

    @Test func companiesImportParentsFirst() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        let csv = "Company,Parent,Website,Employees\nAcme Berlin,Acme Holding,acme-berlin.example,12\n"
            + "Acme Holding,,acme.example,200\nBroken,,,lots\n"
        let plan = try seeded.database.companyImport.preview(jonas, csv: csv)
        #expect(plan.rows.filter { !$0.isValid }.map(\.line) == [4])

        let outcome = try seeded.database.companyImport.commit(jonas, plan: plan, mode: .skipBadRows)

        #expect(outcome.imported == 2 && outcome.skipped.map(\.line) == [4])
        let tree = try seeded.database.companies.tree(jonas)
        #expect(tree.map(\.name) == ["Acme Holding", "Acme Berlin"])
        #expect(tree.map(\.depth) == [0, 1])
        // each company audited once (the parent and the child in two statements), the chain intact
        #expect(try seeded.database.audit.verify(seeded.northwind) == .ok(entries: try seeded.auditCount(jonas.orgId)))
        let audited = try seeded.database.read { db in
            try String.fetchAll(db, sql: "SELECT summary FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 2", arguments: [Companies.entity])
        }
        #expect(audited == ["company Acme Berlin imported (line 2)", "company Acme Holding imported (line 3)"])
    }

    @Test func fastJSONWritesWhatCanonicalJSONWrites() throws {
        let value = JSONValue.object(["b": .string("a \"quote\", a\\b, a/slash,\nline\t\u{01} Müller 東京"), "a": .int(-3),
                                      "c": .null, "d": .array([.bool(true), .bool(false), .object([:])])])
        #expect(FastJSON.text(value) == (try CanonicalJSON.encode(value)))
    }
}
