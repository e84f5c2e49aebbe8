import Foundation
import Testing

/// Contacts in the real `ccw demo`: add one through the form (a bad email is refused first),
/// find it with `/`, log a call with it and see the call on its timeline.
@Suite(.serialized) struct ContactsEndToEndTests {
    @Test func addAContactFindItAndLogACall() throws {
        let scratch = try Scratch()
        let tmux = try TmuxSession(command: try scratch.command("demo --login tester"), width: 120, height: 40)
        try tmux.waitForStart()
        try tmux.press("g", "c")
        try tmux.waitFor("Contacts · / search")
        try tmux.press("n")
        try tmux.waitFor("New contact")
        try tmux.type("Wiebke")
        try tmux.press("Tab")
        try tmux.type("Sørensen-Øberg")
        try tmux.press("Tab")
        try tmux.type("wiebke@@oberg")
        try tmux.press("C-s")
        try tmux.waitFor("✗ email \"wiebke@@oberg\"")
        #expect(try tmux.screen().contains("Sørensen-Øberg"), "what was typed stays in the form")
        // Fix only the email; everything else is still there.
        for _ in 0..<"wiebke@@oberg".count { try tmux.press("BSpace") }
        try tmux.type("wiebke@oberg-logistik.example")
        try tmux.press("C-s")
        try tmux.waitFor("Wiebke Sørensen-Øberg saved")
        try tmux.press("c")  // clear the filter the save left, then find her again by typing
        try tmux.waitFor("Contacts · / search")
        try tmux.press("/")
        try tmux.type("oberg-log")
        try tmux.waitFor("row 1 of 1")
        try tmux.waitFor("wiebke@oberg-logistik.examp")
        try tmux.press("Enter")
        try tmux.press("i")
        try tmux.waitFor("Log call · Wiebke Sørensen-Øberg")
        try tmux.type("Angebot Kühlcontainer")
        try tmux.press("Tab")
        try tmux.press("Tab")
        try tmux.type("20")
        try tmux.press("C-s")
        try tmux.waitFor("Call logged for Wiebke Sørensen-Øberg")
        try tmux.waitFor("11-25 call  Call (outbound, 20 min)")
    }
}
