import Foundation

/// The dry-run preview and work list of a company import; the counterpart of
/// `ContactImportPlan` with the same modes and report shape.
///
/// A row is bad when it has a structural problem, a field that does not parse (email, phone,
/// employees, annual revenue in the organization's currency, status) or a rule of
/// `Company.validate()` broken, or a parent company that is neither stored nor in the file.
/// Parent links inside the file that loop are bad rows too, each naming the loop. Likely
/// duplicates (same name ignoring case, accents and legal form, or same web site domain, as
/// a stored company or an earlier good row) are flagged.
public struct CompanyImportPlan: Sendable {
    public struct Row: Sendable {
        public var line: Int
        /// The parsed company (`parentCompanyID` set when the parent is stored), nil when bad.
        public var company: Company?
        /// The parent's name when the parent is another row of the file (linked after saving).
        public var parentInFile: String?
        public var errors: [String]
        public var duplicates: [String]
        public var isValid: Bool { errors.isEmpty }
    }

    public let mapping: HeaderMapping<CompanyField>
    public let rows: [Row]
    public let mode: ImportMode
    public let duplicatePolicy: LikelyDuplicatePolicy

    public init(records: [CSVRecord], overrides: [String] = [], defaultCountry: PhoneCountry?, currency: CurrencyCode,
                existing: [Company] = [], mode: ImportMode = .allOrNothing,
                duplicatePolicy: LikelyDuplicatePolicy = .importAndFlag) throws {
        guard let header = records.first else { throw InputError("the file is empty (expected a header row and companies)") }
        mapping = try HeaderMapping(headers: header.fields, overrides: overrides,
                                    required: [([.name], "the company name (e.g. \"Company\" or \"Name\")")])
        self.mode = mode
        self.duplicatePolicy = duplicatePolicy
        var storedByName: [String: Company] = [:]
        var storedByDomain: [String: Company] = [:]
        for company in existing {
            storedByName[DuplicateDetector.companyKey(company.name)] = storedByName[DuplicateDetector.companyKey(company.name)] ?? company
            if let domain = company.websiteDomain { storedByDomain[domain] = storedByDomain[domain] ?? company }
        }
        let mapped = MappedRecords.rows(records, mapping: mapping)
        let fileNames = Dictionary(mapped.map { (DuplicateDetector.companyKey($0[.name]), $0.line) }, uniquingKeysWith: { a, _ in a })
        var seenName: [String: Int] = [:]
        var seenDomain: [String: Int] = [:]
        var parentKeyOfLine: [Int: String] = [:]
        var rows: [Row] = []
        for source in mapped {
            var row = Row(line: source.line, company: nil, parentInFile: nil, errors: source.problems, duplicates: [])
            var errors = ValidationErrors()
            func text(_ field: CompanyField) -> String { source[field].trimmingCharacters(in: .whitespacesAndNewlines) }
            func optional<T>(_ field: CompanyField, _ label: String, _ parse: (String) throws -> T) -> T? {
                let value = text(field)
                return value.isEmpty ? nil : errors.check(label) { try parse(value) }
            }
            let country = ContactDraft.phoneCountry(named: text(.country)) ?? defaultCountry
            var company = Company(name: text(.name), legalName: text(.legalName), industry: text(.industry), website: text(.website))
            company.employeeCount = optional(.employeeCount, "employees") { try CompanySize(parsing: $0) }
            company.annualRevenue = optional(.annualRevenue, "annual revenue") { try Money.parse($0, currency: currency) }
            company.phone = optional(.phone, "phone") { try PhoneNumber($0, defaultCountry: country) }
            company.email = optional(.email, "email") { try EmailAddress($0) }
            company.status = optional(.status, "status") { try CompanyStatus(parsing: $0) } ?? .active
            company.address = PostalAddress(line1: text(.addressLine1), line2: text(.addressLine2), city: text(.city),
                                            state: text(.state), postalCode: text(.postalCode), country: text(.country))
            company.tags = Tags.parse(source[.tags])
            company.customFields = source.customFields.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
            for error in company.validate() where errors[error.field] == nil { errors.add(error) }
            row.errors += errors.errors.map(MappedRecords.reason)
            let parent = text(.parentCompany)
            if !parent.isEmpty {
                let key = DuplicateDetector.companyKey(parent)
                if key == DuplicateDetector.companyKey(company.name) {
                    row.errors.append("parent company: a company cannot be its own parent")
                } else if let stored = storedByName[key] {
                    company.parentCompanyID = stored.id
                } else if fileNames[key] != nil {
                    row.parentInFile = parent
                    parentKeyOfLine[source.line] = key
                } else {
                    row.errors.append("parent company \"\(parent)\" is neither stored nor in this file")
                }
            }
            if row.errors.isEmpty {
                let key = DuplicateDetector.companyKey(company.name)
                if let stored = storedByName[key] { row.duplicates.append("same name as \(stored.name)\(stored.id.map { " (\($0))" } ?? "")") }
                else if let line = seenName[key] { row.duplicates.append("same name as line \(line)") }
                if let domain = company.websiteDomain {
                    if let stored = storedByDomain[domain] { row.duplicates.append("same web site \(domain) as \(stored.name)") }
                    else if let line = seenDomain[domain] { row.duplicates.append("same web site \(domain) as line \(line)") }
                    seenDomain[domain] = seenDomain[domain] ?? source.line
                }
                seenName[key] = seenName[key] ?? source.line
                row.company = company
            }
            rows.append(row)
        }
        // Parent links inside the file must not loop.
        let lineOfKey = Dictionary(rows.compactMap { row in row.company.map { (DuplicateDetector.companyKey($0.name), row.line) } },
                                   uniquingKeysWith: { a, _ in a })
        let nameOfLine = Dictionary(uniqueKeysWithValues: rows.map { ($0.line, $0.company?.name) })
        for index in rows.indices {
            var path = [rows[index].company?.name ?? ""]
            var line = rows[index].line
            var visited: Set<Int> = [line]
            while let key = parentKeyOfLine[line], let next = lineOfKey[key] {
                path.append((nameOfLine[next] ?? nil) ?? key)
                if !visited.insert(next).inserted {
                    if next == rows[index].line {
                        rows[index].errors.append("parent company: the chain would loop: \(path.joined(separator: " → "))")
                        rows[index].company = nil
                    }
                    break
                }
                line = next
            }
        }
        // A row whose parent row is bad cannot be linked either (repeat until nothing changes).
        var changed = true
        while changed {
            changed = false
            for index in rows.indices where rows[index].isValid {
                guard let key = parentKeyOfLine[rows[index].line], let parentLine = fileNames[key],
                      let parent = rows.first(where: { $0.line == parentLine }), !parent.isValid else { continue }
                rows[index].errors.append("parent company \"\(rows[index].parentInFile ?? key)\" is a bad row (line \(parentLine))")
                rows[index].company = nil
                changed = true
            }
        }
        self.rows = rows
    }

    public var canImport: Bool { mode == .skipBadRows || rows.allSatisfy(\.isValid) }

    public var rowsToImport: [Row] {
        guard canImport else { return [] }
        return rows.filter { $0.isValid && (duplicatePolicy == .importAndFlag || $0.duplicates.isEmpty) }
    }

    public var summary: ContactImportPlan.Summary {
        let valid = rows.filter(\.isValid).count
        return .init(rows: rows.count, valid: valid, invalid: rows.count - valid,
                     flaggedDuplicates: rows.filter { $0.isValid && !$0.duplicates.isEmpty }.count, toImport: rowsToImport.count)
    }

    /// Bad rows with their line and reasons, flagged duplicates, unknown columns, summary.
    public var report: [String] {
        var lines = rows.filter { !$0.isValid }.map { "line \($0.line): \($0.errors.joined(separator: "; "))" }
        lines += rows.filter { $0.isValid && !$0.duplicates.isEmpty }.map { "line \($0.line): likely duplicate: \($0.duplicates.joined(separator: "; "))" }
        if !mapping.unknownHeaders.isEmpty {
            lines.append("columns not imported: " + mapping.unknownHeaders.map { "\"\($0.header)\"" }.joined(separator: ", "))
        }
        lines.append(summary.description)
        return lines
    }
}
