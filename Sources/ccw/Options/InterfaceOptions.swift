import ArgumentParser
import Foundation
import TerminalKit

/// How the TUI looks: flags beat the config file, which beats the environment.
struct InterfaceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Theme name (default, light, high-contrast, monochrome) or a .toml file; also CCW_THEME.", valueName: "name"))
    var theme: String?

    @Flag(help: "Use ASCII borders and charts even in a UTF-8 locale.")
    var ascii = false

    @Flag(help: "Turn mouse support on (click selects, wheel scrolls).")
    var mouse = false

    @Option(help: ArgumentHelp("Colours: 256, 16 or none (default: detect; NO_COLOR turns colour off).", valueName: "n"))
    var colors: String?

    func validate() throws {
        if let colors, ColorMode(rawValue: colors) == nil {
            throw ValidationError("--colors \(colors): use 256, 16 or none")
        }
    }
}
