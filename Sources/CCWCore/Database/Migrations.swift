import GRDB

/// The schema, one named migration per change. A migration that has landed on `main` is never
/// edited: change the schema with a new migration appended at the end.
///
/// Conventions: plain column names; `INTEGER PRIMARY KEY` plus a `uid` (UUIDv7 text) for rows
/// that leave the database; times are Int64 milliseconds UTC; business rows carry `org_id`,
/// `created_at`, `updated_at`, `created_by`, `updated_by`, `deleted_at`, `version`.
/// SQL stays portable where SQLite allows (no `AUTOINCREMENT`, no `WITHOUT ROWID`).
enum Migrations {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-identity", migrate: identity)
        migrator.registerMigration("v1-audit", migrate: audit)
        migrator.registerMigration("v1-outbox", migrate: outbox)
        migrator.registerMigration("v1-notifications", migrate: notifications)
        migrator.registerMigration("v1-jobs", migrate: jobs)
        migrator.registerMigration("v2-crm", migrate: CRMMigration.migrate)
        migrator.registerMigration("v2-inventory", migrate: InventoryMigration.migrate)
        migrator.registerMigration("v3-crm-lead-score-refresh", migrate: LeadScoreRefresh.migrate)
        migrator.registerMigration("v3-crm-task-reminders", migrate: TaskRemindersMigration.migrate)
        migrator.registerMigration("v3-crm-deal-board", migrate: DealBoardMigration.migrate)
        migrator.registerMigration("v3-crm-email-templates", migrate: EmailTemplates.migrate)
        migrator.registerMigration("v4-inventory-low-stock-notices", migrate: LowStockNoticeJob.migrate)
        migrator.registerMigration("v4-inventory-purchase-orders", migrate: PurchaseOrders.migrate)
        migrator.registerMigration("v4-inventory-screens", migrate: InventoryScreensMigration.migrate)
        migrator.registerMigration("v4-inventory-bins", migrate: InventoryBinsMigration.migrate)
        migrator.registerMigration("v4-inventory-price-tiers", migrate: ProductPricesMigration.migrate)
        migrator.registerMigration("v5-crm-contact-search-keys", migrate: ContactSearchKeysMigration.migrate)
        migrator.registerMigration("v5-inventory-default-reorder", migrate: DefaultReorderRules.migrate)
        migrator.registerMigration("v5-crm-deal-analysis-indexes", migrate: DealAnalysisIndexesMigration.migrate)
        migrator.registerMigration("v5-inventory-valuation-index", migrate: InventoryValuationIndexMigration.migrate)
        return migrator
    }()

    /// Users and organizations are global identity rows (no org_id); memberships tie them
    /// together with a role per organization.
    private static func identity(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                display_name TEXT NOT NULL,
                email TEXT,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by INTEGER REFERENCES users(id),
                updated_by INTEGER REFERENCES users(id),
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE organizations (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                base_currency TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                default_country TEXT,
                settings TEXT NOT NULL DEFAULT '{}',
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by INTEGER REFERENCES users(id),
                updated_by INTEGER REFERENCES users(id),
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE memberships (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                user_id INTEGER NOT NULL REFERENCES users(id),
                role TEXT NOT NULL
                    CHECK (role IN ('admin', 'manager', 'sales', 'warehouse', 'accountant', 'read-only')),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by INTEGER REFERENCES users(id),
                updated_by INTEGER REFERENCES users(id),
                deleted_at INTEGER,
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE (org_id, user_id)
            );
            CREATE INDEX memberships_by_user ON memberships(user_id);
            CREATE INDEX memberships_by_org_role ON memberships(org_id, role);
            """)
    }

    /// The append-only, hash-chained audit trail (see `AuditLog`). Rows cannot be updated or
    /// deleted through SQL; `audit_heads` holds each organization's last link so that a
    /// truncated tail is detected too.
    private static func audit(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                at INTEGER NOT NULL,
                user_id INTEGER REFERENCES users(id),
                login TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id INTEGER,
                entity_uid TEXT,
                action TEXT NOT NULL,
                summary TEXT NOT NULL,
                before_json TEXT,
                after_json TEXT,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX audit_log_by_org_at ON audit_log(org_id, at);
            CREATE INDEX audit_log_by_org_entity_at ON audit_log(org_id, entity, at);
            CREATE INDEX audit_log_by_org_login_at ON audit_log(org_id, login, at);
            CREATE INDEX audit_log_by_record ON audit_log(org_id, entity, entity_id);
            CREATE TABLE audit_heads (
                org_id INTEGER PRIMARY KEY REFERENCES organizations(id),
                last_id INTEGER NOT NULL,
                last_hash TEXT NOT NULL,
                entries INTEGER NOT NULL
            );
            """)
        try SearchIndex.create(db, table: "audit_log", columns: ["summary", "entity", "login"])
        try db.execute(sql: """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END;
            """)
    }

    /// Events written in the same transaction as the change they announce (see `EventOutbox`).
    private static func outbox(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event_outbox (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                type TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                available_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                processed_at INTEGER,
                failed_at INTEGER,
                last_error TEXT,
                claimed_by TEXT,
                claimed_until INTEGER
            );
            CREATE INDEX event_outbox_pending ON event_outbox(available_at)
                WHERE processed_at IS NULL AND failed_at IS NULL;
            CREATE INDEX event_outbox_by_org ON event_outbox(org_id, created_at);
            """)
    }

    /// Messages for the TUI's toasts and badges, one row per recipient.
    private static func notifications(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE notifications (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                user_id INTEGER NOT NULL REFERENCES users(id),
                kind TEXT NOT NULL,
                severity TEXT NOT NULL DEFAULT 'info',
                title TEXT NOT NULL,
                body TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                read_at INTEGER
            );
            CREATE INDEX notifications_unread ON notifications(org_id, user_id, id) WHERE read_at IS NULL;
            CREATE INDEX notifications_by_user ON notifications(org_id, user_id, created_at);
            """)
    }

    /// Background job coordination between processes (see `JobScheduler`).
    private static func jobs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE job_leases (
                job_name TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                acquired_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            );
            CREATE TABLE job_runs (
                id INTEGER PRIMARY KEY,
                job_name TEXT NOT NULL,
                slot INTEGER NOT NULL,
                holder TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                finished_at INTEGER,
                outcome TEXT,
                detail TEXT,
                UNIQUE (job_name, slot)
            );
            CREATE INDEX job_runs_by_start ON job_runs(started_at);
            """)
    }
}
