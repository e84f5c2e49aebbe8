import Foundation
import Testing

/// The CRM from the command line (`ccw contacts|companies|deals|tasks`, `ccw import`,
/// `ccw export`) on the built binary: data on stdout, messages on stderr, documented exit codes.
@Suite struct CRMCommandLineEndToEndTests {
    static let people = "\u{FEFF}First name,Last name,E-mail,Phone,Company,Notes\r\n"
        + "Anna,Meier,anna@example.com,+49 30 1234567,Acme GmbH,\"likes \"\"quick\"\" calls, mornings\"\r\n"
        + "Bob,Bauer,bob@,,Acme GmbH,\r\n"
        + "Clara,Cruz,clara@example.com,,,\"two\nlines\"\r\n"
        + ",,nobody@example.com,,,\r\n"

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func importDryRunThenSkipBadRowsThenExport() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        let file = try s.write(Self.people, to: "people.csv")

        // a dry run lists each bad row by line and exits 1 because all-or-nothing would refuse
        let dry = try s.ccw("import", "contacts", file, "--dry-run", "--login", "owner")
        #expect(dry.status == 1, "\(dry.err)")
        #expect(dry.out.contains("line 3: email \"bob@\": domain is missing"))
        #expect(dry.out.contains("line 6: "))
        #expect(dry.out.contains("4 rows: 2 valid, 2 invalid"))
        #expect(dry.out.contains("E-mail → email"))
        #expect(try s.ccw("contacts", "list", "--login", "owner", "--json").out.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]"
                || (try json(try s.ccw("contacts", "list", "--login", "owner", "--json").out) as? [Any])?.isEmpty == true)

        // all-or-nothing refuses, naming the lines; nothing is written
        let refused = try s.ccw("import", "contacts", file, "--login", "owner")
        #expect(refused.status == 1)
        #expect(refused.err.contains("line 3:") && refused.err.contains("line 6:"))

        // skip-bad-rows imports the good rows
        let imported = try s.ccw("import", "contacts", file, "--skip-bad-rows", "--login", "owner")
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.err.contains("2 contacts imported, 2 bad rows skipped, 1 new company"))
        let list = try json(try s.ccw("contacts", "list", "--login", "owner", "--json").out) as? [[String: Any]]
        #expect(list?.compactMap { $0["email"] as? String } == ["clara@example.com", "anna@example.com"])

        // export streams RFC 4180 CSV to stdout or a file
        let csv = try s.ccw("export", "contacts", "--format", "csv", "--login", "owner")
        #expect(csv.status == 0)
        #expect(csv.out.hasPrefix("uid,first_name,last_name,email,"))
        #expect(csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
        let out = s.dir + "/customers.csv"
        #expect(try s.ccw("export", "contacts", "--search", "Meier", "--output", out, "--login", "owner").status == 0)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains("Anna,Meier,anna@example.com,+49301234567") && !written.contains("Clara"))
        #expect(try s.ccw("export", "contacts", "--format", "xlsx", "--login", "owner").status == 2)

        // a bad --map names the column
        let badMap = try s.ccw("import", "contacts", file, "--map", "Nope=email", "--dry-run", "--login", "owner")
        #expect(badMap.status == 1 && badMap.err.contains("no column \"Nope\""))
    }

    @Test func contactsShowUpdateDeleteWithOptimisticLocking() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner", "--country", "DE").status == 0)
        let added = try s.ccw("contacts", "add", "--name", "Anna Meier", "--email", "anna@example.com", "--phone", "030 1234567",
                              "--login", "owner", "--json")
        #expect(added.status == 0, "\(added.err)")
        let record = try json(added.out) as? [String: Any]
        #expect(record?["phone"] as? String == "+49301234567" && record?["version"] as? Int == 1)

        let twin = try s.ccw("contacts", "add", "--name", "Anna M.", "--phone", "+49 30 1234567", "--login", "owner")
        #expect(twin.status == 1 && twin.err.contains("--force"))

        let shown = try s.ccw("contacts", "show", "anna@example.com", "--login", "owner")
        #expect(shown.status == 0 && shown.out.contains("Anna Meier"))
        let byId = try s.ccw("contacts", "show", "1", "--json", "--login", "owner")
        #expect((try json(byId.out) as? [String: Any])?["email"] as? String == "anna@example.com")

        let updated = try s.ccw("contacts", "update", "anna@example.com", "--title", "CFO", "--status", "customer", "--login", "owner", "--json")
        #expect(updated.status == 0, "\(updated.err)")
        let after = try json(updated.out) as? [String: Any]
        #expect(after?["title"] as? String == "CFO" && after?["status"] as? String == "customer" && after?["version"] as? Int == 2)
        #expect(after?["phone"] as? String == "+49301234567", "fields not given stay")

        let stale = try s.ccw("contacts", "update", "1", "--title", "CEO", "--expect-version", "1", "--login", "owner")
        #expect(stale.status == 3 && stale.err.contains("nothing was saved"))
        let badEmail = try s.ccw("contacts", "update", "1", "--email", "anna@", "--login", "owner")
        #expect(badEmail.status == 1 && badEmail.err.contains("email"))
        let nothing = try s.ccw("contacts", "update", "1", "--login", "owner")
        #expect(nothing.status == 2)
        let missing = try s.ccw("contacts", "show", "nobody@example.com", "--login", "owner")
        #expect(missing.status == 1 && missing.err.contains("no contact"))

        #expect(try s.ccw("user", "add", "ro", "--login", "owner", "--role", "read-only").status == 0)
        let denied = try s.ccw("contacts", "delete", "1", "--login", "ro")
        #expect(denied.status == 4)
        let deniedImport = try s.ccw("import", "contacts", try s.write("Name\nX Y\n", to: "x.csv"), "--login", "ro")
        #expect(deniedImport.status == 4)

        let deleted = try s.ccw("contacts", "delete", "anna@example.com", "--login", "owner")
        #expect(deleted.status == 0 && deleted.err.contains("deleted contact Anna Meier"))
        #expect(try s.ccw("contacts", "show", "1", "--login", "owner").status == 1)
    }

    @Test func companiesDealsAndTasks() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        let companies = try s.write("Company,Parent,Website\nAcme Berlin,Acme Holding,berlin.acme.example\nAcme Holding,,acme.example\n",
                                    to: "companies.csv")
        let imported = try s.ccw("import", "companies", companies, "--login", "owner")
        #expect(imported.status == 0 && imported.err.contains("2 companies imported"), "\(imported.err)")
        let berlin = try json(try s.ccw("companies", "show", "Acme Berlin", "--json", "--login", "owner").out) as? [String: Any]
        #expect(berlin?["parent_id"] as? Int == 1, "Acme Holding is saved first, as the parent")
        let badStatus = try s.ccw("companies", "update", "Acme Berlin", "--status", "nope", "--login", "owner")
        #expect(badStatus.status == 1 && badStatus.err.contains("status"))

        let deal = try s.ccw("deals", "add", "--name", "50 chairs", "--value", "1,250.50", "--company", "Acme Berlin", "--close", "+30",
                             "--login", "owner", "--json")
        #expect(deal.status == 0, "\(deal.err)")
        let dealJSON = try json(deal.out) as? [String: Any]
        #expect(dealJSON?["value"] as? String == "1250.50" && dealJSON?["currency"] as? String == "EUR")
        let noReason = try s.ccw("deals", "move", "1", "--stage", "lost", "--login", "owner")
        #expect(noReason.status == 1 && noReason.err.contains("lost reason"))
        let won = try s.ccw("deals", "move", "1", "--stage", "Closed won", "--login", "owner", "--json")
        #expect((try json(won.out) as? [String: Any])?["stage"] as? String == "Closed won")
        let listed = try s.ccw("deals", "list", "--stage", "won", "--login", "owner")
        #expect(listed.out.contains("50 chairs"))
        let badValue = try s.ccw("deals", "update", "1", "--value", "lots", "--login", "owner")
        #expect(badValue.status == 1 && badValue.err.contains("value"))

        #expect(try s.ccw("user", "add", "mia", "--login", "owner", "--role", "sales").status == 0)
        let task = try s.ccw("tasks", "add", "Call Acme", "--due", "+2", "--priority", "high", "--assignee", "mia",
                             "--company", "Acme Berlin", "--deal", "1", "--login", "owner")
        #expect(task.status == 0, "\(task.err)")
        #expect(try s.ccw("tasks", "add", "Mine", "--login", "owner").status == 0)
        let mine = try s.ccw("tasks", "list", "--login", "owner")
        #expect(mine.out.contains("Mine") && !mine.out.contains("Call Acme"))
        let all = try json(try s.ccw("tasks", "list", "--all", "--json", "--login", "owner").out) as? [[String: Any]]
        #expect(all?.compactMap { $0["assignee"] as? String }.sorted() == ["mia", "owner"])
        #expect(try s.ccw("tasks", "done", "1", "--login", "mia").status == 0)
        #expect(try s.ccw("tasks", "done", "1", "--login", "mia").status == 1)
        #expect(try s.ccw("tasks", "list", "--login", "mia").out.contains("Call Acme") == false)
        #expect(try s.ccw("tasks", "delete", "2", "--login", "owner").status == 0)
        let unknown = try s.ccw("tasks", "add", "X", "--assignee", "nobody", "--login", "owner")
        #expect(unknown.status == 1 && unknown.err.contains("assignee"))
    }

    @Test func dealLineItemsSegmentsAndScoringFromTheCommandLine() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        let added = try s.ccw("deals", "add", "--name", "Kühlhaus Bremen", "--value", "1000", "--login", "owner", "--json")
        #expect(added.status == 0, "\(added.err)")
        let id = try #require((try json(added.out) as? [String: Any])?["id"] as? Int)
        // two lines: 2 × 1,250.50 less 5 % = 2,375.95; 450.00 less 50.00 = 400.00
        let lines = try s.ccw("deals", "lines", "\(id)", "--line", "Wartung;2;1250.50;5%", "--line", "Einweisung;1;450;50", "--login", "owner")
        #expect(lines.status == 0, "\(lines.err)")
        #expect(lines.out.contains("2,375.95") && lines.out.contains("400.00"))
        #expect(lines.err.contains("2,775.95 EUR") || lines.out.contains("2,775.95 EUR"))
        let bad = try s.ccw("deals", "lines", "\(id)", "--line", "Wartung;zwei;3", "--login", "owner")
        #expect(bad.status == 1)
        #expect(bad.err.contains("line 1: quantity \"zwei\" is not a positive number"))

        #expect(try s.ccw("segments", "add", "Kunden", "--where", "status is customer", "--login", "owner").status == 0)
        let wrong = try s.ccw("segments", "add", "X", "--where", "status asleep", "--login", "owner")
        #expect(wrong.status == 1 && wrong.err.contains("where #1"))
        #expect(try s.ccw("segments", "list", "--login", "owner").out.contains("all of: status is \"customer\""))
        #expect(try s.ccw("scoring", "add", "Chef", "--when", "title contains head", "--points", "20", "--login", "owner").status == 0)
        #expect(try s.ccw("scoring", "list", "--login", "owner", "--json").out.contains("\"points\" : 20")
                || (try s.ccw("scoring", "list", "--login", "owner", "--json").out.contains("\"points\":20")))
    }
}
