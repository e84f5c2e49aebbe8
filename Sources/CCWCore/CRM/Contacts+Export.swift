import CCWDomain
import GRDB

/// Exporting contacts as RFC 4180 CSV (`ccw export contacts`): the contacts of a filter in
/// name order, read in keyset pages of `pageSize` inside one read snapshot and handed to the
/// caller page by page, so a million contacts never sit in memory at once.
///
/// The header uses the import's field keys (`first_name`, `email`, `company`, ...), so an
/// exported file imports again without `--map`. Phone numbers are written in E.164, the
/// company by name, tags joined with `, `, custom fields as `custom.NAME` columns for the
/// names given in `customFields`.
extension Contacts {
    public static let exportFields: [ContactField] = [
        .firstName, .lastName, .email, .phone, .mobile, .title, .department, .company, .isPrimary,
        .addressLine1, .addressLine2, .city, .state, .postalCode, .country, .source, .leadScore, .status, .tags,
    ]

    /// Writes the header and every matching contact through `write` (CSV text, a page at a
    /// time). Returns the number of contacts written.
    @discardableResult
    public func exportCSV(_ scope: Scope, filter: ContactFilter = ContactFilter(), customFields: [String] = [],
                          pageSize: Int = 500, write: (String) throws -> Void) throws -> Int {
        try database.read(as: scope, in: .crm) { access in
            try write(CSVWriter.record(["uid"] + Self.exportFields.map(\.key) + customFields.map { "custom.\($0)" }))
            var cursor: ContactCursor?
            var written = 0
            while true {
                let page = try Self.fetch(access, filter: filter, cursor: cursor, forwards: true, limit: pageSize)
                guard let last = page.last else { break }
                let companyIds = Set(page.compactMap(\.contact.companyID?.rawValue)).sorted()
                var names: [Int64: String] = [:]
                if !companyIds.isEmpty {
                    let marks = Array(repeating: "?", count: companyIds.count).joined(separator: ", ")
                    for row in try Row.fetchAll(access.db, sql: "SELECT id, name FROM companies WHERE org_id = ? AND id IN (\(marks))",
                                                arguments: StatementArguments([access.scope.orgId] + companyIds)) {
                        names[row["id"]] = row["name"]
                    }
                }
                var text = ""
                for record in page {
                    let contact = record.contact
                    var fields = [record.stamp.uid]
                    for field in Self.exportFields {
                        fields.append(field == .company ? contact.companyID.flatMap { names[$0.rawValue] } ?? "" : field.text(of: contact))
                    }
                    fields += customFields.map { contact.customFields[$0] ?? "" }
                    text += CSVWriter.record(fields)
                }
                try write(text)
                written += page.count
                if page.count < pageSize { break }
                cursor = last.cursor
            }
            return written
        }
    }
}
