/// The fields of a form with their values, plus which one has focus and the vertical scroll.
/// The owner reads values and sets errors by field id; `handle(_:)` does the editing.
public struct FormState: Hashable, Sendable {
    public var fields: [FormField]
    /// Index of the focused field (never a read-only one while an editable one exists).
    public private(set) var focusedIndex: Int
    /// First content row shown; `Form` keeps the focused field visible.
    public var scroll: Int = 0

    public init(fields: [FormField]) {
        self.fields = fields
        self.focusedIndex = fields.firstIndex(where: { !$0.readOnly }) ?? 0
    }

    public var focusedField: FormField? { fields.indices.contains(focusedIndex) ? fields[focusedIndex] : nil }

    /// The field with `id`.
    public subscript(id: String) -> FormField? {
        get { fields.first { $0.id == id } }
        set {
            guard let i = fields.firstIndex(where: { $0.id == id }), let newValue else { return }
            fields[i] = newValue
        }
    }

    /// The value of the field with `id` ("" when there is none).
    public func value(_ id: String) -> String { self[id]?.value ?? "" }
    public mutating func setValue(_ value: String, for id: String) { self[id]?.value = value }
    /// Sets (or clears, with nil) the inline error of a field.
    public mutating func setError(_ message: String?, for id: String) { self[id]?.error = message }
    public mutating func clearErrors() { for i in fields.indices { fields[i].error = nil } }
    public var hasErrors: Bool { fields.contains { $0.error != nil } }
    /// Ids of required fields that are empty.
    public var missingRequired: [String] {
        fields.filter { $0.required && $0.value.trimmingSpaces.isEmpty }.map(\.id)
    }

    // MARK: Focus

    public mutating func focus(id: String) {
        if let i = fields.firstIndex(where: { $0.id == id }) { focus(index: i) }
    }
    public mutating func focus(index: Int) {
        guard fields.indices.contains(index) else { return }
        closeSuggestions()
        focusedIndex = index
    }
    /// Focuses the next editable field, wrapping around.
    public mutating func focusNext() { step(1) }
    /// Focuses the previous editable field, wrapping around.
    public mutating func focusPrevious() { step(-1) }

    private mutating func step(_ d: Int) {
        guard !fields.isEmpty else { return }
        var i = focusedIndex
        for _ in 0..<fields.count {
            i = (i + d + fields.count) % fields.count
            if !fields[i].readOnly { focus(index: i); return }
        }
    }

    private mutating func closeSuggestions() {
        if fields.indices.contains(focusedIndex) { fields[focusedIndex].setSuggestions([]) }
    }

    /// Applies a key: the focused field's editing keys first (text editing, choice cycling, lookup
    /// Up/Down/Enter), then Tab / Enter / Down to the next field and Shift-Tab / Up to the previous.
    /// Returns whether the key was used; Ctrl-S, Esc and the like are left to the owner.
    public mutating func handle(_ key: KeyEvent) -> Bool {
        if fields.indices.contains(focusedIndex), fields[focusedIndex].handle(key) { return true }
        switch key.key {
        case .tab: key.modifiers.contains(.shift) ? focusPrevious() : focusNext()
        case .enter, .down: focusNext()
        case .up: focusPrevious()
        default: return false
        }
        return true
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
