/// Text typed by a user (or read from a file) that a parser refused. The message names the
/// value and says what was expected, e.g. `2026-13-01: month must be 1-12`, so a form can show
/// it beside the field and a command can print it as is.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
