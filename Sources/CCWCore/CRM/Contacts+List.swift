import CCWDomain
import GRDB

/// The contact list: keyset pages sorted by name, filters, text search and counts.
///
/// The pattern of `AuditTrail`, which was measured at 1,000,000 rows:
/// - without text the list is ordered by `(last_name, first_name, id)` and a page continues
///   from a row value (`(last_name, first_name, id) > (?, ?, ?)`), which SQLite seeks to in
///   the partial index that matches the filter (`contacts_by_name`, `_by_status`,
///   `_by_owner`, `_by_company`), so a page costs the same at any depth;
/// - with text of three characters or more the trigram index drives the query
///   (`CROSS JOIN`, so SQLite does not probe the index once per contact) and only the
///   matching rows are sorted; the sort reads the narrow `contacts_search_keys` index, not the
///   wide rows, and the page's rows are read afterwards by id (a segment, which may look at
///   any column, sorts from the rows); shorter text falls back to `LIKE`;
/// - a term with thousands of matches is answered by walking the sorted list instead
///   (`ContactSearchWalk`), falling back to the trigram plan;
/// - counts of a text search stop after `cap` matches (`exact` false: "1,000+").
extension Contacts {
    /// One page in name order: after `cursor` (forwards, the first page without one).
    public func page(_ scope: Scope, filter: ContactFilter = ContactFilter(), after cursor: ContactCursor? = nil,
                     limit: Int = 50) throws -> [ContactRecord] {
        try database.read(as: scope, in: .crm) { access in
            try Self.fetch(access, filter: filter, cursor: cursor, forwards: true, limit: limit)
        }
    }

    /// One page in name order ending just before `cursor` (scrolling back up); without a
    /// cursor, the last page of the list.
    public func page(_ scope: Scope, filter: ContactFilter = ContactFilter(), before cursor: ContactCursor?,
                     limit: Int = 50) throws -> [ContactRecord] {
        try database.read(as: scope, in: .crm) { access in
            try Self.fetch(access, filter: filter, cursor: cursor, forwards: false, limit: limit)
        }
    }

    /// How many live contacts match.
    public func count(_ scope: Scope, filter: ContactFilter = ContactFilter()) throws -> Int {
        try countMatching(scope, filter: filter, cap: nil).count
    }

    /// Like `count`, but a text search stops counting after `cap` matches (`exact` false).
    public func countMatching(_ scope: Scope, filter: ContactFilter = ContactFilter(), cap: Int?) throws -> (count: Int, exact: Bool) {
        try database.read(as: scope, in: .crm) { access in
            let source = Self.source(filter)
            let limit = cap.map { " LIMIT \($0 + 1)" } ?? ""
            let request: SQL = """
                SELECT COUNT(*) FROM (SELECT 1 FROM \(literal: source) WHERE \(literal: Self.conditions(filter, scope: scope))\(literal: SQL(sql: limit)))
                """
            let n = try Int.fetchOne(access.db, SQLRequest<Int>(literal: request)) ?? 0
            if let cap, n > cap { return (cap, false) }
            return (n, true)
        }
    }

    /// `walk` nil: always the trigram plan for text of 3+ characters.
    static func fetch(_ access: ScopedDatabase, filter: ContactFilter, cursor: ContactCursor?, forwards: Bool,
                      limit: Int, walk: ContactSearchWalk? = .standard) throws -> [ContactRecord] {
        let limit = max(1, min(limit, 1000))
        // Forwards in a descending list walks the index backwards, and the other way round.
        let ascending = forwards != filter.descending
        var keyset: SQL = ""
        if let cursor {
            let op = ascending ? ">" : "<"
            let values = filter.sort.values(cursor)
            keyset = SQL(sql: " AND (\(filter.sort.columns.joined(separator: ", "))) \(op) (\(values.map { _ in "?" }.joined(separator: ", ")))",
                         arguments: StatementArguments(values))
        }
        let order = ascending ? "ASC" : "DESC"
        let orderBy = filter.sort.columns.map { "\($0) \(order)" }.joined(separator: ", ")
        if let walked = try walk?.page(access, filter: filter, keyset: keyset, orderBy: orderBy, limit: limit) {
            return forwards ? walked : walked.reversed()
        }
        let condition = conditions(filter, scope: access.scope) + keyset
        let request: SQL
        if sortsFromSearchKeys(filter) {
            request = """
                SELECT contacts.* FROM contacts WHERE contacts.id IN (
                    SELECT contacts.id FROM \(literal: source(filter)) WHERE \(literal: condition)
                    ORDER BY \(literal: SQL(sql: orderBy)) LIMIT \(limit))
                ORDER BY \(literal: SQL(sql: orderBy))
                """
        } else {
            request = """
                SELECT contacts.* FROM \(literal: source(filter)) WHERE \(literal: condition)
                ORDER BY \(literal: SQL(sql: orderBy)) LIMIT \(limit)
                """
        }
        let records = try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map(ContactRecord.init(row:))
        return forwards ? records : records.reversed()
    }

    /// The FROM clause: the trigram index first when it can answer the text, joined to the
    /// narrow search keys when those hold every column the filter and sort need.
    static func source(_ filter: ContactFilter) -> SQL {
        guard usesTrigramIndex(filter) else { return "contacts" }
        if sortsFromSearchKeys(filter) {
            return "contacts_fts f CROSS JOIN contacts INDEXED BY contacts_search_keys ON contacts.id = f.rowid"
        }
        return "contacts_fts f CROSS JOIN contacts ON contacts.id = f.rowid"
    }

    static func usesTrigramIndex(_ filter: ContactFilter) -> Bool {
        guard let text = filter.text?.nonBlank else { return false }
        return SearchIndex.matchExpression(text) != nil
    }

    /// A trigram search without a segment filters and sorts on columns `contacts_search_keys`
    /// holds (see `ContactSearchKeysMigration`).
    static func sortsFromSearchKeys(_ filter: ContactFilter) -> Bool {
        usesTrigramIndex(filter) && filter.segment == nil
    }

    static let searchColumns = ["first_name", "last_name", "email", "phone", "mobile", "title"]

    static func conditions(_ filter: ContactFilter, scope: Scope) -> SQL {
        var sql: SQL = "contacts.org_id = \(scope.orgId) AND contacts.deleted_at IS NULL"
        if let status = filter.status { sql += " AND contacts.status = \(status.rawValue)" }
        if let owner = filter.ownerId { sql += " AND contacts.owner_id = \(owner.rawValue)" }
        if let company = filter.companyId { sql += " AND contacts.company_id = \(company.rawValue)" }
        if let segment = filter.segment { sql += " AND (" + SegmentSQL.condition(segment) + ")" }
        if let text = filter.text?.nonBlank {
            if let match = SearchIndex.matchExpression(text) {
                sql += " AND contacts_fts MATCH \(match)"
            } else if let search = SearchIndex.condition(table: "contacts", columns: searchColumns, text: text) {
                sql += " AND " + search
            }
        }
        return sql
    }
}
