import CCWCore
import CCWDomain

/// What a drill into one matrix cell shows: the stock at that place by bin and batch (with
/// expiry), its serials and the documents that last moved them, and its newest movements.
public struct StockCellDetail: Sendable {
    public var row: StockMatrixRow
    public var warehouse: Warehouse
    public var cell: StockMatrixCell?
    public var locations: [StockLocationLine]
    public var serials: [SerialLine]
    public var movements: [LedgerLine]
    /// What documents hold reserved here, per document and location.
    public var reservations: [StockReservationLine] = []
}

/// Inventory › Stock: the stock matrix (products as rows, warehouses as columns), keyset
/// pages of products so a page stays cheap at 50,000 products × 20 warehouses; filters for
/// only-low, a category and a subset of warehouses; a focused warehouse column moved with
/// left/right; a drill into the focused cell; and the expiring-soon list of batches.
public final class StockMatrixModel {
    public enum Intent: Sendable {
        case reload
        case setText(String)
        case setCategory(ProductCategory?)
        case toggleOnlyLow
        /// The warehouses shown (nil: all).
        case setWarehouses([Int64]?)
        case move(ListMove)
        /// Moves the focused warehouse column.
        case moveColumn(by: Int)
        /// Opens the focused cell's batches, serials, bins and movements.
        case openCell
        case closeCell
        /// Lists batches expiring within `days` days (expired ones too).
        case showExpiring(days: Int)
        case showMatrix
        /// Sets the reorder point and order quantity of the focused product at the focused
        /// warehouse, as typed ("5 20": at 5 or less, order 20).
        case setReorderRule(String)
        /// Reserves stock of the open cell for a document, as typed ("3 order:SO-1042").
        case reserve(String)
        /// Gives back everything the open cell's reservation line `index` holds.
        case release(Int)
    }

    public enum View: Sendable, Equatable { case matrix, expiring(days: Int) }

    public let session: AppSession
    public private(set) var warehouses: [Warehouse] = []
    public private(set) var filter = StockMatrixFilter()
    public private(set) var categoryName: String?
    public private(set) var list: PagedList<StockMatrixRow>
    /// Index into `shownWarehouses` of the focused column.
    public private(set) var focusedColumn = 0
    public private(set) var detail: StockCellDetail?
    public private(set) var view: View = .matrix
    public private(set) var expiring: [ExpiringStockLine] = []
    public private(set) var expiringSelected = 0
    public private(set) var searchHint: String?
    public private(set) var error: String?
    public static let minimumSearchLength = 3
    public static let expiringLimit = 200

    public init(session: AppSession) {
        self.session = session
        list = PagedList(source: Self.source(session, StockMatrixFilter()))
    }

    public var selected: StockMatrixRow? { list.selectedRow }
    public func setPageSize(_ n: Int) { list.pageSize = n }

    /// The warehouse columns in order (all, or the chosen subset).
    public var shownWarehouses: [Warehouse] {
        guard let ids = filter.warehouseIds else { return warehouses }
        return warehouses.filter { ids.contains($0.id) }
    }

    public var focusedWarehouse: Warehouse? {
        let shown = shownWarehouses
        return shown.indices.contains(focusedColumn) ? shown[focusedColumn] : nil
    }

    /// "only low · category Pantry · 3 of 5 warehouses · /kaffee"; empty when unfiltered.
    public var filterSummary: String {
        var parts: [String] = []
        if filter.onlyLow { parts.append("only low") }
        if let categoryName { parts.append("category \(categoryName)") }
        if filter.warehouseIds != nil { parts.append("\(shownWarehouses.count) of \(warehouses.count) warehouses") }
        if let t = filter.text { parts.append("/\(t)") }
        return parts.joined(separator: " · ")
    }

    public func send(_ intent: Intent) {
        error = nil
        switch intent {
        case .reload:
            reload()
            if case .expiring(let days) = view { loadExpiring(days) }
        case .setText(let text):
            let t = text.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty && t.count < Self.minimumSearchLength {
                searchHint = "type at least \(Self.minimumSearchLength) characters to search"
                return
            }
            searchHint = nil
            filter.text = t.isEmpty ? nil : t
            reload()
        case .setCategory(let category):
            categoryName = category?.name
            filter.categoryIds = category.map { Self.subtree(of: $0.id, in: (try? session.database.productCategories.list(session.scope)) ?? []) }
            reload()
        case .toggleOnlyLow: filter.onlyLow.toggle(); reload()
        case .setWarehouses(let ids):
            filter.warehouseIds = ids.flatMap { $0.isEmpty || Set($0) == Set(warehouses.map(\.id)) ? nil : $0 }
            focusedColumn = 0
            reload()
        case .move(let m):
            if case .expiring = view {
                let n = expiring.count
                switch m {
                case .down: expiringSelected = min(n - 1, expiringSelected + 1)
                case .up: expiringSelected = max(0, expiringSelected - 1)
                case .pageDown: expiringSelected = min(n - 1, expiringSelected + max(1, list.pageSize))
                case .pageUp: expiringSelected = max(0, expiringSelected - max(1, list.pageSize))
                case .first: expiringSelected = 0
                case .last: expiringSelected = max(0, n - 1)
                }
                expiringSelected = max(0, expiringSelected)
            } else {
                list.apply(m)
            }
        case .moveColumn(let by):
            focusedColumn = min(max(0, focusedColumn + by), max(0, shownWarehouses.count - 1))
        case .openCell: openCell()
        case .closeCell: detail = nil
        case .showExpiring(let days):
            view = .expiring(days: days)
            loadExpiring(days)
        case .showMatrix: view = .matrix
        case .setReorderRule(let text): setReorderRule(text)
        case .reserve(let text): reserve(text)
        case .release(let index): release(index)
        }
    }

    /// What was just done, for a toast ("reorder point of X at MAIN set to 5, order 20").
    public private(set) var notice: String?

    /// The focused cell's reorder rule as the prompt shows it ("5 20"), empty without one.
    public func reorderRuleText() -> String {
        guard let row = selected, let warehouse = focusedWarehouse,
              let rule = try? session.database.reorderRules.list(session.scope, productId: row.productId)
                  .first(where: { $0.warehouseId == warehouse.id })
        else { return "" }
        return "\(rule.rule.point) \(rule.rule.quantity)"
    }

    /// Why the text is not a reorder rule for the focused product, or nil when it is one.
    public func reorderRuleProblem(_ text: String) -> String? {
        guard let row = selected else { return "no product is selected" }
        do { _ = try Self.parseRule(text, row: row); return nil } catch { return describe(error) }
    }

    static func parseRule(_ text: String, row: StockMatrixRow) throws -> (point: Quantity, quantity: Quantity) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
        guard parts.count == 2 else {
            throw CoreError.invalid([FieldError(field: "reorder rule", message: "type the reorder point and the order quantity, e.g. 5 20")])
        }
        let unit = "\(row.sku) (\(row.unit))"
        func quantity(_ field: String, _ text: String) throws -> Quantity {
            do { return try Quantity.parse(text, scale: row.decimals, unitName: unit) } catch {
                throw CoreError.invalid([FieldError(field: field, message: "\(error)")])
            }
        }
        return (try quantity("reorder point", parts[0]), try quantity("order quantity", parts[1]))
    }

    /// Why the text is not a reservation ("3 order:SO-1042"), or nil when it is one.
    public func reservationProblem(_ text: String) -> String? {
        guard let row = detail?.row else { return "open a cell first" }
        do { _ = try Self.parseReservation(text, row: row); return nil } catch { return describe(error) }
    }

    static func parseReservation(_ text: String, row: StockMatrixRow) throws -> (Quantity, StockDocument) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw CoreError.invalid([FieldError(field: "reservation", message: "type the quantity and the document, e.g. 3 order:SO-1042")])
        }
        let quantity: Quantity
        do { quantity = try Quantity.parse(parts[0], scale: row.decimals, unitName: "\(row.sku) (\(row.unit))") } catch {
            throw CoreError.invalid([FieldError(field: "quantity", message: "\(error)")])
        }
        do { return (quantity, try StockDocument(parsing: parts[1])) } catch {
            throw CoreError.invalid([FieldError(field: "document", message: "\(error) (deal:ID, order:ID or invoice:ID)")])
        }
    }

    private func reserve(_ text: String) {
        notice = nil
        guard let d = detail else { return }
        do {
            let (quantity, document) = try Self.parseReservation(text, row: d.row)
            _ = try session.database.stockBooking.book(session.scope, StockMovementRequest(
                productId: d.row.productId, warehouseId: d.warehouse.id, kind: .allocate(quantity), reference: document.description,
                document: document))
            notice = "reserved \(quantity) \(d.row.unit) of \(d.row.sku) at \(d.warehouse.code) for \(document)"
            refreshAfterChange()
        } catch {
            self.error = describe(error)
        }
    }

    private func release(_ index: Int) {
        notice = nil
        guard let d = detail, d.reservations.indices.contains(index), let document = d.reservations[index].document else { return }
        let line = d.reservations[index]
        do {
            _ = try session.database.stockBooking.book(session.scope, StockMovementRequest(
                productId: d.row.productId, warehouseId: d.warehouse.id, kind: .release(line.reserved), reference: document.description,
                batch: line.batch.isEmpty ? nil : line.batch, bin: line.bin.isEmpty ? nil : line.bin, document: document))
            notice = "released \(line.reserved) \(d.row.unit) of \(d.row.sku) at \(d.warehouse.code) held for \(document)"
            refreshAfterChange()
        } catch {
            self.error = describe(error)
        }
    }

    private func setReorderRule(_ text: String) {
        notice = nil
        guard let row = selected, let warehouse = focusedWarehouse else { return }
        do {
            let (point, quantity) = try Self.parseRule(text, row: row)
            try session.database.reorderRules.set(session.scope, productId: row.productId, warehouseId: warehouse.id,
                                                  point: point, quantity: quantity)
            notice = "reorder point of \(row.sku) at \(warehouse.code) set to \(point), order \(quantity)"
            refreshAfterChange()
        } catch {
            self.error = describe(error)
        }
    }

    private func openCell() {
        guard let row = selected, let warehouse = focusedWarehouse else { return }
        let stock = session.database.stockQueries, scope = session.scope
        do {
            let ledger = try stock.ledgerLines(scope, productId: row.productId, limit: 200).filter { $0.movement.warehouseId == warehouse.id }
            detail = StockCellDetail(row: row, warehouse: warehouse, cell: row.cells[warehouse.id],
                                     locations: try stock.locations(scope, productId: row.productId, warehouseId: warehouse.id),
                                     serials: try stock.serialLines(scope, productId: row.productId, warehouseId: warehouse.id),
                                     movements: Array(ledger.prefix(15)),
                                     reservations: try stock.reservations(scope, productId: row.productId, warehouseId: warehouse.id))
        } catch {
            self.error = describe(error)
        }
    }

    private func loadExpiring(_ days: Int) {
        do {
            expiring = try session.database.stockQueries.expiringStock(session.scope, onOrBefore: session.today.adding(days: days),
                                                                       limit: Self.expiringLimit)
            expiringSelected = min(expiringSelected, max(0, expiring.count - 1))
        } catch {
            expiring = []
            self.error = describe(error)
        }
    }

    static func subtree(of id: Int64, in all: [ProductCategory]) -> [Int64] {
        var ids: [Int64] = [id], frontier: Set<Int64> = [id]
        while !frontier.isEmpty {
            let children = all.filter { $0.parentId.map(frontier.contains) ?? false }.map(\.id).filter { !ids.contains($0) }
            ids += children
            frontier = Set(children)
        }
        return ids
    }

    /// After a booking or a rule change: the same rows, re-read in place (the selection stays),
    /// and the open cell re-read.
    private func refreshAfterChange() {
        list.reload()
        if detail != nil { openCell() }
    }

    private func reload() {
        warehouses = (try? session.database.warehouses.list(session.scope)) ?? []
        focusedColumn = min(focusedColumn, max(0, shownWarehouses.count - 1))
        let size = list.pageSize
        list = PagedList(source: Self.source(session, filter))
        list.pageSize = size
        list.reload()
    }

    static func source(_ session: AppSession, _ filter: StockMatrixFilter) -> KeysetSource<StockMatrixRow> {
        let stock = session.database.stockQueries, scope = session.scope
        return KeysetSource(
            count: {
                let (n, exact) = try stock.matrixCount(scope, filter: filter)
                return ListCount(n, isExact: exact)
            },
            first: { try stock.matrixPage(scope, filter: filter, after: nil, limit: $0) },
            after: { row, limit in try stock.matrixPage(scope, filter: filter, after: row.cursor, limit: limit) },
            before: { row, limit in try stock.matrixPage(scope, filter: filter, before: row.cursor, limit: limit) },
            last: { try stock.matrixPage(scope, filter: filter, before: nil, limit: $0) })
    }
}

extension StockMatrixModel: SearchableListModel {
    public var searchText: String? { filter.text }
    public func search(_ text: String) { send(.setText(text)) }
    public func move(_ move: ListMove) { send(.move(move)) }
}
