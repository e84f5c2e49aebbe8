import CCWDomain
import GRDB

/// A text search that matches many contacts, answered by walking the list in its own order.
///
/// The trigram plan reads every match before it can sort them: "mann" is in one contact of
/// eight, 120,000 at a million contacts, about 70 ms for a page. Yet the first page of such a
/// term lies within the first few hundred rows of the list. So when the trigram index reports
/// at least `probeLimit` matches, dense enough that `budget` rows of the list should hold one
/// and a half pages, the page is read by walking the index the list is sorted by (as without text, from
/// the same cursor) and testing each row with `SearchIndex.rowTest`, for at most `budget`
/// rows. Every row before the page's last was tested, so a full page found within the budget,
/// or the end of the list reached, is exactly the page the trigram plan would return;
/// otherwise (the matches sit elsewhere in the alphabet) the caller runs the trigram plan. A
/// walk whose rate of matches cannot fill the page within the budget gives way early.
///
/// Used for a search without a segment whose terms `rowTest` can answer exactly (ASCII).
struct ContactSearchWalk: Sendable {
    /// Matches the trigram index is asked for to judge a term.
    var probeLimit = 2_000
    /// The fewest rows of the list a walk may test before giving up (at least forty per row
    /// of the page).
    var minimumBudget = 2_000

    /// What the contact list uses.
    static let standard = ContactSearchWalk()

    /// Rows of the list a walk may test before giving up.
    func budget(limit: Int) -> Int { max(minimumBudget, limit * 40) }

    /// The page, or nil when the walk does not apply or did not find it within its budget.
    func page(_ access: ScopedDatabase, filter: ContactFilter, keyset: SQL, orderBy: String,
                     limit: Int) throws -> [ContactRecord]? {
        guard filter.segment == nil, let text = filter.text?.nonBlank, let match = SearchIndex.matchExpression(text),
              let test = SearchIndex.rowTest(qualifier: "contacts", columns: Contacts.searchColumns, text: text),
              try isCommon(access.db, match: match, limit: limit)
        else { return nil }
        var unfiltered = filter
        unfiltered.text = nil
        let budget = self.budget(limit: limit)
        let request: SQL = """
            SELECT contacts.*, \(test) AS search_hit FROM contacts
            WHERE \(Contacts.conditions(unfiltered, scope: access.scope))\(keyset)
            ORDER BY \(literal: SQL(sql: orderBy)) LIMIT \(budget)
            """
        let rows = try Row.fetchCursor(access.db, SQLRequest<Row>(literal: request))
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

    /// Whether the rate of matches so far would fill the page within the budget. The matches
    /// of a term may sit elsewhere in the alphabet ("ski" in Polish surnames): a walk that
    /// finds few gives way early rather than testing its whole budget.
    func canFill(found: Int, tested: Int, budget: Int, limit: Int) -> Bool {
        found + found * (budget - tested) / tested >= limit
    }

    /// Whether the trigram index holds at least `probeLimit` matches for `match`, at a density
    /// (matches per row id, over every organization) at which `budget` rows hold one and a half
    /// pages.
    func isCommon(_ db: Database, match: String, limit: Int) throws -> Bool {
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, MAX(rowid) AS last FROM (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT \(probeLimit))
            """, arguments: [match])
        guard let row, let last: Int64 = row["last"], last > 0 else { return false }
        let n: Int = row["n"]
        return n >= probeLimit && Double(n) / Double(last) * Double(budget(limit: limit)) >= 1.5 * Double(limit)
    }
}
