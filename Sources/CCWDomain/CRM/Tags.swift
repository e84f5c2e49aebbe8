import Foundation

/// Tags on contacts, deals and tasks: short labels such as `vip` or `trade-fair-2026`.
///
/// A tag list is kept normalized: each tag trimmed, empty ones dropped, duplicates removed
/// ignoring case (the first spelling wins), order of first appearance kept.
public enum Tags {
    public static let maxLength = 50

    /// Normalizes a list of tags as described above.
    public static func normalize(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in tags {
            let clean = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !clean.isEmpty, seen.insert(clean.lowercased()).inserted else { continue }
            result.append(clean)
        }
        return result
    }

    /// Splits text typed into a tag field or held in a CSV cell: tags are separated by commas,
    /// semicolons or vertical bars (`vip, fair-2026`).
    public static func parse(_ text: String) -> [String] {
        normalize(text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }).map(String.init))
    }

    /// The union of two lists, `first`'s tags first.
    public static func union(_ first: [String], _ second: [String]) -> [String] { normalize(first + second) }

    /// True when `tags` holds `tag`, ignoring case and surrounding space.
    public static func contains(_ tags: [String], _ tag: String) -> Bool {
        let key = tag.trimmingCharacters(in: .whitespaces).lowercased()
        return tags.contains { $0.lowercased() == key }
    }

    /// Messages for tags that are too long or contain a separator.
    public static func validate(_ tags: [String], field: String = "tags") -> [FieldError] {
        tags.compactMap { tag in
            if tag.count > maxLength { return FieldError(field: field, message: "tag \"\(tag)\" is longer than \(maxLength) characters") }
            if tag.contains(where: { $0 == "," || $0 == ";" || $0 == "|" }) {
                return FieldError(field: field, message: "tag \"\(tag)\" may not contain , ; or |")
            }
            return nil
        }
    }
}

/// Custom fields an organization adds to contacts, companies, deals and tasks: name → value
/// text (stored as a JSON object). Names are compared as given; values are kept as typed.
public typealias CustomFields = [String: String]

enum CustomFieldRules {
    static func validate(_ fields: CustomFields) -> [FieldError] {
        var errors: [FieldError] = []
        for name in fields.keys.sorted() {
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError(field: "custom fields", message: "a custom field has no name"))
            } else if name.count > 64 {
                errors.append(FieldError(field: "custom fields", message: "name \"\(name)\" is longer than 64 characters"))
            } else if let value = fields[name], value.count > 2000 {
                errors.append(FieldError(field: name, message: "value is longer than 2000 characters"))
            }
        }
        return errors
    }
}
