import CCWCore
import Testing
import TerminalKit
@testable import CCWScreens

/// Whole-screen snapshots of the shell and each screen, at 80x24 and 120x40, from the in-memory
/// surface. Re-record on purpose with CCW_RECORD_SNAPSHOTS=1.
@Suite struct ShellSnapshotTests {
    func check(_ name: String, login: String = "admin", keys: [String] = [], sizes: [(Int, Int)] = ScreenFixture.sizes,
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (w, h) in sizes {
            let (driver, _) = try ScreenFixture.driver(login: login, width: w, height: h)
            for k in keys { driver.press(k) }
            #expect(Snapshot.verify(driver.render(), named: "\(name)-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil,
                    sourceLocation: sourceLocation)
        }
    }

    @Test func home() throws { try check("home") }
    @Test func homeForASalesUserHidesAdminAndRecentChanges() throws { try check("home-sales", login: "jonas.weber") }
    @Test func adminUsers() throws { try check("admin-users", keys: ["g", "a"]) }
    @Test func adminRoles() throws { try check("admin-roles", keys: ["g", "a", "2"]) }
    @Test func adminAuditLog() throws { try check("admin-audit", keys: ["g", "a", "3"]) }
    @Test func adminAuditDetailWhenNarrow() throws { try check("admin-audit-detail", keys: ["g", "a", "3", "j", "enter"], sizes: [(80, 24)]) }
    @Test func adminSettings() throws { try check("admin-settings", keys: ["g", "a", "4"]) }
    @Test func adminSettingsEditing() throws { try check("admin-settings-editing", keys: ["g", "a", "4", "e"], sizes: [(80, 24)]) }
    @Test func helpOverlay() throws { try check("help", keys: ["?"]) }
    @Test func commandPalette() throws { try check("palette", keys: [":"]) }
    @Test func moduleNotYetBuilt() throws { try check("billing-intro", keys: ["g", "b"]) }
    @Test func newUserForm() throws { try check("admin-new-user", keys: ["g", "a", "n"]) }

    @Test func tooSmallTerminalSaysSo() throws {
        let (driver, _) = try ScreenFixture.driver(width: 60, height: 20)
        let text = driver.snapshot()
        #expect(text.contains("terminal too small"))
        #expect(text.contains("(need 80x24, have 60x20)"))
        #expect(Snapshot.verify(driver.render(), named: "too-small-60x20", directory: ScreenFixture.snapshots) == nil)
    }

    @Test func asciiGlyphsWhenTheLocaleIsNotUTF8() throws {
        let (driver, _) = try ScreenFixture.driver(width: 80, height: 24, glyphs: .ascii)
        driver.press("g", "a", "3")
        let frame = driver.render()
        #expect(!frame.snapshot().contains("─"))
        #expect(Snapshot.verify(frame, named: "admin-audit-ascii-80x24", directory: ScreenFixture.snapshots) == nil)
    }
}
