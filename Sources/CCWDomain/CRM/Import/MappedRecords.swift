import Foundation

/// The data rows of an import file after header mapping: per row its line, the text per
/// field and per custom field, and the structural problems of the row (quoting mistakes,
/// wrong number of fields). Shared by the contact and company imports.
public struct MappedRow<Field: ImportField>: Sendable {
    public var line: Int
    public var values: [Field: String]
    public var customFields: CustomFields
    public var problems: [String]

    public subscript(field: Field) -> String { values[field] ?? "" }
}

enum MappedRecords {
    /// Maps every record after the first (the header). Rows whose fields are all empty
    /// (spreadsheets export them as `,,,`) are dropped.
    static func rows<Field>(_ records: [CSVRecord], mapping: HeaderMapping<Field>) -> [MappedRow<Field>] {
        let width = mapping.headers.count
        return records.dropFirst().compactMap { record in
            if record.fields.allSatisfy({ $0.trimmed(newlines: false).isEmpty }) { return nil }
            var row = MappedRow<Field>(line: record.line, values: [:], customFields: [:], problems: [])
            if let problem = record.problem { row.problems.append(problem) }
            if record.fields.count != width {
                row.problems.append("has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), the header has \(width) (a missing or extra comma or quote?)")
            }
            for (index, text) in record.fields.enumerated() where index < width {
                switch mapping.targets[index] {
                case let .field(field): row.values[field] = text
                case let .custom(name): row.customFields[name] = text
                case .ignore: break
                }
            }
            return row
        }
    }

    /// A row reason from a field error: the message alone when it already names the field
    /// (`email "anna@": domain is missing`), else `field: message`.
    static func reason(_ error: FieldError) -> String {
        error.message.lowercased().hasPrefix(error.field.lowercased()) ? error.message : error.description
    }
}
