import Foundation
import Testing

/// `ccw templates …` and `ccw contacts email` on a demo database, as a script would use them.
@Suite struct TemplatesEndToEndTests {
    @Test func addATemplateThenRenderItForAContactAndQueueIt() throws {
        let s = try Scratch()
        let demo = try s.ccw("demo", "--no-open", "--login", "tester")
        #expect(demo.status == 0, "\(demo.err)")
        let db = s.dir + "/demo.sqlite"
        let body = try s.write("Hallo {{contact.first_name}},\n\nGrüße von Müller & Söhne an {{company.name}}.\n{{sender.name}}\n",
                               to: "body.txt")

        let bad = try s.ccw("templates", "add", "--db", db, "--login", "tester", "--name", "Rückfrage", "--subject", "Hi",
                            "--body", "Hallo\n{{contact.frist_name}}")
        #expect(bad.status == 1)
        #expect(bad.err.contains("body: line 2, column 1: {{contact.frist_name}}: unknown field; did you mean contact.first_name?"))

        let added = try s.ccw("templates", "add", "--db", db, "--login", "tester", "--name", "Rückfrage",
                              "--subject", "Kurze Frage, {{contact.first_name}}", "--body-file", body)
        #expect(added.status == 0, "\(added.err)")
        #expect(added.err.contains("added template Rückfrage"))
        let again = try s.ccw("templates", "add", "--db", db, "--login", "tester", "--name", "rückfrage", "--subject", "x", "--body", "y")
        #expect(again.status == 1 && again.err.contains("already taken"))

        let list = try s.ccw("templates", "list", "--db", db, "--login", "tester")
        #expect(list.out.contains("Rückfrage") && list.out.contains("Angebot nachfassen"))  // the demo's own templates too
        let shown = try s.ccw("templates", "show", "rückfrage", "--db", db, "--login", "tester", "--json")
        let json = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any]
        #expect(json?["subject"] as? String == "Kurze Frage, {{contact.first_name}}")

        let contacts = try s.ccw("contacts", "list", "--db", db, "--login", "tester", "--limit", "1", "--json")
        let first = try #require((try JSONSerialization.jsonObject(with: Data(contacts.out.utf8)) as? [[String: Any]])?.first)
        let email = try #require(first["email"] as? String)
        let firstName = try #require(first["first_name"] as? String)

        let dry = try s.ccw("contacts", "email", email, "--template", "Rückfrage", "--dry-run", "--db", db, "--login", "tester")
        #expect(dry.status == 0, "\(dry.err)")
        #expect(dry.out.contains("To:      "))
        #expect(dry.out.contains(email))
        #expect(dry.out.contains("Subject: Kurze Frage, \(firstName)"))
        #expect(dry.out.contains("Grüße von Müller & Söhne an "))
        #expect(!dry.out.contains("&amp;") && !dry.out.contains("{{"))

        let sent = try s.ccw("contacts", "email", email, "--template", "Rückfrage", "--db", db, "--login", "tester", "--json")
        #expect(sent.status == 0, "\(sent.err)")
        let result = try JSONSerialization.jsonObject(with: Data(sent.out.utf8)) as? [String: Any]
        #expect(result?["queued"] as? Bool == true)
        #expect(result?["event_id"] is Int)

        let unknown = try s.ccw("contacts", "email", email, "--template", "Gibt es nicht", "--db", db, "--login", "tester")
        #expect(unknown.status == 1 && unknown.err.contains("no email template \"Gibt es nicht\""))
    }
}
