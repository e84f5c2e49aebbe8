import CCWDomain
import GRDB

/// What narrows a deal board: one owner's deals ("my deals") and text in the deal name.
public struct DealBoardFilter: Sendable, Hashable {
    public var ownerId: UserID?
    /// Every word must occur in the deal's name (ignoring case); nil or blank for no filter.
    public var text: String?

    public init(ownerId: UserID? = nil, text: String? = nil) {
        self.ownerId = ownerId
        self.text = text
    }
}

/// Where a column's next page of cards starts: the last card shown (cards are ordered by
/// value, largest first, then by id, newest first).
public struct DealCardCursor: Sendable, Hashable {
    public var valueMinor: Int64
    public var id: DealID

    public init(valueMinor: Int64, id: DealID) {
        self.valueMinor = valueMinor
        self.id = id
    }
}

/// One card of the deal kanban: the deal as a card shows it, with the names it refers to.
public struct DealCard: Sendable, Hashable, Identifiable {
    public var id: DealID
    /// The row version to send with a move (optimistic locking).
    public var version: Int64
    public var name: String
    public var companyName: String?
    public var value: Money
    public var probability: ExactDecimal
    public var stageId: StageID
    public var ownerId: UserID
    public var ownerLogin: String
    public var expectedCloseDate: CalendarDate?
    public var stageEnteredAt: Int64
    /// Whole days in the current stage, in the organization's time zone (0 on the day it entered).
    public var daysInStage: Int

    public var cursor: DealCardCursor { DealCardCursor(valueMinor: value.minor, id: id) }
    /// Value × probability rounded half away from zero, as `Deal.weightedValue`.
    public var weightedValue: Money {
        let p = probability.normalized
        let fraction = ExactDecimal(mantissa: p.mantissa, scale: min(p.scale + 2, ExactDecimal.maxScale))
        return (try? fraction.apply(to: value)) ?? value
    }
}

/// The kanban of one pipeline: per stage the totals of every matching deal (counted in SQL)
/// and the first cards; `Deals.boardCards` pages further down a column.
public struct DealBoard: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var stage: Stage
        /// Count, total and weighted total of every matching deal in the stage, per currency.
        public var totals: DealTotals
        /// The first cards, largest value first.
        public var cards: [DealCard]

        /// True when the stage holds more matching deals than `cards`.
        public var hasMore: Bool { cards.count < totals.count }

        public init(stage: Stage, totals: DealTotals, cards: [DealCard]) {
            self.stage = stage
            self.totals = totals
            self.cards = cards
        }
    }

    public var pipeline: Pipeline
    public var columns: [Column]

    public init(pipeline: Pipeline, columns: [Column]) {
        self.pipeline = pipeline
        self.columns = columns
    }
}

/// The deal kanban (FR-1.4) read for a screen at any size.
///
/// - Totals are SQL aggregates (`GROUP BY stage_id, currency`) over the covering index
///   `deals_board_totals` (or `deals_board_owner_totals` for one owner), so the board costs one
///   index scan of the pipeline whatever the number of deals, never a row per deal in memory.
///   The weighted total rounds each deal half away from zero to minor units, as
///   `Deal.weightedValue` does (probabilities are read to two decimals, which is what stages
///   and the screens give them).
/// - Cards are keyset pages per column in `(value_minor DESC, id DESC)` order, sought in the
///   index `deals_board_cards` / `deals_board_owner_cards`, so the hundredth page costs what
///   the first does.
extension Deals {
    /// The board of `pipeline`: every stage with its totals and its first `cardsPerColumn` cards.
    public func board(_ scope: Scope, pipeline: PipelineID, filter: DealBoardFilter = DealBoardFilter(),
                      cardsPerColumn: Int = 30) throws -> DealBoard {
        try database.read(as: scope, in: .crm) { access in
            let pipeline = try Pipelines.pipeline(access, pipeline)
            let totals = try Self.boardTotals(access, pipeline: pipeline.id, filter: filter)
            let columns = try pipeline.stages.map { stage in
                DealBoard.Column(stage: stage, totals: totals[stage.id] ?? DealTotals(),
                                 cards: try Self.boardCards(access, pipeline: pipeline.id, stage: stage.id, filter: filter,
                                                            after: nil, limit: cardsPerColumn))
            }
            return DealBoard(pipeline: pipeline, columns: columns)
        }
    }

    /// The next cards of one column, after `cursor` (the first ones without).
    public func boardCards(_ scope: Scope, pipeline: PipelineID, stage: StageID, filter: DealBoardFilter = DealBoardFilter(),
                           after cursor: DealCardCursor?, limit: Int = 30) throws -> [DealCard] {
        try database.read(as: scope, in: .crm) { access in
            try Self.boardCards(access, pipeline: pipeline, stage: stage, filter: filter, after: cursor, limit: limit)
        }
    }

    /// One deal as a card (after a move, to show it where it landed).
    public func card(_ scope: Scope, id: DealID) throws -> DealCard {
        try database.read(as: scope, in: .crm) { access in
            let request: SQL = "\(literal: Self.cardSelect) WHERE deals.org_id = \(scope.orgId) AND deals.id = \(id.rawValue) AND deals.deleted_at IS NULL"
            guard let row = try Row.fetchOne(access.db, SQLRequest<Row>(literal: request)) else {
                throw CoreError.notFound(entity: Self.entity, key: "#\(id.rawValue)")
            }
            return Self.card(row, access)
        }
    }

    // MARK: Inside a transaction

    static func boardTotals(_ access: ScopedDatabase, pipeline: PipelineID, filter: DealBoardFilter) throws -> [StageID: DealTotals] {
        let condition = boardCondition(access, pipeline: pipeline, filter: filter)
        let request: SQL = """
            SELECT stage_id, currency, COUNT(*) AS n, SUM(value_minor) AS total, SUM(\(literal: weightedSQL)) AS weighted
            FROM deals WHERE \(literal: condition) GROUP BY stage_id, currency
            """
        var counts: [StageID: Int] = [:]
        var totals: [StageID: [CurrencyCode: Money]] = [:]
        var weighted: [StageID: [CurrencyCode: Money]] = [:]
        for row in try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)) {
            let stage = StageID(row["stage_id"] as Int64)
            let currency = CRMStore.currency(row["currency"], fallback: access.scope.baseCurrency)
            counts[stage, default: 0] += row["n"] as Int
            totals[stage, default: [:]][currency, default: .zero(currency)] += Money(minor: row["total"], currency: currency)
            weighted[stage, default: [:]][currency, default: .zero(currency)] += Money(minor: row["weighted"], currency: currency)
        }
        return counts.reduce(into: [:]) { result, entry in
            result[entry.key] = DealTotals(count: entry.value, total: totals[entry.key] ?? [:], weighted: weighted[entry.key] ?? [:])
        }
    }

    static func boardCards(_ access: ScopedDatabase, pipeline: PipelineID, stage: StageID, filter: DealBoardFilter,
                           after cursor: DealCardCursor?, limit: Int) throws -> [DealCard] {
        var condition = boardCondition(access, pipeline: pipeline, filter: filter, table: "deals")
        condition += " AND deals.stage_id = \(stage.rawValue)"
        if let cursor {
            condition += " AND (deals.value_minor, deals.id) < (\(cursor.valueMinor), \(cursor.id.rawValue))"
        }
        let request: SQL = """
            \(literal: cardSelect) WHERE \(literal: condition)
            ORDER BY deals.value_minor DESC, deals.id DESC LIMIT \(max(1, min(limit, 500)))
            """
        return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map { card($0, access) }
    }

    /// A deal's probability-weighted value in minor units, rounded half away from zero; the
    /// probability is read in hundredths of a percent.
    static let weightedSQL: SQL = """
        (CASE WHEN value_minor >= 0
              THEN (value_minor * CAST(ROUND(CAST(probability AS REAL) * 100) AS INTEGER) + 5000) / 10000
              ELSE -((-value_minor * CAST(ROUND(CAST(probability AS REAL) * 100) AS INTEGER) + 5000) / 10000) END)
        """

    static let cardSelect: SQL = """
        SELECT deals.id, deals.version, deals.name, deals.value_minor, deals.currency, deals.probability, deals.stage_id,
               deals.owner_id, deals.expected_close_date, deals.stage_entered_at,
               companies.name AS company_name, users.login AS owner_login
        FROM deals
        LEFT JOIN companies ON companies.id = deals.company_id
        LEFT JOIN users ON users.id = deals.owner_id
        """

    static func boardCondition(_ access: ScopedDatabase, pipeline: PipelineID, filter: DealBoardFilter,
                               table: String = "deals") -> SQL {
        var sql = SQL(sql: "\(table).org_id = ? AND \(table).pipeline_id = ? AND \(table).deleted_at IS NULL",
                      arguments: [access.scope.orgId, pipeline.rawValue])
        if let owner = filter.ownerId { sql += SQL(sql: " AND \(table).owner_id = ?", arguments: [owner.rawValue]) }
        for term in SearchIndex.terms(filter.text ?? "") {
            sql += SQL(sql: " AND \(table).name LIKE ? ESCAPE '\\'", arguments: [SearchIndex.likePattern(term)])
        }
        return sql
    }

    static func card(_ row: Row, _ access: ScopedDatabase) -> DealCard {
        let currency = CRMStore.currency(row["currency"], fallback: access.scope.baseCurrency)
        let entered: Int64 = row["stage_entered_at"]
        let days = ZonedTime.date(at: entered, in: access.scope.zone).days(until: ZonedTime.date(at: access.now, in: access.scope.zone))
        return DealCard(id: DealID(row["id"] as Int64), version: row["version"], name: row["name"], companyName: row["company_name"],
                        value: Money(minor: row["value_minor"], currency: currency),
                        probability: CRMStore.decimal(row["probability"]) ?? .zero, stageId: StageID(row["stage_id"] as Int64),
                        ownerId: UserID(row["owner_id"] as Int64), ownerLogin: (row["owner_login"] as String?) ?? "",
                        expectedCloseDate: CRMStore.date(row["expected_close_date"]), stageEnteredAt: entered,
                        daysInStage: max(0, days))
    }
}
