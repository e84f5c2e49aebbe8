import CCWDomain
import GRDB

/// Win/loss analysis and the revenue forecast of FR-1.4, counted in SQL.
///
/// Both read aggregates (`GROUP BY` with `COUNT` and `SUM`) rather than deals, so their cost
/// is an index range scan and their result a few rows per stage, reason, owner or month,
/// whatever the number of deals. The domain values they return (`WinLossAnalysis`,
/// `Forecast`) follow the rules documented there; money is per currency, in minor units.
///
/// Open deals are the ones without a close date (`StageMove` and `Deal.validate` keep close
/// date and stage kind in step), which lets the forecast use the partial index
/// `deals_open_by_expected_close`; win/loss reads closed deals through `deals_closed_by_date`.
extension Deals {
    /// Win/loss over the deals of `pipeline` closed in `period` (both ends included; nil: all).
    /// Lost reasons are grouped ignoring case and surrounding space; the 100 most frequent are kept.
    public func winLoss(_ scope: Scope, pipeline: PipelineID, period: ClosedRange<CalendarDate>? = nil) throws -> WinLossAnalysis {
        try database.read(as: scope, in: .crm) { access in
            let pipeline = try Pipelines.pipeline(access, pipeline)
            let closed = Self.closedDeals(access, pipeline: pipeline.id, period: period)
            var overall = Tally()
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                WITH closed AS (\(literal: closed))
                SELECT kind, currency, COUNT(*) AS n, SUM(value_minor) AS total FROM closed GROUP BY kind, currency
                """)) { overall.add(row, access) }

            var owners: [UserID: Tally] = [:]
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                WITH closed AS (\(literal: closed))
                SELECT owner_id, kind, currency, COUNT(*) AS n, SUM(value_minor) AS total FROM closed
                GROUP BY owner_id, kind, currency
                """)) { owners[UserID(row["owner_id"] as Int64), default: Tally()].add(row, access) }

            // CROSS JOIN: each closed deal's history by deal (`deal_stage_history_by_deal`),
            // not the whole history of the organization probed against the closed deals.
            var passed: [StageID: Tally] = [:]
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                WITH closed AS (\(literal: closed)),
                visits AS (
                    SELECT h.deal_id, h.from_stage_id AS stage FROM closed c CROSS JOIN deal_stage_history h ON h.deal_id = c.id
                    WHERE h.org_id = \(scope.orgId) AND h.from_stage_id IS NOT NULL
                    UNION
                    SELECT h.deal_id, h.to_stage_id FROM closed c CROSS JOIN deal_stage_history h ON h.deal_id = c.id
                    WHERE h.org_id = \(scope.orgId))
                SELECT v.stage, c.kind, c.currency, COUNT(*) AS n, SUM(c.value_minor) AS total
                FROM visits v JOIN closed c ON c.id = v.deal_id GROUP BY v.stage, c.kind, c.currency
                """)) { passed[StageID(row["stage"] as Int64), default: Tally()].add(row, access) }

            // `+h.to_stage_id`: the deal's own history (`deal_stage_history_by_deal`, a few rows),
            // never every move into the lost stage (`_by_stage`) once per lost deal.
            var lostHere: [StageID: Int] = [:]
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                WITH closed AS (\(literal: closed))
                SELECT (SELECT h.from_stage_id FROM deal_stage_history h
                        WHERE h.org_id = \(scope.orgId) AND h.deal_id = c.id AND +h.to_stage_id = c.stage_id
                        ORDER BY h.moved_at DESC, h.id DESC LIMIT 1) AS from_stage, COUNT(*) AS n
                FROM closed c WHERE c.kind = 'lost' GROUP BY from_stage
                """)) {
                if let from = row["from_stage"] as Int64? { lostHere[StageID(from), default: 0] += row["n"] as Int }
            }

            var reasons: [String: WinLossAnalysis.ReasonCount] = [:]
            var order: [String] = []
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                WITH closed AS (\(literal: closed)),
                top AS (SELECT LOWER(TRIM(lost_reason)) AS reason_key FROM closed WHERE kind = 'lost'
                        GROUP BY reason_key ORDER BY COUNT(*) DESC, reason_key LIMIT 100)
                SELECT LOWER(TRIM(lost_reason)) AS reason_key, MIN(TRIM(lost_reason)) AS label, currency,
                       COUNT(*) AS n, SUM(value_minor) AS total
                FROM closed WHERE kind = 'lost' AND LOWER(TRIM(lost_reason)) IN (SELECT reason_key FROM top)
                GROUP BY reason_key, currency
                """)) {
                let key: String = row["reason_key"]
                let currency = CRMStore.currency(row["currency"], fallback: scope.baseCurrency)
                if reasons[key] == nil { order.append(key) }
                var entry = reasons[key] ?? WinLossAnalysis.ReasonCount(reason: row["label"], count: 0, value: [:])
                entry.count += row["n"] as Int
                entry.value[currency, default: .zero(currency)] += Money(minor: row["total"], currency: currency)
                reasons[key] = entry
            }
            return WinLossAnalysis(pipeline: pipeline, overall: overall.value, passedThrough: passed.mapValues(\.value),
                                   lostHere: lostHere, reasons: order.compactMap { reasons[$0] },
                                   owners: owners.mapValues(\.value))
        }
    }

    /// The forecast of `pipeline` (nil: every pipeline) for `months` months from `from`: open
    /// deals by expected close month, weighted by probability, beside the deals won each month.
    public func forecast(_ scope: Scope, pipeline: PipelineID? = nil, from: Forecast.Month, months: Int) throws -> Forecast {
        try database.read(as: scope, in: .crm) { access in
            let months = max(1, min(months, 120))
            let start = "\(from)-01"
            let end = "\(from.adding(months: months))-01"
            var open: SQL = "d.org_id = \(scope.orgId) AND d.deleted_at IS NULL AND d.actual_close_date IS NULL"
            if let pipeline { open += " AND d.pipeline_id = \(pipeline.rawValue)" }
            let sums: SQL = "d.currency, COUNT(*) AS n, SUM(d.value_minor) AS total, SUM(\(literal: Self.weightedSQL)) AS weighted"

            var expected: [Forecast.Month: Totals] = [:]
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                SELECT SUBSTR(d.expected_close_date, 1, 7) AS month, \(literal: sums) FROM deals d
                WHERE \(literal: open) AND d.expected_close_date >= \(start) AND d.expected_close_date < \(end)
                GROUP BY month, d.currency
                """)) {
                if let month = Self.month(row["month"]) { expected[month, default: Totals()].add(row, access) }
            }
            var overdue = Totals(), undated = Totals()
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                SELECT (d.expected_close_date IS NULL) AS undated, \(literal: sums) FROM deals d
                WHERE \(literal: open) AND (d.expected_close_date < \(start) OR d.expected_close_date IS NULL)
                GROUP BY undated, d.currency
                """)) {
                if row["undated"] as Bool { undated.add(row, access) } else { overdue.add(row, access) }
            }

            var won: SQL = "d.org_id = \(scope.orgId) AND d.deleted_at IS NULL AND d.actual_close_date IS NOT NULL"
            if let pipeline { won += " AND d.pipeline_id = \(pipeline.rawValue)" }
            var wonByMonth: [Forecast.Month: Totals] = [:]
            for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                SELECT SUBSTR(d.actual_close_date, 1, 7) AS month, \(literal: sums) FROM deals d
                JOIN pipeline_stages s ON s.id = d.stage_id AND s.kind = 'won'
                WHERE \(literal: won) AND d.actual_close_date >= \(start) AND d.actual_close_date < \(end)
                GROUP BY month, d.currency
                """)) {
                if let month = Self.month(row["month"]) { wonByMonth[month, default: Totals()].add(row, access) }
            }
            return Forecast(from: from, months: months, expected: expected.mapValues(\.value), won: wonByMonth.mapValues(\.value),
                            overdue: overdue.value, undated: undated.value)
        }
    }

    // MARK: Inside a transaction

    /// The closed deals that count: id, stage, kind, owner, currency, value, reason.
    static func closedDeals(_ access: ScopedDatabase, pipeline: PipelineID, period: ClosedRange<CalendarDate>?) -> SQL {
        var sql: SQL = """
            SELECT d.id, d.stage_id, s.kind, d.owner_id, d.currency, d.value_minor, d.lost_reason
            FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id AND s.kind IN ('won', 'lost')
            WHERE d.org_id = \(access.scope.orgId) AND d.pipeline_id = \(pipeline.rawValue)
              AND d.deleted_at IS NULL AND d.actual_close_date IS NOT NULL
            """
        if let period {
            sql += " AND d.actual_close_date >= \(period.lowerBound.description) AND d.actual_close_date <= \(period.upperBound.description)"
        }
        return sql
    }

    static func month(_ text: String?) -> Forecast.Month? {
        guard let text, let date = try? CalendarDate.parseISO(text + "-01") else { return nil }
        return Forecast.Month(date)
    }

    /// Won/lost counts and sums collected from `kind, currency, n, total` rows.
    struct Tally {
        var won = 0, lost = 0
        var wonValue: [CurrencyCode: Money] = [:], lostValue: [CurrencyCode: Money] = [:]

        mutating func add(_ row: Row, _ access: ScopedDatabase) {
            let currency = CRMStore.currency(row["currency"], fallback: access.scope.baseCurrency)
            let amount = Money(minor: row["total"], currency: currency)
            if (row["kind"] as String) == StageKind.won.rawValue {
                won += row["n"] as Int
                wonValue[currency, default: .zero(currency)] += amount
            } else {
                lost += row["n"] as Int
                lostValue[currency, default: .zero(currency)] += amount
            }
        }

        var value: WinLossAnalysis.Tally { WinLossAnalysis.Tally.counted(won: won, lost: lost, wonValue: wonValue, lostValue: lostValue) }
    }

    /// Count, total and weighted sums collected from `currency, n, total, weighted` rows.
    struct Totals {
        var count = 0
        var total: [CurrencyCode: Money] = [:], weighted: [CurrencyCode: Money] = [:]

        mutating func add(_ row: Row, _ access: ScopedDatabase) {
            let currency = CRMStore.currency(row["currency"], fallback: access.scope.baseCurrency)
            count += row["n"] as Int
            total[currency, default: .zero(currency)] += Money(minor: row["total"], currency: currency)
            weighted[currency, default: .zero(currency)] += Money(minor: row["weighted"], currency: currency)
        }

        var value: DealTotals { DealTotals(count: count, total: total, weighted: weighted) }
    }
}
