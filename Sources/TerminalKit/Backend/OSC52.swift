import Foundation

/// The OSC 52 escape sequence that asks the terminal to put text on the system clipboard. It
/// travels in the output stream, so it works over SSH when the terminal allows it (xterm with
/// `allowWindowOps`, kitty, iTerm2, WezTerm, Windows Terminal; tmux with `set-clipboard on`).
public enum OSC52 {
    /// Terminals drop longer sequences; xterm's limit is about this much base64 text.
    public static let maximumEncodedLength = 100_000

    /// The sequence for `text`, or nil when the text is too long to send.
    public static func sequence(for text: String) -> String? {
        let encoded = Data(text.utf8).base64EncodedString()
        guard encoded.count <= maximumEncodedLength else { return nil }
        return "\u{1B}]52;c;\(encoded)\u{07}"
    }
}
