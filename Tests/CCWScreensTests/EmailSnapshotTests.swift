import CCWCore
import CCWDomain
import CCWViewModels
import Testing
import TerminalKit
@testable import CCWScreens

/// The email compose panel (drawn on its own, as the contacts section will host it) and the
/// CRM › Templates section with its form.
@Suite struct EmailSnapshotTests {
    static let followUp = EmailTemplate(
        name: "Angebot nachfassen", subject: "Ihr Angebot, {{contact.first_name}}",
        body: "Guten Tag {{contact.full_name}},\n\n{{#company.name}}wie läuft es bei {{company.name}}? {{/company.name}}"
            + "Haben Sie noch Fragen zu unserem Angebot?\n\nMit freundlichen Grüßen\n{{sender.name}}\n{{org.name}}")

    /// A session with the CRM snapshot contacts and one template; the panel emails Jürgen Müller.
    final class Compose {
        let session: AppSession
        let context = ScreenContext(theme: .defaultDark)
        let panel: EmailComposePanel
        var dialogs: [DialogRequest] = []
        var toasts: [String] = []
        var sent: QueuedEmail?
        var closed = false

        init() throws {
            let clock = ManualClock(ScreenFixture.now)
            let db = try AppDatabase.temporary(clock: clock)
            try DemoSeed.identity(database: db, adminLogin: "admin", adminName: "Ada Admin")
            try CRMSnapshotTests.addContacts(db)
            session = AppSession(database: db, scope: try db.login("admin", org: DemoSeed.northwindName), clock: clock)
            _ = try db.emailTemplates.add(session.scope, EmailSnapshotTests.followUp)
            let jurgen = try #require(try db.contacts.find(session.scope, email: "j.mueller@mueller-soehne.example"))
            panel = EmailComposePanel(session: session, context: context, contact: jurgen.id)
            context.present = { [unowned self] in dialogs.append($0) }
            context.toast = { [unowned self] message, _ in toasts.append(message) }
            panel.onSent = { [unowned self] in sent = $0 }
            panel.onClose = { [unowned self] in closed = true }
        }

        func key(_ notation: String) {
            let event = KeyEvent(parsing: notation)!
            if !panel.handleText(event) {
                let command = panel.commands.first { $0.keys.contains(KeySequence(event)) }
                _ = command.map { panel.perform($0.id) }
            }
        }

        func type(_ text: String) { for c in text { _ = panel.handleText(KeyEvent(.char(c))) } }

        /// Answers the last dialog: picks `option` or says yes.
        func answer(_ option: Int = 0) {
            switch dialogs.removeLast() {
            case let .pick(_, _, _, onPick): onPick(option)
            case let .confirm(_, _, _, onYes): onYes()
            default: Issue.record("unexpected dialog")
            }
        }

        func draw(_ width: Int, _ height: Int) -> MemorySurface {
            let surface = MemorySurface(width: width, height: height)
            panel.draw(surface.bounds, on: surface)
            return surface
        }
    }

    @Test func composePanelSnapshots() throws {
        for (w, h) in ScreenFixture.sizes {
            let compose = try Compose()
            compose.key("ctrl+t")
            compose.answer(1)
            compose.key("ctrl+end")
            compose.key("enter")
            compose.type("P.S. Die neuen Preise für 東京 gelten ab Januar.")
            #expect(Snapshot.verify(compose.draw(w, h), named: "crm-email-compose-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func ctrlSAsksThenSendsAndClosesEscAsksWhenEdited() throws {
        let compose = try Compose()
        compose.key("ctrl+t")
        compose.answer(1)
        #expect(compose.panel.model.subject == "Ihr Angebot, Jürgen")
        compose.key("esc")  // the template filled in, nothing typed: closes without asking
        #expect(compose.closed && compose.dialogs.isEmpty)
        compose.closed = false
        compose.type("Kurze Ergänzung. ")
        compose.key("esc")
        guard case let .confirm(title, _, _, _) = compose.dialogs.last else { Issue.record("no question"); return }
        #expect(title == "Discard this email?")
        compose.dialogs.removeAll()
        compose.key("ctrl+s")
        guard case let .confirm(sendTitle, _, _, _) = compose.dialogs.last else { Issue.record("no confirmation"); return }
        #expect(sendTitle == "Send to Jürgen Müller <j.mueller@mueller-soehne.example>?")
        compose.answer()
        #expect(compose.closed)
        let sent = try #require(compose.sent)
        #expect(sent.interaction.interaction.description.hasPrefix("Kurze Ergänzung. Guten Tag Jürgen Müller"))
        #expect(compose.toasts.last == "Email to Jürgen Müller queued")
    }

    @Test func sendingEmptyShowsErrorsByField() throws {
        let compose = try Compose()
        compose.key("ctrl+s")
        compose.answer()
        #expect(!compose.closed)
        let frame = compose.draw(80, 24).snapshot()
        #expect(frame.contains("a subject is required"))
        #expect(frame.contains("the body is empty: write the message"))
    }

    func checkSection(_ name: String, keys: [String], text: String = "", then more: [String] = []) throws {
        for (w, h) in ScreenFixture.sizes {
            let (driver, db) = try ScreenFixture.driver(width: w, height: h)
            try CRMSnapshotTests.addContacts(db)
            let scope = try db.login("admin", org: DemoSeed.northwindName)
            _ = try db.emailTemplates.add(scope, Self.followUp)
            _ = try db.emailTemplates.add(scope, EmailTemplate(name: "Follow-up after meeting", subject: "Great speaking with you, {{contact.first_name}}",
                                                               body: "Hi {{contact.first_name}},\n\nthanks for your time.\n\n{{sender.name}}"))
            for k in keys { driver.press(k) }
            driver.type(text)
            for k in more { driver.press(k) }
            #expect(Snapshot.verify(driver.render(), named: "\(name)-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func templatesSectionWithPreview() throws { try checkSection("crm-templates", keys: ["g", "c", "7", "j"]) }

    @Test func templateFormShowsMergeFieldProblemsWithLineAndColumn() throws {
        try checkSection("crm-template-form", keys: ["g", "c", "7", "n"], text: "Rückruf", then: ["tab", "H", "i", "tab"])
        let (driver, db) = try ScreenFixture.driver(width: 80, height: 24)
        try CRMSnapshotTests.addContacts(db)
        driver.press("g", "c", "7", "n")
        driver.type("Rückruf")
        driver.press("tab")
        driver.type("Rückruf")
        driver.press("tab")
        driver.type("Hallo {{contact.vorname}}")
        driver.press("ctrl+s")
        let frame = driver.snapshot()
        #expect(frame.contains("line 1, column 7: {{contact.vorname}}: unknown field"))
        #expect(try db.emailTemplates.list(db.login("admin", org: DemoSeed.northwindName)).isEmpty)
        driver.press("ctrl+a", "ctrl+k")
        driver.type("Hallo {{contact.first_name}}")
        driver.press("ctrl+s")
        #expect(driver.snapshot().contains("Rückruf"))
        #expect(try db.emailTemplates.list(db.login("admin", org: DemoSeed.northwindName)).map(\.template.name) == ["Rückruf"])
    }
}
