import CCWCore
import CCWDomain

/// The deal kanban of one pipeline: a column per stage with its totals and first cards, a
/// focused card, and moves of that card to the neighbouring stage.
///
/// Focus follows a moved card, so pressing "move right" again carries it on. Entering a lost
/// stage needs a reason: the move intent answers `.needsLostReason`, the screen asks, and
/// `.confirmLostReason` (or `.cancelMove`) finishes it. A move refused because the deal
/// changed meanwhile (optimistic lock) reloads the board and says so.
public final class DealBoardModel {
    public enum Intent: Sendable {
        case reload
        case choosePipeline(PipelineID)
        /// "My deals" on or off.
        case toggleMine
        case setText(String)
        case focusColumn(offset: Int)
        case focusCard(ListMove)
        /// Moves the focused card one stage left (-1) or right (+1).
        case moveCard(offset: Int)
        /// Moves the focused card straight to the pipeline's won or lost stage (closing a deal
        /// from any open stage without passing through the other outcome).
        case closeCard(won: Bool)
        case confirmLostReason(String)
        case cancelMove
        case openDetail
        case closeDetail
    }

    /// What a move intent did, for the screen to react (prompt, toast).
    public enum MoveResult: Sendable, Hashable {
        case moved(deal: String, to: Stage)
        /// The target is a lost stage: ask for a reason, then send `.confirmLostReason`.
        case needsLostReason(deal: String, stage: String)
        case refused(String)
        /// The deal changed since the board was read; the board was reloaded.
        case conflict(String)
        /// No card focused, or the card is at the edge of the board.
        case nothing(String)
    }

    /// A move waiting for its lost reason.
    public struct PendingMove: Sendable, Hashable {
        public var card: DealCard
        public var target: Stage
    }

    public let session: AppSession
    public private(set) var pipelines: [PipelineRecord] = []
    public private(set) var board: DealBoard?
    public private(set) var filter = DealBoardFilter()
    public private(set) var focusedColumn = 0
    /// Focused card per column (index into the column's loaded cards).
    public private(set) var focusedCards: [Int] = []
    public private(set) var pending: PendingMove?
    public private(set) var detail: DealDetail?
    public private(set) var error: String?
    /// The last thing that happened, for the status line ("moved …", "won …").
    public private(set) var message: (text: String, level: Notice.Level)?
    /// Cards read per column and per further page.
    public var pageSize = 30

    public init(session: AppSession) { self.session = session }

    public var columns: [DealBoard.Column] { board?.columns ?? [] }
    public var pipeline: Pipeline? { board?.pipeline }
    public var mineOnly: Bool { filter.ownerId != nil }
    public var canMove: Bool { session.can(.edit, in: .crm) }

    public var focusedCard: DealCard? {
        guard columns.indices.contains(focusedColumn) else { return nil }
        let cards = columns[focusedColumn].cards
        let i = focusedCards.indices.contains(focusedColumn) ? focusedCards[focusedColumn] : 0
        return cards.indices.contains(i) ? cards[i] : nil
    }

    /// "my deals · /text" for the filter line; empty when nothing narrows the board.
    public var filterSummary: String {
        [mineOnly ? "my deals" : nil, filter.text.map { "/\($0)" }].compactMap { $0 }.joined(separator: " · ")
    }

    @discardableResult
    public func send(_ intent: Intent) -> MoveResult? {
        switch intent {
        case .reload: reload(keeping: focusedCard?.id)
        case .choosePipeline(let id):
            guard id != board?.pipeline.id else { return nil }
            focusedColumn = 0
            focusedCards = []
            load(pipeline: id, keeping: nil)
        case .toggleMine:
            filter.ownerId = filter.ownerId == nil ? UserID(session.scope.userId) : nil
            reload(keeping: focusedCard?.id)
        case .setText(let text):
            let t = text.trimmingCharacters(in: .whitespaces)
            filter.text = t.isEmpty ? nil : t
            reload(keeping: focusedCard?.id)
        case .focusColumn(let offset):
            focusedColumn = max(0, min(columns.count - 1, focusedColumn + offset))
        case .focusCard(let move): focusCard(move)
        case .moveCard(let offset):
            guard let card = focusedCard, let pipeline else { return .nothing("no deal selected") }
            guard let target = pipeline.neighbour(of: card.stageId, offset: offset) else {
                return .nothing("\(card.name) is already in the \(offset < 0 ? "first" : "last") stage")
            }
            return move(card, to: target)
        case .closeCard(let won):
            guard let card = focusedCard, let pipeline else { return .nothing("no deal selected") }
            guard let target = pipeline.stages.first(where: { $0.kind == (won ? .won : .lost) }) else {
                return .nothing("\(pipeline.name) has no \(won ? "won" : "lost") stage")
            }
            guard target.id != card.stageId else { return .nothing("\(card.name) is already in \(target.name)") }
            return move(card, to: target)
        case .confirmLostReason(let reason):
            guard let p = pending else { return .nothing("no move is waiting for a reason") }
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return .needsLostReason(deal: p.card.name, stage: p.target.name) }
            pending = nil
            return perform(p.card, to: p.target, reason: trimmed)
        case .cancelMove:
            if let p = pending { message = ("\(p.card.name) stays in its stage", .info) }
            pending = nil
        case .openDetail:
            guard let card = focusedCard else { return nil }
            do { detail = try session.database.deals.detail(session.scope, id: card.id) } catch { self.error = describe(error) }
        case .closeDetail: detail = nil
        }
        return nil
    }

    // MARK: Loading

    private func reload(keeping id: DealID?) {
        do {
            pipelines = try session.database.pipelines.list(session.scope)
            if pipelines.isEmpty, session.can(.create, in: .crm) {
                pipelines = [try session.database.pipelines.defaultPipeline(session.scope)]
            }
        } catch {
            self.error = describe(error)
            return
        }
        let current = board.map(\.pipeline.id).flatMap { id in pipelines.first { $0.id == id }?.id }
        guard let pipeline = current ?? pipelines.first(where: \.isDefault)?.id ?? pipelines.first?.id else {
            board = nil
            error = "no pipeline yet: a manager or sales user creates the default one with the first deal"
            return
        }
        load(pipeline: pipeline, keeping: id)
    }

    private func load(pipeline: PipelineID, keeping id: DealID?) {
        do {
            board = try session.database.deals.board(session.scope, pipeline: pipeline, filter: filter, cardsPerColumn: pageSize)
            error = nil
        } catch {
            self.error = describe(error)
            return
        }
        let counts = columns.map(\.cards.count)
        focusedCards = counts.indices.map { i in
            min(focusedCards.indices.contains(i) ? focusedCards[i] : 0, max(0, counts[i] - 1))
        }
        focusedColumn = max(0, min(focusedColumn, columns.count - 1))
        if let id { focus(id) }
    }

    /// Focuses the card with `id` wherever it is on the board (after a move or a reload).
    private func focus(_ id: DealID) {
        for (c, column) in columns.enumerated() {
            if let i = column.cards.firstIndex(where: { $0.id == id }) {
                focusedColumn = c
                focusedCards[c] = i
                return
            }
        }
    }

    private func focusCard(_ move: ListMove) {
        guard columns.indices.contains(focusedColumn) else { return }
        let count = columns[focusedColumn].cards.count
        guard count > 0 else { return }
        let current = focusedCards[focusedColumn]
        var target: Int
        switch move {
        case .up: target = current - 1
        case .down: target = current + 1
        case .pageUp: target = current - 10
        case .pageDown: target = current + 10
        case .first: target = 0
        case .last: target = Int.max
        }
        // End reads one more page rather than the whole column, which may hold 100,000 deals.
        if target >= count, columns[focusedColumn].hasMore { loadMore(column: focusedColumn, upTo: move == .last ? nil : target) }
        let loaded = columns[focusedColumn].cards.count
        focusedCards[focusedColumn] = max(0, min(target, loaded - 1))
    }

    /// Reads further pages of a column until `index` is loaded (or, for nil, one more page).
    private func loadMore(column c: Int, upTo index: Int?) {
        guard var board, board.columns.indices.contains(c) else { return }
        repeat {
            let column = board.columns[c]
            guard column.hasMore, let last = column.cards.last else { break }
            do {
                let page = try session.database.deals.boardCards(session.scope, pipeline: board.pipeline.id, stage: column.stage.id,
                                                                 filter: filter, after: last.cursor, limit: pageSize)
                if page.isEmpty { break }
                board.columns[c].cards += page
            } catch {
                self.error = describe(error)
                break
            }
        } while index.map { board.columns[c].cards.count <= $0 } ?? false
        self.board = board
    }

    // MARK: Moving

    private func move(_ card: DealCard, to target: Stage) -> MoveResult {
        guard canMove else {
            let result = "read-only: your role (\(session.role.title.lowercased())) may look at deals but not move them"
            message = (result, .warning)
            return .refused(result)
        }
        if target.kind == .lost {
            pending = PendingMove(card: card, target: target)
            return .needsLostReason(deal: card.name, stage: target.name)
        }
        return perform(card, to: target, reason: "")
    }

    private func perform(_ card: DealCard, to target: Stage, reason: String) -> MoveResult {
        do {
            _ = try session.database.deals.move(session.scope, id: card.id, to: target.id, lostReason: reason,
                                                expectedVersion: card.version)
        } catch let error as CoreError {
            if case .conflict(let info) = error {
                reload(keeping: card.id)
                let who = info.changedBy ?? "a background job"
                let text = "\(card.name) was changed by \(who) meanwhile; the board was reloaded: check it and move again"
                message = (text, .warning)
                return .conflict(text)
            }
            message = (error.description, .error)
            return .refused(error.description)
        } catch {
            message = (describe(error), .error)
            return .refused(describe(error))
        }
        reload(keeping: card.id)
        switch target.kind {
        case .won: message = ("Won: \(card.name) · \(card.value.formattedWithCode)", .success)
        case .lost: message = ("Lost: \(card.name) (\(reason))", .info)
        case .open: message = ("\(card.name) moved to \(target.name)", .info)
        }
        return .moved(deal: card.name, to: target)
    }
}
