import Foundation
import Testing

/// `ccw` subcommands as scripts use them: data on stdout, messages on stderr, documented exit codes.
@Suite struct CommandLineEndToEndTests {
    @Test func initThenManageUsersWithJSONOutput() throws {
        let s = try Scratch()
        let created = try s.ccw("init", "--login", "owner", "--org-name", "Kiosk & Co KG", "--currency", "EUR", "--time-zone", "Europe/Vienna")
        #expect(created.status == 0, "\(created.err)")
        #expect(created.err.contains("organization \"Kiosk & Co KG\" (EUR, Europe/Vienna) with owner as admin"))

        let added = try s.ccw("user", "add", "mia", "--login", "owner", "--name", "Mia Wagner", "--role", "warehouse", "--json")
        #expect(added.status == 0, "\(added.err)")
        let user = try JSONSerialization.jsonObject(with: Data(added.out.utf8)) as? [String: Any]
        #expect(user?["login"] as? String == "mia")
        #expect(user?["role"] as? String == "warehouse")
        #expect(user?["display_name"] as? String == "Mia Wagner")

        let list = try s.ccw("user", "list", "--login", "owner", "--json")
        let users = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]]
        #expect(users?.compactMap { $0["login"] as? String }.sorted() == ["mia", "owner"])

        let role = try s.ccw("user", "role", "mia", "accountant", "--login", "owner")
        #expect(role.status == 0)
        #expect(role.err.contains("mia is now accountant"))

        let orgs = try s.ccw("org", "list", "--login", "mia", "--json")
        #expect(orgs.out.contains("\"role\" : \"accountant\""))
    }

    @Test func refusalsUseTheDocumentedExitCodes() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        try s.ccw("user", "add", "ro", "--login", "owner", "--role", "read-only")

        let unknown = try s.ccw("user", "list", "--login", "nobody")
        #expect(unknown.status == 4)
        #expect(unknown.err.contains("no CCW user \"nobody\""))

        let denied = try s.ccw("user", "add", "x", "--login", "ro", "--role", "sales")
        #expect(denied.status == 4)
        #expect(denied.err.contains("Not permitted"))

        let badRole = try s.ccw("user", "add", "x", "--login", "owner", "--role", "boss")
        #expect(badRole.status == 2)
        #expect(badRole.err.contains("unknown role \"boss\""))

        let duplicate = try s.ccw("user", "add", "ro", "--login", "owner", "--role", "sales")
        #expect(duplicate.status == 1)

        let lastAdmin = try s.ccw("user", "role", "owner", "sales", "--login", "owner")
        #expect(lastAdmin.status == 1)
        #expect(lastAdmin.err.contains("admin"))

        let twice = try s.ccw("init", "--login", "someone")
        #expect(twice.status != 0)

        let noDatabase = try Build.run(["user", "list", "--db", s.dir + "/missing.sqlite", "--login", "owner"], environment: s.environment)
        #expect(noDatabase.0 == 1)
        #expect(noDatabase.2.contains("no database at"))
    }

    @Test func doctorReportsAHealthyDatabaseAndAGarbageFile() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        let ok = try s.ccw("doctor")
        #expect(ok.status == 0, "\(ok.out)\(ok.err)")
        #expect(ok.out.contains("integrity"))
        #expect(ok.out.contains("wal"))

        let garbage = try s.write("this is not a database", to: "garbage.sqlite")
        let bad = try Build.run(["doctor", "--db", garbage], environment: s.environment)
        #expect(bad.0 == 1)
        #expect(!bad.1.isEmpty || !bad.2.isEmpty)
    }

    @Test func contactsListValidatesItsFiltersAndPrintsJSON() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        let empty = try s.ccw("contacts", "list", "--login", "owner", "--json")
        #expect(empty.status == 0, "\(empty.err)")
        let parsed = try JSONSerialization.jsonObject(with: Data(empty.out.utf8)) as? [Any]
        #expect(parsed?.isEmpty == true)
        let badStatus = try s.ccw("contacts", "list", "--login", "owner", "--status", "vip")
        #expect(badStatus.status == 2)
        #expect(badStatus.err.contains("use lead, prospect, customer or inactive"))
        let shortSearch = try s.ccw("contacts", "list", "--login", "owner", "--search", "ab")
        #expect(shortSearch.status == 2)
        #expect(shortSearch.err.contains("at least 3 characters"))
    }

    @Test func theApplicationRefusesWithoutATerminal() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "owner").status == 0)
        let r = try s.ccw("--login", "owner")
        #expect(r.status == 2)
        #expect(r.err.contains("needs a terminal"))
    }
}
