import GRDB

/// Indexes for the deal kanban and the deal analyses ("v3-crm-deal-board"), on top of v2-crm:
///
/// - `deals_board_totals` / `deals_board_owner_totals` cover the board's per-stage sums
///   (count, value, weighted value per currency) and end in `deleted_at`, so the sums are
///   read from the index alone;
/// - `deals_board_cards` / `deals_board_owner_cards` hold a column's cards in value order, so
///   a keyset page of a column is one seek;
/// - `deals_closed_by_date` serves win/loss over a period of close dates, and
///   `deals_open_by_expected_close` the forecast by expected close month (open deals are the
///   ones without a close date).
enum DealBoardMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX deals_board_totals ON deals(org_id, pipeline_id, stage_id, currency, value_minor, probability, deleted_at)
                WHERE deleted_at IS NULL;
            CREATE INDEX deals_board_owner_totals ON deals(org_id, pipeline_id, owner_id, stage_id, currency, value_minor, probability, deleted_at)
                WHERE deleted_at IS NULL;
            CREATE INDEX deals_board_cards ON deals(org_id, pipeline_id, stage_id, value_minor, id)
                WHERE deleted_at IS NULL;
            CREATE INDEX deals_board_owner_cards ON deals(org_id, pipeline_id, owner_id, stage_id, value_minor, id)
                WHERE deleted_at IS NULL;
            CREATE INDEX deals_closed_by_date ON deals(org_id, pipeline_id, actual_close_date)
                WHERE deleted_at IS NULL AND actual_close_date IS NOT NULL;
            CREATE INDEX deals_open_by_expected_close ON deals(org_id, pipeline_id, expected_close_date)
                WHERE deleted_at IS NULL AND actual_close_date IS NULL;
            """)
    }
}
