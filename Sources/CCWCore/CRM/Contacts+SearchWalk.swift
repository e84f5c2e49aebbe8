import CCWDomain
import GRDB

/// A text search that matches many contacts, answered by walking the list in its own order.
///
/// The trigram plan reads every match and looks up its sort keys before it can sort them:
/// "mann" is in one contact of eight, 120,000 at a million contacts, about 70 ms for a page.
/// Yet the first page of such a term lies within the first few hundred rows of the list. So
/// when the trigram index reports at least `probeLimit` matches, the page is read by walking
/// the index the list is sorted by (as without text, from the same cursor), in one of two ways:
/// - **tested**: each row is tested with `SearchIndex.rowTest` (`LIKE`, for terms in ASCII),
///   for at most `budget` rows, when the matches are dense enough that the budget should
///   hold one and a half pages;
/// - **by membership**: when the term has at least `manyMatches` matches, the walk asks, per
///   row, whether the id is among the trigram matches (SQLite builds that set once, about
///   0.3 µs a match), for at most `membershipBudget` rows; the page's rows are read afterwards
///   by id. This answers terms the tested walk cannot: outside ASCII, or whose matches are not
///   near the top of the list ("ski" in Polish surnames: 100 matches within 7,200 rows).
///
/// Every row before the page's last was tested, so a full page found within the budget, or the
/// end of the list reached, is exactly the page the trigram plan would return. Otherwise (the
/// matches sit elsewhere in the alphabet) the caller runs the trigram plan. A tested walk whose
/// rate of matches cannot fill the page within its budget gives way early.
struct ContactSearchWalk: Sendable {
    /// Matches the trigram index is asked for to judge a term.
    var probeLimit = 2_000
    /// The fewest rows a tested walk may test before giving up (at least forty per page row).
    var minimumBudget = 2_000
    /// Matches from which the trigram plan's sort costs more than a walk by membership.
    var manyMatches = 20_000
    /// The fewest rows a walk by membership may read before giving up (at least 200 per
    /// page row).
    var minimumMembershipBudget = 20_000

    /// What the contact list uses.
    static let standard = ContactSearchWalk()

    /// Rows of the list a tested walk may test before giving up.
    func budget(limit: Int) -> Int { max(minimumBudget, limit * 40) }

    /// Rows of the list a walk by membership may read before giving up.
    func membershipBudget(limit: Int) -> Int { max(minimumMembershipBudget, limit * 200) }

    /// The page, or nil when no walk applies or none found it within its budget.
    func page(_ access: ScopedDatabase, filter: ContactFilter, keyset: SQL, orderBy: String,
              limit: Int) throws -> [ContactRecord]? {
        guard filter.segment == nil, let text = filter.text?.nonBlank, let match = SearchIndex.matchExpression(text) else {
            return nil
        }
        let probe = try Self.probe(access.db, match: match, limit: probeLimit)
        guard probe.count >= probeLimit else { return nil }
        var unfiltered = filter
        unfiltered.text = nil
        let listed = Contacts.conditions(unfiltered, scope: access.scope) + keyset
        if let test = SearchIndex.rowTest(qualifier: "contacts", columns: Contacts.searchColumns, text: text),
           probe.density * Double(budget(limit: limit)) >= 1.5 * Double(limit),
           let page = try testedWalk(access.db, test: test, listed: listed, orderBy: orderBy, limit: limit) {
            return page
        }
        guard try Self.probe(access.db, match: match, limit: manyMatches).count >= manyMatches else { return nil }
        return try membershipWalk(access.db, match: match, listed: listed, orderBy: orderBy, limit: limit)
    }

    /// Up to `limit` matches of the trigram index (over every organization): how many, and
    /// how densely they lie among the row ids.
    static func probe(_ db: Database, match: String, limit: Int) throws -> (count: Int, density: Double) {
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, MAX(rowid) AS last FROM (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT \(limit))
            """, arguments: [match])
        guard let row, let last: Int64 = row["last"], last > 0 else { return (0, 0) }
        let n: Int = row["n"]
        return (n, Double(n) / Double(last))
    }

    private func testedWalk(_ db: Database, test: SQL, listed: SQL, orderBy: String, limit: Int) throws -> [ContactRecord]? {
        let budget = self.budget(limit: limit)
        let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: """
            SELECT contacts.*, \(test) AS search_hit FROM contacts
            WHERE \(listed)
            ORDER BY \(literal: SQL(sql: orderBy)) LIMIT \(budget)
            """))
        var page: [ContactRecord] = []
        var tested = 0
        let checkpoint = max(1, budget / 4)
        while let row = try rows.next() {
            tested += 1
            if tested % checkpoint == 0 && !canFill(found: page.count, tested: tested, budget: budget, limit: limit) {
                return nil
            }
            let hit: Bool? = row[row.count - 1]  // search_hit; NULL when every tested column is NULL
            guard hit == true else { continue }
            page.append(ContactRecord(row: row))
            if page.count == limit { return page }
        }
        return tested < budget ? page : nil
    }

    private func membershipWalk(_ db: Database, match: String, listed: SQL, orderBy: String,
                                limit: Int) throws -> [ContactRecord]? {
        let budget = membershipBudget(limit: limit)
        let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: """
            SELECT contacts.id, contacts.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH \(match)) AS search_hit
            FROM contacts WHERE \(listed)
            ORDER BY \(literal: SQL(sql: orderBy)) LIMIT \(budget)
            """))
        // A row costs a fraction of a tested one (no LIKE, one lookup in the set): no early
        // exit (20,000 rows for "ski", the set included, take 16 ms in the sqlite3 shell).
        var ids: [Int64] = []
        var read = 0
        while let row = try rows.next() {
            read += 1
            let hit: Bool? = row[1]
            guard hit == true else { continue }
            ids.append(row[0])
            if ids.count == limit { break }
        }
        guard ids.count == limit || read < budget else { return nil }
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT contacts.* FROM contacts WHERE contacts.id IN \(ids) ORDER BY \(literal: SQL(sql: orderBy))
            """)).map(ContactRecord.init(row:))
    }

    /// Whether the rate of matches so far would fill the page within the budget. The matches
    /// of a term may sit elsewhere in the alphabet: a walk that finds few gives way early
    /// rather than reading its whole budget.
    func canFill(found: Int, tested: Int, budget: Int, limit: Int) -> Bool {
        found + found * (budget - tested) / tested >= limit
    }
}
