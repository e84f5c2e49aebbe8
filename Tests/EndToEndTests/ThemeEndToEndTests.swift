import Foundation
import Testing

/// Broken theme files give the documented message and the application still starts.
@Suite(.serialized) struct ThemeEndToEndTests {
    @Test func aThemeWithASyntaxErrorIsReportedByFileAndLine() throws {
        let scratch = try Scratch()
        let path = try scratch.write("name = \"broken\"\n[styles]\nbase = { fg = \"red\"\nselected = { fg = \"blue\" }\n", to: "themes/broken.toml")
        let tmux = try TmuxSession(command: try scratch.command("demo --login tester --theme \(path)"), width: 120, height: 40)
        try tmux.waitForStart("Problems with your settings")
        try tmux.waitFor("theme file \(path), line 3")
        try tmux.press("Enter")
        try tmux.waitForAbsence("Problems with your settings")
        try tmux.waitFor("At a glance")
    }

    @Test func anUnknownColourIsReportedByRoleAndLine() throws {
        let scratch = try Scratch()
        let path = try scratch.write("name = \"odd\"\n[styles]\nbase = { fg = \"default\" }\nselected = { fg = \"purpleish\" }\n", to: "themes/odd.toml")
        let tmux = try TmuxSession(command: try scratch.command("demo --login tester --theme \(path)"), width: 120, height: 40)
        try tmux.waitForStart("line 4: unknown colour \"purpleish\"")
        try tmux.press("Escape")
        try tmux.waitFor("At a glance")
    }

    @Test func everyShippedThemeStarts() throws {
        for theme in ["default", "light", "high-contrast", "monochrome"] {
            let scratch = try Scratch()
            let tmux = try TmuxSession(command: try scratch.command("demo --login tester --theme \(theme)"), width: 80, height: 24)
            try tmux.waitForStart()
            let screen = try tmux.screen()
            #expect(!screen.contains("theme file"), "theme \(theme) reported a problem: \(screen)")
        }
    }
}
