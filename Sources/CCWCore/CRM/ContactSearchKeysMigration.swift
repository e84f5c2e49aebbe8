import GRDB

/// The contact search's sort keys (after `v2-crm`, which is never edited).
///
/// A text search finds its matches in the trigram index (`contacts_fts`) and sorts them by the
/// grid's order. Reading each match's sort columns from `contacts` itself touches a wide row
/// per match, which at 1,000,000 contacts and 120,000 matches ("mann") reads most of the table.
/// `contacts_search_keys` holds, per live contact and keyed by id, only what the grid filters
/// and sorts by, so the matches (which the trigram index yields in id order) are sorted from a
/// narrow index read front to back, and only the page's rows are read from the table.
enum ContactSearchKeysMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX contacts_search_keys
                ON contacts(id, org_id, deleted_at, last_name, first_name, status, lead_score, owner_id, company_id)
                WHERE deleted_at IS NULL;
            """)
    }
}
