import TerminalKit

/// The keys every form shares: Ctrl-S (or F2) saves, Esc closes.
enum FormCommands {
    static let save = CommandSpec("form.save", "save", group: "Form", help: "Save the form", keys: ["ctrl+s", "F2"], showInHints: true, changesData: true, inPalette: false)
    static let cancel = CommandSpec("form.cancel", "cancel", group: "Form", help: "Close the form without saving", keys: ["esc"], showInHints: true, inPalette: false)
    static let all = [save, cancel]

    /// Keys a form's fields must leave to the form's commands.
    static func isCommandKey(_ key: KeyEvent) -> Bool {
        key == KeyEvent.ctrl("s") || key.key == .function(2)
    }
}
