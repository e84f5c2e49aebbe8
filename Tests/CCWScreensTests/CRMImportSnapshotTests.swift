import CCWCore
import CCWDomain
import Foundation
import Testing
import TerminalKit
@testable import CCWScreens

/// CRM › Import: the preview of a file with bad rows, then the result of importing the good ones.
@Suite struct CRMImportSnapshotTests {
    static let csv = "First name,Last name,E-mail,Phone,Company\n"
        + "Jürgen,Müller,j.mueller@mueller-soehne.example,030 1234567,Müller & Söhne GmbH\n"
        + "Zoë,Kramer,zoe@,089 555 0100,Kramer Logistik AG\n"
        + ",,nobody@example.com,,\n"
        + "Haruto,Sato,h.sato@tokyo-shoji.example,030 1234567,東京商事\n"
        + "Søren,Andersen,soren@nordlicht.example,0421 99887,Nordlicht Handel KG\n"

    static func file() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccw-import-snapshot")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("people.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func previewThenImportGoodRows() throws {
        let path = try Self.file()
        for (w, h) in ScreenFixture.sizes {
            let (driver, _) = try ScreenFixture.driver(width: w, height: h)
            driver.press("g", "c", "8")
            #expect(Snapshot.verify(driver.render(), named: "crm-import-empty-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
            driver.press("o")
            driver.type(path)
            driver.press("enter")
            let preview = driver.snapshot()
            #expect(preview.contains("line 3: email \"zoe@\""))
            #expect(preview.contains("line 4: "))
            #expect(Snapshot.verify(driver.render(), named: "crm-import-preview-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
            driver.press("B")
            driver.press("enter")
            let done = driver.snapshot()
            #expect(done.contains("3 contacts imported, 2 bad rows skipped"))
            #expect(Snapshot.verify(driver.render(), named: "crm-import-done-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }
}
