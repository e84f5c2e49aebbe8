import CCWDomain
import CCWViewModels
import TerminalKit

/// A dialog a screen asks the shell to show over everything. The shell owns the dialog's widget
/// state and calls back with the answer, so screens never draw overlays themselves.
enum DialogRequest {
    /// Yes/no. `destructive` makes "No" the default button.
    case confirm(title: String, message: [String], destructive: Bool, onYes: () -> Void)
    /// One line of text; `validate` returns an error message or nil.
    case prompt(title: String, label: String, initial: String, validate: (String) -> String?, onSubmit: (String) -> Void)
    /// Choose one entry of a list (filterable).
    case pick(title: String, options: [String], selected: Int, onPick: (Int) -> Void)
    /// Information to read in full (startup problems with the config or theme files); Enter or Esc closes.
    case message(title: String, lines: [String])
    /// The record changed since it was read: reload theirs, keep mine (save again over it), or cancel.
    case conflict(message: String, onReload: () -> Void, onKeepMine: () -> Void)
}

/// What a screen may ask of the application around it.
final class ScreenContext {
    var theme: Theme
    /// Shows a message in the corner that fades.
    var toast: (String, Notice.Level) -> Void = { _, _ in }
    /// Shows a dialog over the screen.
    var present: (DialogRequest) -> Void = { _ in }
    /// Copies text to the user's clipboard (OSC 52).
    var copy: (String) -> Void = { _ in }
    /// Beeps or flashes (scanner errors).
    var bell: () -> Void = {}

    init(theme: Theme) { self.theme = theme }
}

/// Anything that takes keys and draws into a rectangle: a module screen, or a part of one (an
/// Admin section). Screens translate commands into view-model intents and draw view-model
/// state with TerminalKit widgets.
protocol ScreenPart: AnyObject {
    /// Commands available now, in priority order.
    var commands: [CommandSpec] { get }
    /// Commands that exist here but can't run now, with the reason shown to the user.
    var disabledCommands: [String: String] { get }
    /// True while a text field has focus: keys go to `handleText` before the keymap.
    var hasTextFocus: Bool { get }
    /// True while there are edits that quitting would lose.
    var hasUnsavedChanges: Bool { get }
    /// Gives a key to the focused text field; returns whether it was used.
    func handleText(_ key: KeyEvent) -> Bool
    /// Runs a command; returns false when the screen has nothing to do for it (the shell then may).
    func perform(_ commandID: String) -> Bool
    /// Called when the screen becomes visible and on refresh.
    func activate()
    func draw(_ area: Rect, on surface: Surface)
}

/// One module's screen inside the shell.
protocol ModuleScreen: ScreenPart {
    var module: Module { get }
    /// Where the user is inside the module ("Audit log", "Users › anna").
    var breadcrumb: String { get }
}
