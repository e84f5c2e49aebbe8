import CCWDomain
import GRDB

/// A segment (saved contact filter) as an SQL condition on `contacts`, so a segment lists,
/// pages and counts like any other filter, in the database.
///
/// It must hold exactly the contacts `Segment.contains` holds: text is compared folded (case,
/// accents and width ignored, whitespace collapsed) through `ccw_fold`, the same
/// `TextMatching.fold` the domain uses; empty values never match; tags match one by one;
/// numbers come from `ccw_int` (a whole number after trimming, else no number); company
/// facts are read from the contact's company. `SegmentSQLTests` checks SQL against the
/// domain on generated contacts.
enum SegmentSQL {
    static let functions: [DatabaseFunction] = [
        DatabaseFunction("ccw_fold", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(TextMatching.fold)
        },
        DatabaseFunction("ccw_int", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        },
    ]

    static func condition(_ segment: Segment) -> SQL {
        guard !segment.conditions.isEmpty else { return "1" }
        let parts = segment.conditions.map { "(" + condition($0) + ")" }
        return parts.joined(separator: segment.match == .all ? " AND " : " OR ")
    }

    static func condition(_ c: ContactCondition) -> SQL {
        if case .tags = c.attribute {
            return "EXISTS (SELECT 1 FROM json_each(contacts.tags) t WHERE " + test(c.test, text: "t.value", number: nil) + ")"
        }
        return test(c.test, text: text(c.attribute), number: number(c.attribute))
    }

    /// The attribute as text (NULL or empty when the contact has none).
    static func text(_ a: ContactCondition.Attribute) -> SQL {
        switch a {
        case .firstName: "contacts.first_name"
        case .lastName: "contacts.last_name"
        case .email: "contacts.email"
        case .emailDomain: "substr(contacts.email, instr(contacts.email, '@') + 1)"
        case .title: "contacts.title"
        case .department: "contacts.department"
        case .status: "contacts.status"
        case .source: "contacts.source"
        case .tags: "NULL"
        case .city: "contacts.city"
        case .country: "contacts.country"
        case .leadScore: "CAST(contacts.lead_score AS TEXT)"
        case .companyName: company("name")
        case .industry: company("industry")
        case .companySize: company("employee_count")
        case let .customField(name): "json_extract(contacts.custom_fields, \(path(name)))"
        }
    }

    /// The attribute as a number, for `at least`; nil when it never holds one.
    static func number(_ a: ContactCondition.Attribute) -> SQL? {
        switch a {
        case .leadScore: "contacts.lead_score"
        // A band such as "201-500" or "10001+" starts with its minimum.
        case .companySize: "CAST(" + company("employee_count") + " AS INTEGER)"
        case let .customField(name): "ccw_int(json_extract(contacts.custom_fields, \(path(name))))"
        default: nil
        }
    }

    static func company(_ column: String) -> SQL {
        SQL(sql: "(SELECT companies.\(column) FROM companies WHERE companies.id = contacts.company_id)")
    }

    /// `$."name"`: a JSON path that takes any custom field name literally.
    static func path(_ name: String) -> SQL {
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\("$.\"" + escaped + "\"")"
    }

    static func test(_ t: ContactCondition.Test, text: SQL, number: SQL?) -> SQL {
        switch t {
        case let .equals(value):
            let key = TextMatching.fold(value)
            return "ccw_fold(" + text + ") = \(key)"
        case let .contains(part):
            let key = TextMatching.fold(part)
            guard !key.isEmpty else { return "0" }
            return "instr(ccw_fold(" + text + "), \(key)) > 0"
        case let .inList(options):
            let keys = options.map(TextMatching.fold)
            guard !keys.isEmpty else { return "0" }
            return "ccw_fold(" + text + ") IN \(keys)"
        case let .atLeast(minimum):
            guard let number else { return "0" }
            return "(" + number + ") >= \(minimum)"
        }
    }
}
