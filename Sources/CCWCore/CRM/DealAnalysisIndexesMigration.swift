import GRDB

/// Covering indexes for win/loss and the forecast (after `v3-crm-deal-board`, which is never
/// edited).
///
/// At 200,000 deals both analyses read every closed or open deal's row, and every history row
/// of the closed ones, from the tables: about a second of random page reads each. The indexes
/// they walk now hold what they read, with the same leading columns as the ones they replace,
/// so every other query that used those keeps its plan:
/// - `deals_closed_by_date` + stage, owner, currency, value, probability and lost reason;
/// - `deals_open_by_expected_close` + currency, value and probability;
/// - `deal_stage_history_by_deal` + from and to stage.
enum DealAnalysisIndexesMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX deals_closed_by_date;
            CREATE INDEX deals_closed_by_date ON deals(org_id, pipeline_id, actual_close_date, deleted_at, stage_id,
                owner_id, currency, value_minor, probability, lost_reason)
                WHERE deleted_at IS NULL AND actual_close_date IS NOT NULL;
            DROP INDEX deals_open_by_expected_close;
            CREATE INDEX deals_open_by_expected_close ON deals(org_id, pipeline_id, expected_close_date, deleted_at,
                actual_close_date, currency, value_minor, probability)
                WHERE deleted_at IS NULL AND actual_close_date IS NULL;
            DROP INDEX deal_stage_history_by_deal;
            CREATE INDEX deal_stage_history_by_deal ON deal_stage_history(org_id, deal_id, moved_at, id, from_stage_id, to_stage_id);
            """)
    }
}
