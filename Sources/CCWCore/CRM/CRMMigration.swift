import GRDB

/// The CRM schema (UNI-171): contacts, companies, pipelines and their stages, deals with
/// contacts, line items and stage history, interactions, tasks, saved segments and lead-scoring
/// rules.
///
/// Conventions beyond `Migrations`: money is `*_minor` (integer minor units) beside a
/// `currency` code; probabilities, quantities and discount percentages are exact decimal text;
/// calendar dates are `YYYY-MM-DD` text; tags, custom fields and other lists are JSON text.
/// Every list a screen offers has an index that starts with `org_id` and ends in the list's
/// sort order, and the index is partial on live rows (`deleted_at IS NULL`) because lists only
/// show live rows.
enum CRMMigration {
    static func migrate(_ db: Database) throws {
        try companies(db)
        try contacts(db)
        try pipelines(db)
        try deals(db)
        try activities(db)
        try definitions(db)
    }

    /// The columns every business row has, after the table's own ones.
    private static let standard = """
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_by INTEGER REFERENCES users(id),
        deleted_at INTEGER,
        version INTEGER NOT NULL DEFAULT 1
        """

    private static func companies(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE companies (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL COLLATE NOCASE,
                legal_name TEXT NOT NULL DEFAULT '',
                industry TEXT NOT NULL DEFAULT '',
                website TEXT NOT NULL DEFAULT '',
                domain TEXT,
                employee_count TEXT,
                annual_revenue_minor INTEGER,
                annual_revenue_currency TEXT,
                phone TEXT,
                email TEXT,
                address_line1 TEXT NOT NULL DEFAULT '',
                address_line2 TEXT NOT NULL DEFAULT '',
                city TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL DEFAULT '',
                postal_code TEXT NOT NULL DEFAULT '',
                country TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'prospect')),
                parent_id INTEGER REFERENCES companies(id),
                owner_id INTEGER REFERENCES users(id),
                tags TEXT NOT NULL DEFAULT '[]',
                custom_fields TEXT NOT NULL DEFAULT '{}',
                \(standard),
                CHECK (parent_id IS NULL OR parent_id <> id)
            );
            CREATE INDEX companies_by_name ON companies(org_id, name, id) WHERE deleted_at IS NULL;
            CREATE INDEX companies_by_status ON companies(org_id, status, name, id) WHERE deleted_at IS NULL;
            CREATE INDEX companies_by_industry ON companies(org_id, industry, name, id) WHERE deleted_at IS NULL;
            CREATE INDEX companies_by_parent ON companies(org_id, parent_id) WHERE deleted_at IS NULL;
            CREATE INDEX companies_by_domain ON companies(org_id, domain) WHERE deleted_at IS NULL AND domain IS NOT NULL;
            """)
        try SearchIndex.create(db, table: "companies", columns: ["name", "domain"])
    }

    private static func contacts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE contacts (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                first_name TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
                last_name TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
                email TEXT,
                email_key TEXT,
                phone TEXT,
                mobile TEXT,
                title TEXT NOT NULL DEFAULT '',
                department TEXT NOT NULL DEFAULT '',
                company_id INTEGER REFERENCES companies(id),
                is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
                address_line1 TEXT NOT NULL DEFAULT '',
                address_line2 TEXT NOT NULL DEFAULT '',
                city TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL DEFAULT '',
                postal_code TEXT NOT NULL DEFAULT '',
                country TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL DEFAULT '',
                lead_score INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL DEFAULT 'lead' CHECK (status IN ('lead', 'prospect', 'customer', 'inactive')),
                current_deal_id INTEGER REFERENCES deals(id),
                owner_id INTEGER REFERENCES users(id),
                tags TEXT NOT NULL DEFAULT '[]',
                custom_fields TEXT NOT NULL DEFAULT '{}',
                \(standard)
            );
            CREATE UNIQUE INDEX contacts_email_unique ON contacts(org_id, email_key)
                WHERE deleted_at IS NULL AND email_key IS NOT NULL;
            CREATE INDEX contacts_by_phone ON contacts(org_id, phone) WHERE deleted_at IS NULL AND phone IS NOT NULL;
            CREATE INDEX contacts_by_mobile ON contacts(org_id, mobile) WHERE deleted_at IS NULL AND mobile IS NOT NULL;
            CREATE INDEX contacts_by_name ON contacts(org_id, last_name, first_name, id) WHERE deleted_at IS NULL;
            CREATE INDEX contacts_by_status ON contacts(org_id, status, last_name, first_name, id) WHERE deleted_at IS NULL;
            CREATE INDEX contacts_by_owner ON contacts(org_id, owner_id, last_name, first_name, id) WHERE deleted_at IS NULL;
            CREATE INDEX contacts_by_company ON contacts(org_id, company_id, last_name, first_name, id) WHERE deleted_at IS NULL;
            CREATE INDEX contacts_by_score ON contacts(org_id, lead_score) WHERE deleted_at IS NULL;
            """)
        try SearchIndex.create(db, table: "contacts", columns: ["first_name", "last_name", "email", "phone", "mobile", "title"])
    }

    private static func pipelines(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE pipelines (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL COLLATE NOCASE,
                is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
                \(standard)
            );
            CREATE UNIQUE INDEX pipelines_name_unique ON pipelines(org_id, name) WHERE deleted_at IS NULL;
            CREATE UNIQUE INDEX pipelines_one_default ON pipelines(org_id) WHERE deleted_at IS NULL AND is_default = 1;
            CREATE TABLE pipeline_stages (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
                name TEXT NOT NULL,
                position INTEGER NOT NULL,
                default_probability TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
                \(standard)
            );
            CREATE INDEX pipeline_stages_by_pipeline ON pipeline_stages(org_id, pipeline_id, position) WHERE deleted_at IS NULL;
            """)
    }

    private static func deals(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE deals (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                value_minor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
                stage_id INTEGER NOT NULL REFERENCES pipeline_stages(id),
                probability TEXT NOT NULL,
                expected_close_date TEXT,
                actual_close_date TEXT,
                company_id INTEGER REFERENCES companies(id),
                owner_id INTEGER NOT NULL REFERENCES users(id),
                source TEXT NOT NULL DEFAULT '',
                lost_reason TEXT NOT NULL DEFAULT '',
                stage_entered_at INTEGER NOT NULL,
                tags TEXT NOT NULL DEFAULT '[]',
                custom_fields TEXT NOT NULL DEFAULT '{}',
                \(standard)
            );
            CREATE INDEX deals_by_stage ON deals(org_id, pipeline_id, stage_id, id) WHERE deleted_at IS NULL;
            CREATE INDEX deals_by_owner ON deals(org_id, owner_id, expected_close_date, id) WHERE deleted_at IS NULL;
            CREATE INDEX deals_by_close ON deals(org_id, expected_close_date, id) WHERE deleted_at IS NULL;
            CREATE INDEX deals_by_company ON deals(org_id, company_id) WHERE deleted_at IS NULL;
            CREATE TABLE deal_contacts (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
                contact_id INTEGER NOT NULL REFERENCES contacts(id),
                position INTEGER NOT NULL DEFAULT 0,
                UNIQUE (deal_id, contact_id)
            );
            CREATE INDEX deal_contacts_by_contact ON deal_contacts(org_id, contact_id);
            CREATE TABLE deal_line_items (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
                product_id INTEGER,
                description TEXT NOT NULL DEFAULT '',
                quantity TEXT NOT NULL,
                unit_price_minor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                discount_percent TEXT,
                discount_minor INTEGER,
                line_total_minor INTEGER NOT NULL,
                sort_order INTEGER NOT NULL DEFAULT 0,
                \(standard),
                CHECK (discount_percent IS NULL OR discount_minor IS NULL)
            );
            CREATE INDEX deal_line_items_by_deal ON deal_line_items(org_id, deal_id, sort_order) WHERE deleted_at IS NULL;
            CREATE INDEX deal_line_items_by_product ON deal_line_items(org_id, product_id) WHERE product_id IS NOT NULL;
            CREATE TABLE deal_stage_history (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
                from_stage_id INTEGER REFERENCES pipeline_stages(id),
                to_stage_id INTEGER NOT NULL REFERENCES pipeline_stages(id),
                moved_at INTEGER NOT NULL,
                moved_by INTEGER REFERENCES users(id),
                probability_before TEXT,
                probability_after TEXT NOT NULL,
                lost_reason TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX deal_stage_history_by_deal ON deal_stage_history(org_id, deal_id, moved_at, id);
            CREATE INDEX deal_stage_history_by_stage ON deal_stage_history(org_id, to_stage_id, moved_at);
            """)
    }

    private static func activities(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE interactions (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                kind TEXT NOT NULL CHECK (kind IN ('call', 'email', 'meeting', 'note')),
                subject TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                outcome TEXT NOT NULL DEFAULT '',
                scheduled_at INTEGER,
                completed_at INTEGER,
                occurred_at INTEGER NOT NULL,
                duration_minutes INTEGER,
                contact_id INTEGER REFERENCES contacts(id),
                company_id INTEGER REFERENCES companies(id),
                deal_id INTEGER REFERENCES deals(id),
                participants TEXT NOT NULL DEFAULT '[]',
                status TEXT NOT NULL DEFAULT 'completed' CHECK (status IN ('scheduled', 'completed', 'cancelled')),
                direction TEXT CHECK (direction IS NULL OR direction IN ('inbound', 'outbound')),
                attachments TEXT NOT NULL DEFAULT '[]',
                \(standard)
            );
            CREATE INDEX interactions_by_contact ON interactions(org_id, contact_id, occurred_at, id) WHERE deleted_at IS NULL;
            CREATE INDEX interactions_by_company ON interactions(org_id, company_id, occurred_at, id) WHERE deleted_at IS NULL;
            CREATE INDEX interactions_by_deal ON interactions(org_id, deal_id, occurred_at, id) WHERE deleted_at IS NULL;
            CREATE TABLE crm_tasks (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
                status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'completed', 'cancelled')),
                due_date TEXT,
                completed_at INTEGER,
                reminder_at INTEGER,
                contact_id INTEGER REFERENCES contacts(id),
                company_id INTEGER REFERENCES companies(id),
                deal_id INTEGER REFERENCES deals(id),
                assignee_id INTEGER NOT NULL REFERENCES users(id),
                tags TEXT NOT NULL DEFAULT '[]',
                custom_fields TEXT NOT NULL DEFAULT '{}',
                \(standard)
            );
            CREATE INDEX crm_tasks_by_assignee ON crm_tasks(org_id, assignee_id, due_date, id) WHERE deleted_at IS NULL;
            CREATE INDEX crm_tasks_open_by_assignee ON crm_tasks(org_id, assignee_id, due_date, id)
                WHERE deleted_at IS NULL AND status IN ('todo', 'in_progress');
            CREATE INDEX crm_tasks_reminders ON crm_tasks(org_id, reminder_at)
                WHERE deleted_at IS NULL AND reminder_at IS NOT NULL AND status IN ('todo', 'in_progress');
            CREATE INDEX crm_tasks_by_contact ON crm_tasks(org_id, contact_id) WHERE deleted_at IS NULL;
            CREATE INDEX crm_tasks_by_deal ON crm_tasks(org_id, deal_id) WHERE deleted_at IS NULL;
            """)
    }

    /// Definitions an organization edits: saved contact filters and lead-scoring rules, each
    /// kept as the domain value's JSON (`Segment`, `ScoringRule.Condition`).
    private static func definitions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE segments (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL COLLATE NOCASE,
                definition TEXT NOT NULL,
                \(standard)
            );
            CREATE UNIQUE INDEX segments_name_unique ON segments(org_id, name) WHERE deleted_at IS NULL;
            CREATE TABLE lead_scoring_rules (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL,
                condition TEXT NOT NULL,
                points INTEGER NOT NULL,
                enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
                position INTEGER NOT NULL DEFAULT 0,
                \(standard)
            );
            CREATE INDEX lead_scoring_rules_by_position ON lead_scoring_rules(org_id, position, id) WHERE deleted_at IS NULL;
            """)
    }
}
