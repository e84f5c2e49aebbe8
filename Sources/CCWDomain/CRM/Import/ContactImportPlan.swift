import Foundation

/// What to do when some rows of an import are bad.
public enum ImportMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Import nothing unless every row is good.
    case allOrNothing = "all-or-nothing"
    /// Import the good rows and report the bad ones.
    case skipBadRows = "skip-bad-rows"
}

/// What to do with rows that are only *likely* duplicates (same phone, similar name at the
/// same company). Rows with an email already taken are always bad rows, since email is unique.
public enum LikelyDuplicatePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Import them and list them as flagged, for a person to merge later.
    case importAndFlag = "flag"
    /// Leave them out.
    case skip
}

/// The dry-run preview and the work list of a contact import, computed from the file alone
/// (plus the stored contacts and companies to compare with). The core runs it, shows
/// `report`, and on confirmation saves `rowsToImport` and creates `newCompanies` in one
/// transaction.
///
/// Each row is parsed through `ContactDraft` with the organization's default country (or the
/// row's own country for phone numbers). A row is bad when it has a structural problem (see
/// `MappedRecords`), a field error, or an email used by a stored contact or an earlier good
/// row. Likely duplicates are found with `DuplicateDetector` against the stored contacts and
/// the earlier good rows. Companies are matched by name ignoring case, accents and legal form
/// (`Acme GmbH` = `ACME`); names not found become new companies.
public struct ContactImportPlan: Sendable {
    public struct Row: Sendable {
        /// Line in the file where the row starts.
        public var line: Int
        /// The parsed contact (`companyID` set when the company exists), nil for a bad row.
        public var contact: Contact?
        public var companyName: String?
        /// Why the row is bad; empty for a good row.
        public var errors: [String]
        /// Likely duplicates, described (`same phone +4930… as Anna Meier (contact 12)`).
        public var duplicates: [String]

        public var isValid: Bool { errors.isEmpty }
    }

    public struct Summary: Sendable, Hashable, CustomStringConvertible {
        public var rows: Int
        public var valid: Int
        public var invalid: Int
        public var flaggedDuplicates: Int
        public var toImport: Int

        public var description: String {
            "\(rows) rows: \(valid) valid, \(invalid) invalid, \(flaggedDuplicates) likely duplicates; \(toImport) to import"
        }
    }

    public let mapping: HeaderMapping<ContactColumn>
    public let rows: [Row]
    public let mode: ImportMode
    public let duplicatePolicy: LikelyDuplicatePolicy
    /// Company names in the file that match no stored company, first spelling, file order.
    public let newCompanies: [String]

    /// - Parameters:
    ///   - records: the file's records, header first (from `CSVReader`).
    ///   - overrides: `--map "Column=field"` values.
    /// - Throws: `MappingError` when the header cannot be mapped, `InputError` for an empty file.
    public init(records: [CSVRecord], overrides: [String] = [], defaultCountry: PhoneCountry?,
                existing: [Contact] = [], companies: [Company] = [], mode: ImportMode = .allOrNothing,
                duplicatePolicy: LikelyDuplicatePolicy = .importAndFlag) throws {
        self.init(parsed: try ContactImportRows(records: records, overrides: overrides, defaultCountry: defaultCountry,
                                                companies: companies),
                  existing: existing, mode: mode, duplicatePolicy: duplicatePolicy)
    }

    /// The plan of rows already parsed, compared with `existing` (the stored contacts that
    /// share an email, a phone or a company with a row: `parsed.lookupKeys` says which) and
    /// with each other. The same plan as `init(records:…)` with the same stored contacts.
    public init(parsed: ContactImportRows, existing: [Contact] = [], mode: ImportMode = .allOrNothing,
                duplicatePolicy: LikelyDuplicatePolicy = .importAndFlag) {
        mapping = parsed.mapping
        self.mode = mode
        self.duplicatePolicy = duplicatePolicy
        var detector = DuplicateDetector(existing: existing, companyNames: parsed.companyNames)
        var emailOwners: [String: String] = [:]
        for contact in existing { if let email = contact.email { emailOwners[email.matchKey] = Self.label(contact) } }
        var lineOfEntry: [Int: Int] = [:] // detector index → line, for rows of this file
        var newCompanies: [String] = []
        var seenNew = Set<String>()
        var rows: [Row] = []
        rows.reserveCapacity(parsed.rows.count)
        for parsedRow in parsed.rows {
            var row = Row(line: parsedRow.line, contact: nil, companyName: parsedRow.companyName, errors: parsedRow.errors,
                          duplicates: [])
            if let contact = parsedRow.contact {
                if let email = contact.email, let owner = emailOwners[email.matchKey] {
                    row.errors.append("email \(email.value) is already used by \(owner)")
                }
                if row.errors.isEmpty {
                    let found = detector.matches(for: contact, companyName: row.companyName)
                    row.duplicates = found.filter { match in !match.reasons.contains { if case .sameEmail = $0 { true } else { false } } }
                        .map { match in
                            let who = lineOfEntry[match.index].map { "line \($0) (\(match.name))" }
                                ?? match.contactID.map { "\(match.name) (\($0))" } ?? match.name
                            return match.reasons.map(\.description).joined(separator: ", ") + " as " + who
                        }
                    row.contact = contact
                    lineOfEntry[existing.count + lineOfEntry.count] = row.line
                    detector.add(contact, companyName: row.companyName)
                    if let email = contact.email { emailOwners[email.matchKey] = "line \(row.line)" }
                    if let company = row.companyName, contact.companyID == nil,
                       seenNew.insert(DuplicateDetector.companyKey(company)).inserted {
                        newCompanies.append(company)
                    }
                }
            }
            rows.append(row)
        }
        self.rows = rows
        self.newCompanies = newCompanies
    }

    static func draft(_ row: MappedRow<ContactColumn>) -> ContactDraft {
        var draft = ContactDraft(customFields: row.customFields)
        for (column, text) in row.values {
            if case let .field(field) = column { draft[field] = text }
        }
        let full = row[.fullName].trimmed(newlines: false)
        if !full.isEmpty && draft[.firstName].trimmed(newlines: false).isEmpty
            && draft[.lastName].trimmed(newlines: false).isEmpty {
            let (first, last) = splitName(full)
            draft[.firstName] = first
            draft[.lastName] = last
        }
        return draft
    }

    /// `Anna Maria Meier` → (`Anna Maria`, `Meier`); `Meier, Anna` → (`Anna`, `Meier`); one
    /// word is a last name.
    public static func splitName(_ full: String) -> (first: String, last: String) {
        let text = full.trimmingCharacters(in: .whitespaces)
        if let comma = text.firstIndex(of: ",") {
            return (text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces),
                    text[..<comma].trimmingCharacters(in: .whitespaces))
        }
        guard let space = text.lastIndex(of: " ") else { return ("", text) }
        return (text[..<space].trimmingCharacters(in: .whitespaces), text[text.index(after: space)...].trimmingCharacters(in: .whitespaces))
    }

    private static func label(_ contact: Contact) -> String {
        contact.id.map { "\(contact.fullName) (\($0))" } ?? contact.fullName
    }

    /// Whether the import may go ahead: in all-or-nothing mode only when no row is bad.
    public var canImport: Bool { mode == .skipBadRows || rows.allSatisfy(\.isValid) }

    /// The rows to save: none when `canImport` is false; good rows otherwise, without likely
    /// duplicates when the policy skips them.
    public var rowsToImport: [Row] {
        guard canImport else { return [] }
        return rows.filter { $0.isValid && (duplicatePolicy == .importAndFlag || $0.duplicates.isEmpty) }
    }

    public var summary: Summary {
        let valid = rows.filter(\.isValid).count
        return Summary(rows: rows.count, valid: valid, invalid: rows.count - valid,
                       flaggedDuplicates: rows.filter { $0.isValid && !$0.duplicates.isEmpty }.count,
                       toImport: rowsToImport.count)
    }

    /// The dry-run preview: one line per bad row (`line 4: email "anna@": domain is missing`,
    /// several reasons joined by `; `), one per flagged duplicate, then unknown columns, new
    /// companies and the summary.
    public var report: [String] {
        var lines: [String] = []
        for row in rows where !row.isValid { lines.append("line \(row.line): \(row.errors.joined(separator: "; "))") }
        for row in rows where row.isValid && !row.duplicates.isEmpty {
            lines.append("line \(row.line): likely duplicate: \(row.duplicates.joined(separator: "; "))")
        }
        if !mapping.unknownHeaders.isEmpty {
            let names = mapping.unknownHeaders.map { "\"\($0.header)\"" }.joined(separator: ", ")
            lines.append("columns not imported: \(names) (use --map \"Column=field\" or --map \"Column=custom.name\" to keep them)")
        }
        if !newCompanies.isEmpty { lines.append("new companies: \(newCompanies.joined(separator: ", "))") }
        if !canImport { lines.append("nothing imported: \(summary.invalid) bad row\(summary.invalid == 1 ? "" : "s") (fix them, or import with skip-bad-rows)") }
        lines.append(summary.description)
        return lines
    }
}
