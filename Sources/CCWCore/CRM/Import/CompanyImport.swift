import CCWDomain
import GRDB

/// Importing companies from a CSV file (FR-1.2, `ccw import companies`), the counterpart of
/// `ContactImport` with the same preview, modes and write path.
///
/// Parent companies named in the file are linked to stored companies at the preview, or to
/// rows of the same file: those rows are saved parents first, so each company is written
/// once, with its parent, and audited once.
public struct CompanyImport: Sendable {
    let database: AppDatabase

    public func preview(_ scope: Scope, csv: String, mapping: [String] = [], mode: ImportMode = .allOrNothing,
                        duplicates: LikelyDuplicatePolicy = .importAndFlag) throws -> CompanyImportPlan {
        try plan(scope, records: try ImportSupport.records(csv), mapping: mapping, mode: mode, duplicates: duplicates)
    }

    public func preview(_ scope: Scope, bytes: [UInt8], mapping: [String] = [], mode: ImportMode = .allOrNothing,
                        duplicates: LikelyDuplicatePolicy = .importAndFlag) throws -> CompanyImportPlan {
        try plan(scope, records: try ImportSupport.records(bytes), mapping: mapping, mode: mode, duplicates: duplicates)
    }

    /// Saves the rows of `plan` in one transaction, parents before their subsidiaries.
    public func commit(_ scope: Scope, plan: CompanyImportPlan, mode: ImportMode,
                       progress: ((Int, Int) -> Void)? = nil) throws -> ImportOutcome {
        let bad = plan.rows.filter { !$0.isValid }
        if mode == .allOrNothing && !bad.isEmpty { throw ImportSupport.badRows(bad.map { ($0.line, $0.errors) }) }
        var skipped = bad.map { ImportOutcome.Skipped(line: $0.line, reason: $0.errors.joined(separator: "; ")) }
        var pending: [CompanyImportPlan.Row] = []
        for row in plan.rows where row.isValid {
            if plan.duplicatePolicy == .skip && !row.duplicates.isEmpty {
                skipped.append(.init(line: row.line, reason: "likely duplicate: " + row.duplicates.joined(separator: "; ")))
            } else {
                pending.append(row)
            }
        }
        let total = pending.count
        return try database.write(as: scope, .create, in: .crm) { access in try ImportPageCache.run(access.db) {
            let audit = try AuditAppender(access.db, actor: access.scope.actor)
            let writer = BulkRowWriter(access, audit: audit, table: Companies.table, entity: Companies.entity,
                                       columns: ContactImport.companyColumns)
            var savedByKey: [String: CompanyID] = [:]
            var imported = 0
            var flagged = 0
            // Rows whose parent is another row wait until that row is saved (the plan has
            // already refused loops and rows under a bad parent): each wave is the rows whose
            // parents are saved, written with one statement (`BulkRowWriter.insertAll`).
            while !pending.isEmpty {
                var waiting: [CompanyImportPlan.Row] = []
                var wave: [(row: CompanyImportPlan.Row, company: Company)] = []
                for row in pending {
                    guard var company = row.company else { continue }
                    if let parent = row.parentInFile {
                        guard let id = savedByKey[DuplicateDetector.companyKey(parent)] else { waiting.append(row); continue }
                        company.parentCompanyID = id
                    }
                    wave.append((row, company))
                }
                let inserted = try writer.insertAll(wave.map { row, company in
                    var columns = CompanyRecord.columns(company)
                    columns["owner_id"] = access.scope.userId
                    return .init(values: columns.databaseValues(ContactImport.companyColumns),
                                 summary: "company \(company.name) imported (line \(row.line))",
                                 event: "crm.company.created", payload: ["name": .string(company.name)])
                })
                for ((row, company), saved) in zip(wave, inserted) {
                    let key = DuplicateDetector.companyKey(company.name)
                    if savedByKey[key] == nil { savedByKey[key] = CompanyID(saved.id) }
                    imported += 1
                    if !row.duplicates.isEmpty { flagged += 1 }
                }
                progress?(imported, total)
                if waiting.count == pending.count {
                    // Cannot happen after the plan's checks; refuse rather than loop.
                    throw CoreError.rule("line \(waiting[0].line): parent company \"\(waiting[0].parentInFile ?? "")\" was not saved")
                }
                pending = waiting
            }
            try audit.finish()
            progress?(total, total)
            skipped.sort { $0.line < $1.line }
            return ImportOutcome(imported: imported, skipped: skipped, flaggedDuplicates: flagged, companiesCreated: [])
        } }
    }

    func plan(_ scope: Scope, records: [CSVRecord], mapping: [String], mode: ImportMode,
              duplicates: LikelyDuplicatePolicy) throws -> CompanyImportPlan {
        try scope.require(.create, in: .crm)
        return try database.read(as: scope, in: .crm) { access in
            let country = try CRMStore.defaultCountry(access)
            let existing = try ContactImport.companies(access)
            return try ImportSupport.plan {
                try CompanyImportPlan(records: records, overrides: mapping, defaultCountry: country,
                                      currency: access.scope.baseCurrency, existing: existing, mode: mode,
                                      duplicatePolicy: duplicates)
            }
        }
    }
}

extension AppDatabase {
    public var companyImport: CompanyImport { CompanyImport(database: self) }
}
