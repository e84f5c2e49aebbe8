import Testing
@testable import TerminalKit

@Suite struct CommandRegistryTests {
    let commands = [
        CommandSpec("record.new", "new", group: "Records", keys: ["n"], showInHints: true, changesData: true),
        CommandSpec("go.home", "Go to Home", group: "Go to", keys: ["g h", "F1"]),
        CommandSpec("go.crm", "Go to CRM", group: "Go to", keys: ["g c", "F2"]),
        CommandSpec("list.first", "First row", group: "Navigation", keys: ["g g", "home"]),
        CommandSpec("palette", "Command palette", group: "Global", keys: [":", "ctrl+p"]),
    ]

    @Test func twoKeySequencesWaitForTheSecondKey() {
        var map = Keymap()
        #expect(map.resolve(.char("g"), commands: commands) == .pending([.char("g")]))
        #expect(map.resolve(.char("c"), commands: commands) == .command("go.crm"))
        #expect(map.pending.isEmpty)
        #expect(map.resolve(KeyEvent(.function(1)), commands: commands) == .command("go.home"))
        #expect(map.resolve(.ctrl("p"), commands: commands) == .command("palette"))
    }

    @Test func anUnknownSecondKeyAbandonsThePrefixAndIsTriedAlone() {
        var map = Keymap()
        _ = map.resolve(.char("g"), commands: commands)
        #expect(map.resolve(.char("n"), commands: commands) == .command("record.new"))
        _ = map.resolve(.char("g"), commands: commands)
        #expect(map.resolve(.char("z"), commands: commands) == .unbound(.char("z")))
    }

    @Test func disabledCommandsSayWhy() {
        var map = Keymap()
        let r = map.resolve(.char("n"), commands: commands, disabled: ["record.new": "read-only role"])
        #expect(r == .disabled("record.new", reason: "read-only role"))
    }

    @Test func remappingReplacesKeysAndReportsProblems() {
        let (remapped, problems) = KeyRemapping.apply(
            ["record.new": ["a", "ctrl+n"], "no.such": ["x"], "go.crm": ["ctrl+"]], to: commands)
        var map = Keymap()
        #expect(map.resolve(.char("a"), commands: remapped) == .command("record.new"))
        #expect(map.resolve(.char("n"), commands: remapped) == .unbound(.char("n")))
        #expect(problems.contains { $0.contains("no.such") })
        #expect(problems.count == 2)
    }
}
