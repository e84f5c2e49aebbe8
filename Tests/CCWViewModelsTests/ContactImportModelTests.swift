import CCWCore
import CCWDomain
import Foundation
import Testing
@testable import CCWViewModels

@Suite struct ContactImportModelTests {
    static let csv = "First name,Last name,Email,Phone\nAnna,Meier,anna@example.com,+49 30 1234567\nBob,Bauer,bob@,\n"
        + ",,x@example.com,\nEmil,Engel,emil@example.com,+49 30 1234567\nDora,Dietz,anna@example.com,\n"

    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func openingAFilePreviewsBadRowsAndDuplicatesWithoutWriting() throws {
        let session = try SessionFixture.session("jonas.weber")
        let model = ContactImportModel(session: session)
        model.send(.open(try file(Self.csv)))

        #expect(model.summary?.rows == 5 && model.summary?.invalid == 3)
        #expect(model.items.filter { $0.kind == .bad }.map(\.line) == [3, 4, 6])
        #expect(model.items.first?.text == "line 3: email \"bob@\": domain is missing")
        #expect(model.items.filter { $0.kind == .duplicate }.map(\.line) == [5])
        #expect(model.mapping.first == "First name → first_name")
        #expect(model.allOrNothingRows == nil && model.skipBadRowsRows == 2)
        #expect(try session.database.contacts.count(session.scope) == 0)
    }

    @Test func importingSkippingBadRowsReportsTheOutcome() throws {
        let session = try SessionFixture.session("jonas.weber")
        let model = ContactImportModel(session: session)
        model.send(.open(try file(Self.csv)))
        model.send(.commit(.allOrNothing))
        #expect(model.outcome == nil && model.error.count == 3)
        #expect(model.error.first == "line 3: email \"bob@\": domain is missing")
        #expect(try session.database.contacts.count(session.scope) == 0)

        model.send(.commit(.skipBadRows))
        #expect(model.outcome?.imported == 2 && model.outcome?.skipped.map(\.line) == [3, 4, 6])
        #expect(model.plan == nil)
        #expect(try session.database.contacts.count(session.scope) == 2)
    }

    @Test func aMissingFileOrAReadOnlyLoginIsExplained() throws {
        let session = try SessionFixture.session("jonas.weber")
        let model = ContactImportModel(session: session)
        model.send(.open("/nonexistent/people.csv"))
        #expect(model.plan == nil && model.error.first?.contains("cannot read /nonexistent/people.csv") == true)

        let readOnly = ContactImportModel(session: try SessionFixture.other(session, login: "petra.koch"))
        #expect(!readOnly.canImport)
        readOnly.send(.open(try file(Self.csv)))
        #expect(readOnly.plan == nil && readOnly.error.first?.contains("Not permitted") == true)
        model.send(.reset)
        #expect(model.path == nil && model.error.isEmpty)
    }
}
