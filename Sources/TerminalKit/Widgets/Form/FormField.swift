/// What a form field holds. The form only shapes entry (cycling choices, showing a currency,
/// a lookup dropdown); it never parses money or dates: the owner validates and sets `error`.
public enum FormFieldKind: Hashable, Sendable {
    case text
    /// Accepts digits and a sign only.
    case integer
    /// A money amount shown right-aligned with its currency after the input ("EUR").
    case money(currencySuffix: String)
    case date
    /// One of fixed options, cycled with Left/Right/Space.
    case choice([String])
    /// Free text with suggestions that the owner supplies while the user types.
    case lookup

    var isNumeric: Bool {
        switch self {
        case .integer, .money: return true
        default: return false
        }
    }
}

/// One field of a `Form`: its definition (label, kind, flags, hint) and its live value, error and
/// lookup suggestions.
public struct FormField: Hashable, Sendable {
    /// A stable key the owner uses to find the field ("due_date").
    public var id: String
    public var label: String
    public var kind: FormFieldKind
    public var input: TextInputState
    public var required: Bool
    public var readOnly: Bool
    public var masked: Bool
    /// Shown under the field in the muted role when there is no error ("YYYY-MM-DD, today, +7, eom").
    public var hint: String?
    /// Shown under the field with the error role and symbol; set by the owner's validation.
    public var error: String?
    /// Lookup suggestions, supplied by the owner as the user types.
    public var suggestions: [String] = []
    /// Highlighted suggestion, if any.
    public var suggestionIndex: Int?

    public init(id: String, label: String, kind: FormFieldKind = .text, value: String = "", required: Bool = false,
                readOnly: Bool = false, masked: Bool = false, hint: String? = nil) {
        self.id = id; self.label = label; self.kind = kind; self.input = TextInputState(value)
        self.required = required; self.readOnly = readOnly; self.masked = masked; self.hint = hint
        if case .choice(let options) = kind, value.isEmpty, let first = options.first { input.value = first }
    }

    /// The field's text.
    public var value: String {
        get { input.value }
        set { input.value = newValue }
    }

    /// Sets the lookup suggestions; the highlight starts on the first one.
    public mutating func setSuggestions(_ items: [String]) {
        suggestions = items
        suggestionIndex = items.isEmpty ? nil : 0
    }

    /// Moves to the next (or previous) choice option, wrapping.
    public mutating func cycleChoice(forward: Bool = true) {
        guard case .choice(let options) = kind, !options.isEmpty else { return }
        let current = options.firstIndex(of: input.value) ?? (forward ? -1 : 0)
        let next = (current + (forward ? 1 : -1) + options.count) % options.count
        input.value = options[next]
    }

    /// Applies a key meant for this field. Returns whether it was used.
    mutating func handle(_ key: KeyEvent) -> Bool {
        guard !readOnly else { return false }
        switch kind {
        case .choice:
            switch key.key {
            case .left: cycleChoice(forward: false); return true
            case .right, .char(" "): cycleChoice(forward: true); return true
            default: return false
            }
        case .lookup:
            if !suggestions.isEmpty {
                let n = suggestions.count
                switch key.key {
                case .down: suggestionIndex = ((suggestionIndex ?? -1) + 1) % n; return true
                case .up: suggestionIndex = ((suggestionIndex ?? 0) - 1 + n) % n; return true
                case .enter:
                    if let i = suggestionIndex, i < n { input.value = suggestions[i]; setSuggestions([]); return true }
                case .escape: setSuggestions([]); return true
                default: break
                }
            }
        case .integer:
            if let c = key.typedCharacter, !(c.isNumber || c == "-" || c == "+") { return false }
        default: break
        }
        return input.handle(key)
    }
}
