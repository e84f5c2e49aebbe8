import Foundation
import Testing

/// The real `ccw demo` in tmux: CRM › Deals, a deal moved into won with L, another closed as
/// lost with the reason typed into the prompt, and the stage history in the database file.
@Suite(.serialized) struct DealKanbanEndToEndTests {
    /// The stage moves after history entry `after`: "deal|to stage|kind|who|reason", oldest first.
    func moves(_ scratch: Scratch, after: String) throws -> [String] {
        try scratch.query(on: scratch.dir + "/demo.sqlite", """
            SELECT d.name, s.name, s.kind, u.login, h.lost_reason FROM deal_stage_history h
            JOIN deals d ON d.id = h.deal_id JOIN pipeline_stages s ON s.id = h.to_stage_id JOIN users u ON u.id = h.moved_by
            WHERE h.id > \(after) ORDER BY h.id
            """)
    }

    @Test func winningAndLosingDealsOnTheKanbanIsRecorded() throws {
        let scratch = try Scratch()
        let tmux = try TmuxSession(command: try scratch.command("demo --login tester"), width: 120, height: 40)
        try tmux.waitForStart()
        try tmux.press("g", "c")
        try tmux.waitFor("3 Deals")
        try tmux.press("3")
        try tmux.waitFor("┏ Lead")
        try tmux.waitFor("weighted €")
        // The demo's own history (seeded as tester too) ends here.
        let seeded = try #require(try scratch.query(on: scratch.dir + "/demo.sqlite", "SELECT MAX(id) FROM deal_stage_history").first)

        // Negotiation's biggest deal, one stage to the right: won.
        try tmux.press("l", "l", "l")
        try tmux.waitFor("┏ Negotiation")
        try tmux.press("L")
        let wonScreen = try tmux.waitFor("Won: ")
        try tmux.waitFor("┏ Closed won")
        let wonMoves = try moves(scratch, after: seeded)
        #expect(wonMoves.count == 1 && wonMoves[0].hasSuffix("|Closed won|won|tester|"), "\(wonMoves)")
        let won = String(wonMoves.first?.split(separator: "|").first ?? "")
        #expect(wonScreen.contains("Won: \(won.prefix(20))"), "the toast names the deal")

        // The next deal in Negotiation: closed as lost; the prompt wants a reason.
        try tmux.press("h")
        try tmux.waitFor("┏ Negotiation")
        try tmux.press("X")
        try tmux.waitFor("Lost reason")
        try tmux.press("Enter")
        try tmux.waitFor("a lost reason is required")
        try tmux.type("Budget gestrichen")
        try tmux.press("Enter")
        let lostScreen = try tmux.waitFor("Lost: ")
        try tmux.waitFor("┏ Closed lost")
        let all = try moves(scratch, after: seeded)
        #expect(all.count == 2 && all[1].hasSuffix("|Closed lost|lost|tester|Budget gestrichen"), "\(all)")
        let lost = String(all.last?.split(separator: "|").first ?? "")
        #expect(lost != won)
        #expect(lostScreen.contains("Lost: \(lost.prefix(20))"), "the toast names the deal")

        // Enter shows the deal with its history; Esc returns to the board.
        try tmux.press("Enter")
        try tmux.waitFor("Stage history")
        try tmux.waitFor("lost: Budget gestrichen")
        try tmux.press("Escape")
        try tmux.pause()
        try tmux.waitFor("┏ Closed lost")
    }

    @Test func escapeInTheLostReasonPromptLeavesTheDealWhereItWas() throws {
        let scratch = try Scratch()
        let tmux = try TmuxSession(command: try scratch.command("demo --login tester"), width: 80, height: 24)
        try tmux.waitForStart()
        let before = try scratch.query(on: scratch.dir + "/demo.sqlite", "SELECT COUNT(*) FROM deal_stage_history")
        try tmux.press("g", "c")
        try tmux.waitFor("3 Deals")
        try tmux.press("3")
        try tmux.waitFor("┏ Lead")
        try tmux.press("X")
        try tmux.waitFor("Lost reason")
        try tmux.press("Escape")
        try tmux.waitForAbsence("Lost reason")
        try tmux.pause()
        try tmux.press("j")
        #expect(try scratch.query(on: scratch.dir + "/demo.sqlite", "SELECT COUNT(*) FROM deal_stage_history") == before)
        #expect(try !tmux.screen().contains("Lost: "))
    }
}
