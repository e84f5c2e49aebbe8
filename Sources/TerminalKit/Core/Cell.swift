/// One screen cell: a grapheme and its style. A wide grapheme fills its cell and marks the next
/// cell as a continuation (`isContinuation`), which holds no text of its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text; self.style = style; self.isContinuation = isContinuation
    }
    public static let blank = Cell()
}
