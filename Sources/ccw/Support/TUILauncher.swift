import ArgumentParser
import CCWCore
import CCWDomain
import CCWScreens
import CCWViewModels
import Foundation
import TerminalKit

/// Opens the full-screen application for a logged-in scope.
enum TUILauncher {
    static func launch(database: AppDatabase, scope: Scope, interface: InterfaceOptions) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.message("ccw: the application needs a terminal; for scripts use the subcommands (`ccw --help`)")
            throw ExitCode(2)
        }
        let options = appOptions(interface)
        let session = AppSession(database: database, scope: scope, clock: SystemClock())
        let environment = AppEnvironment(session: session, background: BackgroundWork(session: session))
        do {
            try App(environment: environment, options: options).run()
        } catch let error as TerminalError {
            Output.message("ccw: cannot start the terminal: \(error)")
            throw ExitCode(1)
        }
    }

    /// Theme, config and key remapping, with every problem collected as a warning (shown as toasts).
    static func appOptions(_ interface: InterfaceOptions) -> AppOptions {
        let config = ConfigFile.load()
        var warnings = config.warnings
        let searchPaths = ThemeLoader.defaultSearchPaths(executablePath: CommandLine.arguments[0])
        let name = interface.theme ?? config.theme ?? ProcessInfo.processInfo.environment["CCW_THEME"]
        let loaded = ThemeLoader.load(named: name, searchPaths: searchPaths)
        warnings += loaded.warnings
        var themes: [Theme] = []
        for n in ThemeLoader.availableThemes(searchPaths: searchPaths) {
            if let t = try? ThemeLoader.load(named: n, searchPaths: searchPaths), t.warnings.isEmpty { themes.append(t.theme) }
        }
        if themes.isEmpty { themes = [.defaultDark, .monochrome] }
        return AppOptions(theme: loaded.theme, themes: themes, warnings: warnings, mouse: interface.mouse || config.mouse,
                          colorMode: interface.colors.flatMap(ColorMode.init(rawValue:)),
                          forceASCII: interface.ascii || config.ascii, keyOverrides: config.keys)
    }
}
