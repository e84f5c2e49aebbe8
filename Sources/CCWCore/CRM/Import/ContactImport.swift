import CCWDomain
import GRDB

/// Importing contacts from a CSV file (FR-1.1, `ccw import contacts`, CRM › Import).
///
/// `preview` reads the file and plans the import without writing anything: every bad row with
/// its line and reason, likely duplicates of stored contacts (same email or phone, similar
/// name at the same company) and of earlier rows, the column mapping, the companies it would
/// create. `commit` saves a preview's rows in **one write transaction**: all-or-nothing
/// refuses the whole file when any row is bad, skip-bad-rows saves the good ones. Each saved
/// contact is audited (one entry per contact, appended in one pass, see `AuditAppender`) and
/// publishes `crm.contact.created`, like `Contacts.add`; it is saved with the score the
/// organization's lead-scoring rules give it (`ImportScoring`); the contacts' search index
/// follows through its triggers.
///
/// The preview compares the file with the stored contacts it could collide with only (those
/// sharing an email, a phone or a company with a row), read through the indexes, never the
/// whole table. An email taken by another writer between preview and commit is looked up
/// again inside the commit's write transaction: that row becomes a skipped row (or refuses
/// the import, all-or-nothing).
///
/// Permissions: both steps need CRM `create` (a read-only login is refused at the preview).
public struct ContactImport: Sendable {
    let database: AppDatabase

    /// Plans an import of `csv` (text with or without a byte order mark); `mapping` holds
    /// `Column=field` overrides. Throws `CoreError.invalid` when the file or its header cannot
    /// be read (naming the line or the column).
    public func preview(_ scope: Scope, csv: String, mapping: [String] = [], mode: ImportMode = .allOrNothing,
                        duplicates: LikelyDuplicatePolicy = .importAndFlag) throws -> ContactImportPlan {
        try plan(scope, records: try ImportSupport.records(csv), mapping: mapping, mode: mode, duplicates: duplicates)
    }

    /// `preview` for the raw bytes of a file; anything but UTF-8 is refused with its line.
    public func preview(_ scope: Scope, bytes: [UInt8], mapping: [String] = [], mode: ImportMode = .allOrNothing,
                        duplicates: LikelyDuplicatePolicy = .importAndFlag) throws -> ContactImportPlan {
        try plan(scope, records: try ImportSupport.records(bytes), mapping: mapping, mode: mode, duplicates: duplicates)
    }

    /// Saves the rows of `plan` in one transaction (the contacts with one statement, see
    /// `BulkRowWriter.insertAll`). `progress` is called with (saved, total) once they are saved.
    public func commit(_ scope: Scope, plan: ContactImportPlan, mode: ImportMode,
                       progress: ((Int, Int) -> Void)? = nil) throws -> ImportOutcome {
        let bad = plan.rows.filter { !$0.isValid }
        if mode == .allOrNothing && !bad.isEmpty { throw ImportSupport.badRows(bad.map { ($0.line, $0.errors) }) }
        var skipped = bad.map { ImportOutcome.Skipped(line: $0.line, reason: $0.errors.joined(separator: "; ")) }
        var rows: [ContactImportPlan.Row] = []
        for row in plan.rows where row.isValid {
            if plan.duplicatePolicy == .skip && !row.duplicates.isEmpty {
                skipped.append(.init(line: row.line, reason: "likely duplicate: " + row.duplicates.joined(separator: "; ")))
            } else {
                rows.append(row)
            }
        }
        return try database.write(as: scope, .create, in: .crm) { access in try ImportPageCache.run(access.db) {
            var companies = try Self.companyKeys(access)
            var newCompanies: [CompanyID: Company] = [:]
            var created: [String] = []
            let audit = try AuditAppender(access.db, actor: access.scope.actor)
            let companyWriter = BulkRowWriter(access, audit: audit, table: Companies.table, entity: Companies.entity,
                                              columns: Self.companyColumns)
            var names: [String] = []
            var seen = Set<String>()
            for name in plan.newCompanies where companies[DuplicateDetector.companyKey(name)] == nil {
                if seen.insert(DuplicateDetector.companyKey(name)).inserted { names.append(name) }
            }
            let inserted = try companyWriter.insertAll(names.map { name in
                var columns = CompanyRecord.columns(Company(name: name))
                columns["owner_id"] = access.scope.userId
                return .init(values: columns.databaseValues(Self.companyColumns), summary: "company \(name) added by a contact import",
                             event: "crm.company.created", payload: ["name": .string(name)])
            })
            for (name, row) in zip(names, inserted) {
                companies[DuplicateDetector.companyKey(name)] = CompanyID(row.id)
                newCompanies[CompanyID(row.id)] = Company(name: name)
                created.append(name)
            }
            var scoring = try ImportScoring(access)
            let writer = BulkRowWriter(access, audit: audit, table: Contacts.table, entity: Contacts.entity,
                                       columns: Self.contactColumns)
            // An email saved by someone else since the preview: that row is refused (the
            // transaction holds the write lock, so nothing can take one in between any more).
            let taken = try Self.takenEmails(access, rows.compactMap { $0.contact?.email?.matchKey })
            var pending: [BulkRowWriter.Pending] = []
            var flagged = 0
            for row in rows {
                guard var contact = row.contact else { continue }
                if let email = contact.email, taken.contains(email.matchKey) {
                    let reason = "email \(email.value) was added by someone else since the preview"
                    if mode == .allOrNothing { throw CoreError.invalid("line \(row.line)", reason) }
                    skipped.append(.init(line: row.line, reason: reason))
                    continue
                }
                if contact.companyID == nil, let name = row.companyName {
                    contact.companyID = companies[DuplicateDetector.companyKey(name)]
                }
                contact = try scoring.scored(contact, newCompany: contact.companyID.flatMap { newCompanies[$0] })
                var columns = ContactRecord.columns(contact)
                columns["owner_id"] = access.scope.userId
                pending.append(.init(values: columns.databaseValues(Self.contactColumns),
                                     summary: "contact \(contact.fullName) imported (line \(row.line))",
                                     event: "crm.contact.created", payload: ["name": .string(contact.fullName)]))
                if !row.duplicates.isEmpty { flagged += 1 }
            }
            let imported = try writer.insertAll(pending).count
            try audit.finish()
            progress?(rows.count, rows.count)
            skipped.sort { $0.line < $1.line }
            return ImportOutcome(imported: imported, skipped: skipped, flaggedDuplicates: flagged, companiesCreated: created)
        } }
    }

    // MARK: Planning

    func plan(_ scope: Scope, records: [CSVRecord], mapping: [String], mode: ImportMode,
              duplicates: LikelyDuplicatePolicy) throws -> ContactImportPlan {
        try scope.require(.create, in: .crm)
        return try database.read(as: scope, in: .crm) { access in
            let country = try CRMStore.defaultCountry(access)
            let companies = try Self.companies(access)
            return try ImportSupport.plan {
                // The file is parsed once; its emails, phones and companies say which stored
                // contacts to compare it with.
                let parsed = try ContactImportRows(records: records, overrides: mapping, defaultCountry: country,
                                                   companies: companies)
                let existing = try Self.candidates(access, for: parsed.lookupKeys)
                return ContactImportPlan(parsed: parsed, existing: existing, mode: mode, duplicatePolicy: duplicates)
            }
        }
    }

    /// Every live company's id and name (what company names in the file are matched against).
    static func companies(_ access: ScopedDatabase) throws -> [Company] {
        try Row.fetchAll(access.db, sql: "SELECT id, name, website FROM companies WHERE org_id = ? AND deleted_at IS NULL",
                         arguments: [access.scope.orgId])
            .map { Company(id: CompanyID($0["id"] as Int64), name: $0["name"], website: $0["website"]) }
    }

    static func companyKeys(_ access: ScopedDatabase) throws -> [String: CompanyID] {
        var keys: [String: CompanyID] = [:]
        for company in try companies(access) {
            guard let id = company.id else { continue }
            let key = DuplicateDetector.companyKey(company.name)
            if keys[key] == nil { keys[key] = id }
        }
        return keys
    }

    /// The stored live contacts that share an email, a phone or a company with a row of the
    /// file, holding what the duplicate check reads of them: id and name always; email,
    /// phone, mobile and company for those found by email or phone (the only ones an email or
    /// phone of the file can match); company for those found by company, read from the
    /// `contacts_by_company` index alone. Sorted by id.
    static func candidates(_ access: ScopedDatabase, for keys: ContactImportRows.LookupKeys) throws -> [Contact] {
        var found: [Int64: Contact] = [:]
        found.reserveCapacity(keys.emails.count + keys.phones.count + keys.companies.count * 24)
        let org = access.scope.orgId
        func batches<T: DatabaseValueConvertible>(_ values: [T], _ body: (String, StatementArguments) throws -> Void) throws {
            for start in stride(from: 0, to: values.count, by: 500) {
                let batch = values[start..<min(start + 500, values.count)]
                try body(Array(repeating: "?", count: batch.count).joined(separator: ", "),
                         StatementArguments([org] + batch.map { $0 as any DatabaseValueConvertible }))
            }
        }
        func full(_ condition: String, _ values: [String]) throws {
            try batches(values) { marks, arguments in
                let rows = try Row.fetchCursor(access.db, sql: """
                    SELECT id, first_name, last_name, email, phone, mobile, company_id FROM contacts
                    WHERE org_id = ? AND deleted_at IS NULL AND \(condition) IN (\(marks))
                    """, arguments: arguments)
                while let row = try rows.next() {
                    let id: Int64 = row[0]
                    guard found[id] == nil else { continue }
                    found[id] = Contact(id: ContactID(id), firstName: row[1], lastName: row[2], email: CRMStore.email(row[3]),
                                        phone: CRMStore.phone(row[4]), mobile: CRMStore.phone(row[5]),
                                        companyID: (row[6] as Int64?).map { CompanyID($0) })
                }
            }
        }
        try full("email_key", keys.emails.sorted())
        try full("phone", keys.phones.sorted())
        try full("mobile", keys.phones.sorted())
        // By company: a contact found here and not above has no email or phone of the file,
        // so only its name and company take part in the comparison.
        try batches(keys.companies.map(\.rawValue).sorted()) { marks, arguments in
            let rows = try Row.fetchCursor(access.db, sql: """
                SELECT id, first_name, last_name, company_id FROM contacts INDEXED BY contacts_by_company
                WHERE org_id = ? AND deleted_at IS NULL AND company_id IN (\(marks))
                """, arguments: arguments)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard found[id] == nil else { continue }
                found[id] = Contact(id: ContactID(id), firstName: row[1], lastName: row[2],
                                    companyID: CompanyID(row[3] as Int64))
            }
        }
        return found.keys.sorted().map { found[$0]! }
    }

    /// Which of `emails` (match keys) a stored live contact holds.
    static func takenEmails(_ access: ScopedDatabase, _ emails: [String]) throws -> Set<String> {
        var taken = Set<String>()
        for start in stride(from: 0, to: emails.count, by: 500) {
            let batch = Array(emails[start..<min(start + 500, emails.count)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ", ")
            taken.formUnion(try String.fetchAll(access.db, sql: """
                SELECT email_key FROM contacts WHERE org_id = ? AND deleted_at IS NULL AND email_key IN (\(marks))
                """, arguments: StatementArguments([access.scope.orgId] + batch)))
        }
        return taken
    }

    static let contactColumns: [String] = ContactRecord.columns(Contact(firstName: "", lastName: "")).keys.sorted() + ["owner_id"]
    static let companyColumns: [String] = CompanyRecord.columns(Company(name: "")).keys.sorted() + ["owner_id"]
}

extension AppDatabase {
    public var contactImport: ContactImport { ContactImport(database: self) }
}
