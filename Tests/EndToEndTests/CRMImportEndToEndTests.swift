import Foundation
import Testing

/// CRM › Import in the real app inside tmux: a file with exactly three bad rows shows each of
/// them with its line, and importing the good rows saves them.
@Suite(.serialized) struct CRMImportEndToEndTests {
    @Test func threeBadRowsAreListedWithTheirLinesThenTheGoodOnesImport() throws {
        let scratch = try Scratch()
        #expect(try scratch.ccw("init", "--login", "tester", "--country", "DE").status == 0)
        let file = try scratch.write("""
            First name,Last name,Email,Phone
            Anna,Meier,anna@example.com,030 1234567
            Bob,Bauer,bob@,
            Clara,Cruz,clara@example.com,
            ,,ghost@example.com,
            Dora,Dietz,anna@example.com,
            Emil,Engel,emil@example.com,

            """, to: "people.csv")
        let tmux = try TmuxSession(command: try scratch.command("--login tester"), width: 100, height: 30)
        try tmux.waitForStart()
        try tmux.press(":")
        try tmux.type("import")
        try tmux.waitFor("Go to CRM › Import")
        try tmux.press("Enter")
        try tmux.waitFor("o opens a CSV file")
        try tmux.press("o")
        try tmux.waitFor("CSV file")
        try tmux.type(file)
        try tmux.press("Enter")
        let preview = try tmux.waitFor("line 6: ")
        #expect(preview.contains("line 3: email \"bob@\": domain is missing"))
        #expect(preview.contains("line 5: "))
        #expect(preview.contains("line 6: email anna@example.com is already used by line 2"))
        #expect(preview.contains("6 · 3 good · 3 bad"))
        try tmux.press("B")
        try tmux.waitFor("Import 3 contacts?")
        try tmux.press("y")
        try tmux.waitFor("3 contacts imported, 3 bad rows skipped")
        try tmux.press("q")
        let listed = try scratch.ccw("contacts", "list", "--login", "tester")
        #expect(listed.out.contains("Anna Meier") && listed.out.contains("Emil Engel") && !listed.out.contains("Dietz"))
    }
}
