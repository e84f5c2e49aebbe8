import Foundation

/// Where one column of an import goes.
public enum ImportTarget<Field: ImportField>: Sendable, Hashable, CustomStringConvertible {
    case field(Field)
    /// A custom field of that name.
    case custom(String)
    /// Not imported.
    case ignore

    public var description: String {
        switch self {
        case let .field(field): field.key
        case let .custom(name): "custom.\(name)"
        case .ignore: "ignore"
        }
    }
}

/// The mapping problems that stop an import before any row is read.
public struct MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

/// Maps the header row of an import file to fields, by name and without fuss.
///
/// Each header is compared after `TextMatching.key` (case, accents, spaces and punctuation
/// ignored) with the field keys and their synonyms, so `E-mail`, `Email Address` and `email`
/// all land on email. Overrides in the form `Column=field` (the `--map` flag) win over the
/// automatic match; the field side accepts a key or synonym (`first name`), `custom.NAME` for
/// a custom field, and `ignore` (or `skip`, `-`) to leave a column out; a column that matched
/// the same field only by its name is then left out. Headers that match nothing are listed in
/// `unknownHeaders` and not imported.
///
/// Refused (all problems reported together): an override that is not `Column=field`, names a
/// column the file does not have or a field that does not exist; two columns landing on the
/// same field; no column for a required field.
public struct HeaderMapping<Field: ImportField>: Sendable {
    public let headers: [String]
    /// One target per column.
    public let targets: [ImportTarget<Field>]
    /// Columns that matched no field and were not mapped: (0-based column, header).
    public let unknownHeaders: [(column: Int, header: String)]

    /// - Parameter required: groups of fields of which at least one must be mapped; each group
    ///   comes with the words for the message (`"the contact's name (First name, Last name or
    ///   Name)"`).
    public init(headers: [String], overrides: [String] = [], required: [(fields: [Field], what: String)] = []) throws {
        self.headers = headers
        var problems: [String] = []
        var targets: [ImportTarget<Field>?] = headers.map { HeaderMapping.automatic($0) }
        var overridden = Set<Int>()
        for text in overrides {
            guard let equals = text.lastIndex(of: "=") else {
                problems.append("--map \"\(text)\": expected Column=field, e.g. --map \"Mail=email\"")
                continue
            }
            let column = text[..<equals].trimmingCharacters(in: .whitespaces)
            let fieldName = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let index = headers.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == column })
                    ?? headers.firstIndex(where: { TextMatching.key($0) == TextMatching.key(column) && !column.isEmpty }) else {
                problems.append("--map \"\(text)\": the file has no column \"\(column)\" (columns: \(headers.joined(separator: ", ")))")
                continue
            }
            guard let target = HeaderMapping.target(named: fieldName) else {
                let keys = Field.importable.map(\.key)
                let hint = TextMatching.suggestion(for: fieldName, among: keys).map { "; did you mean \($0)?" }
                    ?? " (fields: \(keys.joined(separator: ", ")), custom.NAME or ignore)"
                problems.append("--map \"\(text)\": unknown field \"\(fieldName)\"\(hint)")
                continue
            }
            targets[index] = target
            overridden.insert(index)
        }
        // An explicit mapping wins over a column that matched the same field by its name.
        for index in overridden {
            guard case let .field(field)? = targets[index] else { continue }
            for other in targets.indices where !overridden.contains(other) && targets[other] == .field(field) {
                targets[other] = nil
            }
        }
        var used: [Field: Int] = [:]
        for (index, target) in targets.enumerated() {
            guard case let .field(field)? = target else { continue }
            if let first = used[field] {
                problems.append("columns \"\(headers[first])\" and \"\(headers[index])\" both map to \(field.key); use --map to choose, e.g. --map \"\(headers[index])=ignore\"")
            } else {
                used[field] = index
            }
        }
        for (fields, what) in required where !fields.contains(where: { used[$0] != nil }) {
            problems.append("no column for \(what); columns: \(headers.joined(separator: ", "))")
        }
        if !problems.isEmpty { throw MappingError(problems: problems) }
        self.targets = targets.map { $0 ?? .ignore }
        var unknown: [(Int, String)] = []
        for (index, target) in targets.enumerated() where target == nil { unknown.append((index, headers[index])) }
        self.unknownHeaders = unknown
    }

    /// The field a header names by itself, or nil.
    public static func automatic(_ header: String) -> ImportTarget<Field>? {
        let key = TextMatching.key(header)
        guard !key.isEmpty else { return nil }
        if key.hasPrefix("custom"), header.contains("."), let name = header.split(separator: ".", maxSplits: 1).last {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return .custom(trimmed) }
        }
        return synonymTable[key].map { .field($0) }
    }

    /// The target a `--map` right-hand side names.
    static func target(named text: String) -> ImportTarget<Field>? {
        let lower = text.lowercased()
        if ["ignore", "skip", "-", "none"].contains(lower) { return .ignore }
        for prefix in ["custom.", "custom:"] where lower.hasPrefix(prefix) {
            let name = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : .custom(name)
        }
        let key = TextMatching.key(text)
        if let field = Field.importable.first(where: { TextMatching.key($0.key) == key }) { return .field(field) }
        return synonymTable[key].map { .field($0) }
    }

    /// Normalized key and synonyms → field; the first field claiming a key keeps it.
    static var synonymTable: [String: Field] {
        var table: [String: Field] = [:]
        for field in Field.importable {
            for name in [field.key] + field.synonyms {
                let key = TextMatching.key(name)
                if table[key] == nil { table[key] = field }
            }
        }
        return table
    }

    /// `Email Address → email, Vorname → first_name, Notes → (not imported)`, for the preview.
    public var summary: [String] {
        headers.enumerated().map { index, header in
            switch targets[index] {
            case .ignore: "\(header) → (not imported)"
            default: "\(header) → \(targets[index])"
            }
        }
    }
}
