import CCWCore
import CCWDomain

/// One line of the product grid: a product, and where it sits in the fold.
public struct ProductListRow: Sendable, Hashable {
    public var line: ProductGridLine
    /// True for a variant shown under its expanded parent (drawn indented).
    public var isNested: Bool
    /// True for a parent whose variants are shown below it.
    public var isExpanded: Bool
    /// For a nested variant: the cursor of its parent, where the next top-level page continues.
    var parentCursor: ProductCursor?

    public var product: Product { line.product }
}

/// Inventory › Products: parents and plain products in name order with each parent's variants
/// folded under it (expand shows them indented, collapse hides them), a text search over SKU,
/// barcode, name and brand that lists every match flat, a category filter (with its
/// subcategories), and the selected product's overview (stock by location, ledger, layers).
/// Pages by key so it stays fast at 50,000 products.
public final class ProductsModel {
    public enum Intent: Sendable {
        case reload
        case setText(String)
        /// Only this category and its subcategories (nil: all).
        case setCategory(ProductCategory?)
        case move(ListMove)
        /// Shows the selected parent's variants under it.
        case expand
        /// Hides the variants of the selected parent (or of the selected variant's parent).
        case collapse
    }

    public let session: AppSession
    public private(set) var filter = ProductGridFilter()
    public private(set) var list: PagedList<ProductListRow>
    public private(set) var categoryName: String?
    /// Expanded parents and their variant counts.
    public private(set) var expanded: [Int64: Int] = [:]
    public private(set) var searchHint: String?
    public static let minimumSearchLength = 3
    /// The selected product's stock, ledger and layers, read when the selection moves.
    public private(set) var overview: ProductOverview?
    public private(set) var error: String?

    public init(session: AppSession) {
        self.session = session
        list = PagedList(source: Self.source(session, ProductGridFilter(), expanded: [:]))
    }

    public var selected: ProductListRow? { list.selectedRow }
    public var canCreate: Bool { session.can(.create, in: .inventory) }
    public var canEdit: Bool { session.can(.edit, in: .inventory) }
    public func setPageSize(_ n: Int) { list.pageSize = n }

    /// "category Office · /paper"; empty when nothing narrows the grid.
    public var filterSummary: String {
        [categoryName.map { "category \($0)" }, filter.text.map { "/\($0)" }].compactMap { $0 }.joined(separator: " · ")
    }

    public func send(_ intent: Intent) {
        error = nil
        switch intent {
        case .reload: reload()
        case .setText(let text):
            let t = text.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty && t.count < Self.minimumSearchLength {
                searchHint = "type at least \(Self.minimumSearchLength) characters to search"
                return
            }
            searchHint = nil
            filter.text = t.isEmpty ? nil : t
            list.moveTo(0)
            reload()
        case .setCategory(let category):
            categoryName = category?.name
            filter.categoryIds = category.map { subtree(of: $0.id) }
            list.moveTo(0)
            reload()
        case .move(let m): list.apply(m)
        case .expand: expand()
        case .collapse: collapse()
        }
        loadOverview()
    }

    /// Reads the selected product again (after an edit).
    public func refreshSelected() { loadOverview(force: true) }

    /// Shows `product` in the grid: searches for its SKU so it is the first row.
    public func reveal(_ product: Product) {
        categoryName = nil
        filter = ProductGridFilter(text: product.sku.count >= Self.minimumSearchLength ? product.sku : nil)
        list.moveTo(0)
        reload()
        if let i = (0..<min(list.count, 200)).first(where: { list.row(at: $0)?.product.id == product.id }) { list.moveTo(i) }
        loadOverview(force: true)
    }

    /// The organization's categories, for the filter picker (with paths, "Office › Paper").
    public func categories() -> [(category: ProductCategory, path: String)] {
        guard let all = try? session.database.productCategories.list(session.scope) else { return [] }
        let byId = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        func path(_ c: ProductCategory) -> String {
            var names = [c.name], seen: Set<Int64> = [c.id], parent = c.parentId
            while let p = parent, let node = byId[p], !seen.contains(p) { names.insert(node.name, at: 0); seen.insert(p); parent = node.parentId }
            return names.joined(separator: " › ")
        }
        return all.map { ($0, path($0)) }.sorted { $0.path < $1.path }
    }

    private func subtree(of id: Int64) -> [Int64] {
        StockMatrixModel.subtree(of: id, in: (try? session.database.productCategories.list(session.scope)) ?? [])
    }

    private func expand() {
        guard filter.foldsVariants, let row = selected, !row.isNested, row.line.variantCount > 0, expanded[row.product.id] == nil else { return }
        expanded[row.product.id] = row.line.variantCount
        reload()
    }

    private func collapse() {
        guard filter.foldsVariants, let row = selected else { return }
        let parent = row.isNested ? row.product.parentId : row.product.id
        guard let parent, expanded.removeValue(forKey: parent) != nil else { return }
        reload()
        // The parent keeps the selection: it is the nearest row above.
        if row.isNested, let i = (max(0, list.selected - 500)...list.selected).reversed()
            .first(where: { list.row(at: $0)?.product.id == parent }) { list.moveTo(i) }
    }

    private func loadOverview(force: Bool = false) {
        guard let product = selected?.product else { overview = nil; return }
        if !force, let o = overview, o.product.id == product.id, o.product.version == product.version { return }
        do { overview = try ProductOverview.load(session, product: product) } catch { overview = nil; self.error = describe(error) }
    }

    private func reload() {
        let size = list.pageSize, at = list.selected
        list = PagedList(source: Self.source(session, filter, expanded: filter.foldsVariants ? expanded : [:]))
        list.pageSize = size
        list.reload()
        list.moveTo(at)
    }

    static func source(_ session: AppSession, _ filter: ProductGridFilter, expanded: [Int64: Int]) -> KeysetSource<ProductListRow> {
        let products = session.database.products, scope = session.scope
        // Top-level lines with the variants of expanded parents after each.
        let unfold: @Sendable ([ProductGridLine]) throws -> [ProductListRow] = { lines in
            var rows: [ProductListRow] = []
            for line in lines {
                let open = expanded[line.product.id] != nil
                rows.append(ProductListRow(line: line, isNested: false, isExpanded: open))
                if open {
                    rows += try products.variantLines(scope, parentId: line.product.id)
                        .map { ProductListRow(line: $0, isNested: true, isExpanded: false, parentCursor: line.cursor) }
                }
            }
            return rows
        }
        return KeysetSource(
            count: {
                let (n, exact) = try products.gridCount(scope, filter: filter)
                return ListCount(n + expanded.values.reduce(0, +), isExact: exact)
            },
            first: { try unfold(products.gridPage(scope, filter: filter, after: nil, limit: $0)) },
            after: { row, limit in
                if let parent = row.parentCursor {
                    let rest = try products.variantLines(scope, parentId: parent.id).filter { $0.product.id > row.product.id }
                        .map { ProductListRow(line: $0, isNested: true, isExpanded: false, parentCursor: parent) }
                    return try rest + unfold(products.gridPage(scope, filter: filter, after: parent, limit: limit))
                }
                if row.isExpanded {
                    let variants = try products.variantLines(scope, parentId: row.product.id)
                        .map { ProductListRow(line: $0, isNested: true, isExpanded: false, parentCursor: row.line.cursor) }
                    return try variants + unfold(products.gridPage(scope, filter: filter, after: row.line.cursor, limit: limit))
                }
                return try unfold(products.gridPage(scope, filter: filter, after: row.line.cursor, limit: limit))
            },
            before: { row, limit in
                if let parent = row.parentCursor {
                    // The parent and its variants above this one; the next call continues above the parent.
                    let above = try products.variantLines(scope, parentId: parent.id).filter { $0.product.id < row.product.id }
                        .map { ProductListRow(line: $0, isNested: true, isExpanded: false, parentCursor: parent) }
                    return [ProductListRow(line: try products.gridLine(scope, id: parent.id), isNested: false, isExpanded: true)] + above
                }
                return try unfold(products.gridPage(scope, filter: filter, before: row.line.cursor, limit: limit))
            },
            last: { try unfold(products.gridPage(scope, filter: filter, before: nil, limit: $0)) })
    }
}

extension ProductsModel: SearchableListModel {
    public var searchText: String? { filter.text }
    public func search(_ text: String) { send(.setText(text)) }
    public func move(_ move: ListMove) { send(.move(move)) }
}
