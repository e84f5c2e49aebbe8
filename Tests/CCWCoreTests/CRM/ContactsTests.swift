import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct ContactsTests {
    @Test func addUpdateConflictDeleteRestore() throws {
        // given a sales rep
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        // when she adds a contact with a national phone number
        let added = try seeded.database.contacts.add(jonas, draft: draft("Anna", "Meier", email: "Anna.Meier@Example.COM",
                                                                          phone: "030 1234567")).saved()
        // then it is stored normalized, owned by her, audited and announced
        #expect(added.contact.email?.value == "Anna.Meier@example.com")
        #expect(added.contact.phone?.e164 == "+49301234567")
        #expect(added.ownerId == UserID(jonas.userId) && added.version == 1)
        #expect(try seeded.database.audit.history(seeded.northwind, entity: "contact", entityId: added.stamp.id).map(\.action) == [.create])
        #expect(try seeded.database.outbox.list(seeded.northwind).contains { $0.type == "crm.contact.created" })

        // when it is edited at its version
        var edited = added.contact
        edited.title = "Head of Purchasing"
        let updated = try seeded.database.contacts.update(jonas, id: added.id, contact: edited, ownerId: added.ownerId,
                                                          expectedVersion: added.version)
        #expect(updated.contact.title == "Head of Purchasing" && updated.version == 2)

        // then a second edit from the stale version is a conflict naming who changed it
        let error = coreError {
            _ = try seeded.database.contacts.update(seeded.northwind, id: added.id, contact: added.contact, ownerId: nil,
                                                    expectedVersion: added.version)
        }
        guard case let .conflict(info) = error else { Issue.record("expected a conflict, got \(String(describing: error))"); return }
        #expect(info.changedBy == "jonas.weber" && info.currentVersion == 2)

        // when deleted, it is gone from reads and counts, and can be restored
        try seeded.database.contacts.delete(jonas, id: added.id, expectedVersion: 2)
        #expect(coreError { _ = try seeded.database.contacts.get(jonas, id: added.id) } == .notFound(entity: "contact", key: "#\(added.stamp.id)"))
        #expect(try seeded.database.contacts.count(jonas) == 0)
        let restored = try seeded.database.contacts.restore(jonas, id: added.id, expectedVersion: 3)
        #expect(restored.contact.fullName == "Anna Meier" && restored.version == 4)
        let actions = try seeded.database.audit.history(seeded.northwind, entity: "contact", entityId: added.stamp.id).map(\.action)
        #expect(actions == [.restore, .delete, .update, .create])
    }

    @Test func invalidInputNamesEveryField() throws {
        let seeded = try SeededDatabase()
        let error = coreError { _ = try seeded.database.contacts.add(seeded.northwind, draft: draft("", "", email: "anna@", phone: "12")) }
        let fields = Set(error?.fieldErrors.map(\.field) ?? [])
        #expect(fields.isSuperset(of: ["email", "phone", "name"]))
        #expect(try seeded.database.contacts.count(seeded.northwind) == 0)
    }

    @Test func likelyDuplicatesAreOfferedBeforeSaving() throws {
        // given a contact with a phone number
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let anna = try seeded.addContact(scope, "Anna", "Meier", email: "anna@meier.example", phone: "+49 30 1234567")
        // when a contact with the same number in national form is added
        let outcome = try seeded.database.contacts.add(scope, draft: draft("A.", "Meier", phone: "030 1234567"))
        // then it is not saved, and the existing contact is named with the reason
        guard case let .likelyDuplicates(matches) = outcome else { Issue.record("expected duplicates"); return }
        #expect(matches.map(\.contactID) == [anna.id])
        #expect(matches.first?.reasons == [.samePhone("+49301234567")])
        #expect(try seeded.database.contacts.count(scope) == 1)
        // when the user insists, it is saved
        _ = try seeded.database.contacts.add(scope, draft: draft("A.", "Meier", phone: "030 1234567"), force: true).saved()
        #expect(try seeded.database.contacts.count(scope) == 2)
    }

    @Test func emailIsUniquePerOrganizationIgnoringCase() throws {
        let seeded = try SeededDatabase()
        let first = try seeded.addContact(seeded.northwind, "Anna", "Meier", email: "anna@meier.example")
        // the same address in other case is refused in the same organization, even when forced
        let error = coreError {
            _ = try seeded.database.contacts.add(seeded.northwind, draft: draft("Other", "Person", email: "ANNA@meier.example"), force: true)
        }
        #expect(error == .duplicate(field: "email", value: "ANNA@meier.example"))
        // and allowed in another organization
        let other = try seeded.addContact(seeded.harbour, "Anna", "Meier", email: "anna@meier.example")
        #expect(other.contact.email == first.contact.email)
        // a deleted contact frees its address
        try seeded.database.contacts.delete(seeded.northwind, id: first.id, expectedVersion: first.version)
        _ = try seeded.addContact(seeded.northwind, "Anna", "Neu", email: "anna@meier.example")
        #expect(try seeded.database.contacts.find(seeded.northwind, email: "Anna@Meier.example")?.contact.lastName == "Neu")
        // and cannot come back while another contact holds it
        #expect(coreError { _ = try seeded.database.contacts.restore(seeded.northwind, id: first.id, expectedVersion: first.version + 1) }
                == .duplicate(field: "email", value: "anna@meier.example"))
    }

    @Test func permissions() throws {
        let seeded = try SeededDatabase()
        let petra = try seeded.scope("petra.koch") // read-only
        let anna = try seeded.addContact(seeded.northwind, "Anna", "Meier")
        #expect(coreError { _ = try seeded.database.contacts.add(petra, draft: draft("X", "Y")) }?.exitCode == 4)
        #expect(coreError {
            _ = try seeded.database.contacts.update(petra, id: anna.id, contact: anna.contact, ownerId: nil, expectedVersion: anna.version)
        }?.exitCode == 4)
        #expect(coreError { try seeded.database.contacts.delete(petra, id: anna.id, expectedVersion: anna.version) }?.exitCode == 4)
        #expect(try seeded.database.contacts.get(petra, id: anna.id).contact.fullName == "Anna Meier")
        let lena = try seeded.scope("lena.fischer") // warehouse: views CRM only
        #expect(coreError { _ = try seeded.database.contacts.add(lena, draft: draft("X", "Y")) }?.exitCode == 4)
    }
}
