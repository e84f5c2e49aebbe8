import CCWCore
import CCWDomain

/// Inventory › Value: the inventory value as of a date, by category (each with its
/// subcategories), by warehouse, and the products worth most, with the valuation methods in
/// use. Computed by `StockQueries.valuation(asOf:)` (one aggregate over the ledger).
public final class ValuationModel {
    public enum Intent: Sendable {
        /// Recomputes as of the date typed ("2026-06-30", "today", "-30", "eom"); nil: today.
        case setDate(String?)
        case reload
        case setView(Breakdown)
        case move(ListMove)
    }

    public enum Breakdown: String, Sendable, CaseIterable { case category, warehouse, product }

    /// One line of a breakdown.
    public struct Line: Sendable, Hashable {
        public var label: String
        /// Category depth (indent) in the category breakdown.
        public var depth: Int
        public var detail: String
        public var onHand: String
        public var value: Money
    }

    public let session: AppSession
    public private(set) var asOf: CalendarDate
    public private(set) var breakdown: Breakdown = .category
    public private(set) var lines: [Line] = []
    public private(set) var total: Money
    /// "FIFO 120 · weighted average 31 · LIFO 2": products with stock per method.
    public private(set) var methods: String = ""
    public private(set) var selected = 0
    public private(set) var error: String?
    public var pageSize = 20
    public static let productLimit = 200

    private var valuation: [StockValuationLine] = []
    private var byCategory: [CategoryID: Money] = [:]

    public init(session: AppSession) {
        self.session = session
        asOf = session.today
        total = .zero(session.baseCurrency)
    }

    public func send(_ intent: Intent) {
        error = nil
        switch intent {
        case .setDate(let text):
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { asOf = session.today; compute(); return }
            do { asOf = try CalendarDate.parse(text, today: session.today) } catch { self.error = "as of: \(describe(error))"; return }
            compute()
        case .reload: compute()
        case .setView(let b): breakdown = b; selected = 0; build()
        case .move(let m):
            switch m {
            case .down: selected += 1
            case .up: selected -= 1
            case .pageDown: selected += max(1, pageSize)
            case .pageUp: selected -= max(1, pageSize)
            case .first: selected = 0
            case .last: selected = lines.count - 1
            }
            selected = min(max(0, selected), max(0, lines.count - 1))
        }
    }

    private func compute() {
        let db = session.database, scope = session.scope
        do {
            valuation = try db.stockQueries.valuation(scope, asOf: asOf)
            byCategory = try db.stockQueries.valueByCategory(scope, of: valuation)
            total = valuation.reduce(.zero(session.baseCurrency)) { $1.value.currency == $0.currency ? $0 + $1.value : $0 }
            build()
        } catch {
            self.error = describe(error)
        }
    }

    private func build() {
        let db = session.database, scope = session.scope
        let zero = Money.zero(session.baseCurrency)
        do {
            switch breakdown {
            case .category:
                let tree = try db.productCategories.list(scope)
                let children = Dictionary(grouping: tree, by: { $0.parentId ?? 0 })
                var out: [Line] = []
                func walk(_ parent: Int64, _ depth: Int) {
                    for c in (children[parent] ?? []).sorted(by: { $0.name < $1.name }) {
                        let value = byCategory[CategoryID(c.id)] ?? zero
                        guard !value.isZero else { continue }
                        out.append(Line(label: c.name, depth: depth, detail: "", onHand: "", value: value))
                        walk(c.id, depth + 1)
                    }
                }
                walk(0, 0)
                let uncategorized = valuation.filter { $0.category == nil }.reduce(zero) { $0 + $1.value }
                if !uncategorized.isZero { out.append(Line(label: "(no category)", depth: 0, detail: "", onHand: "", value: uncategorized)) }
                lines = out
            case .warehouse:
                let names = Dictionary(uniqueKeysWithValues: try db.warehouses.list(scope).map { ($0.id, $0) })
                let grouped = Dictionary(grouping: valuation, by: { $0.key.warehouse.rawValue })
                lines = grouped.map { id, rows in
                    Line(label: names[id]?.code ?? "#\(id)", depth: 0, detail: names[id]?.name ?? "",
                         onHand: "\(rows.filter { !$0.onHand.isZero }.count) products",
                         value: rows.reduce(zero) { $0 + $1.value })
                }.sorted { $0.value.minor > $1.value.minor }
            case .product:
                let grouped = Dictionary(grouping: valuation, by: { $0.key.product.rawValue })
                let top = grouped.map { id, rows in (id, rows.reduce(zero) { $0 + $1.value }, rows.map(\.onHand)) }
                    .sorted { $0.1.minor > $1.1.minor }.prefix(Self.productLimit)
                var out: [Line] = []
                for (id, value, quantities) in top {
                    guard let p = try? db.products.get(scope, id: id) else { continue }
                    let onHand = quantities.reduce(Quantity.zero(scale: p.decimals)) { $0 + $1 }
                    out.append(Line(label: p.sku, depth: 0, detail: "\(p.name) · \(p.valuation)", onHand: "\(onHand) \(p.unit)", value: value))
                }
                lines = out
            }
            methods = try methodSummary()
        } catch {
            self.error = describe(error)
        }
        selected = min(selected, max(0, lines.count - 1))
    }

    /// Products with stock per valuation method, counted in one grouped query over their ids.
    private func methodSummary() throws -> String {
        let ids = Set(valuation.filter { !$0.onHand.isZero }.map(\.key.product.rawValue))
        guard !ids.isEmpty else { return "" }
        let counts = try session.database.products.valuationMethods(session.scope, ids: Array(ids))
        return ValuationMethod.allCases.compactMap { m in counts[m].map { "\(m) \($0)" } }.joined(separator: " · ")
    }
}
