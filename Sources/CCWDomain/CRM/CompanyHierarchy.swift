import Foundation

/// Parent/subsidiary links between companies (FR-1.2): cycle refusal, tree rows for a tree
/// view, and pipeline totals rolled up over subsidiaries.
///
/// Built from stored companies, which should never contain a cycle; if one slipped in, the
/// walks below still end (each visits a company at most once) and the companies on the cycle
/// are shown as roots.
public struct CompanyHierarchy: Sendable {
    /// A line of the flattened tree.
    public struct Row: Sendable, Hashable {
        public var companyID: CompanyID
        public var name: String
        /// 0 for a top-level company, 1 for its subsidiaries, …
        public var depth: Int
        public var hasChildren: Bool
    }

    private var names: [CompanyID: String]
    private var parents: [CompanyID: CompanyID]
    private var children: [CompanyID: [CompanyID]]

    /// Companies without an id are ignored.
    public init(companies: [Company]) {
        names = [:]
        parents = [:]
        for company in companies {
            guard let id = company.id else { continue }
            names[id] = company.name
            if let parent = company.parentCompanyID { parents[id] = parent }
        }
        children = [:]
        for (child, parent) in parents where names[parent] != nil { children[parent, default: []].append(child) }
        for key in children.keys { children[key]!.sort { CompanyHierarchy.byName(names, $0, $1) } }
    }

    public func parent(of id: CompanyID) -> CompanyID? { parents[id] }

    /// Direct subsidiaries, by name.
    public func children(of id: CompanyID) -> [CompanyID] { children[id] ?? [] }

    /// Parent, grandparent, … up to the top (nearest first).
    public func ancestors(of id: CompanyID) -> [CompanyID] {
        var result: [CompanyID] = []
        var seen: Set<CompanyID> = [id]
        var current = parents[id]
        while let next = current, seen.insert(next).inserted {
            result.append(next)
            current = parents[next]
        }
        return result
    }

    /// Every subsidiary at any depth, depth first, by name.
    public func descendants(of id: CompanyID) -> [CompanyID] {
        var result: [CompanyID] = []
        var seen: Set<CompanyID> = [id]
        func walk(_ node: CompanyID) {
            for child in children(of: node) where seen.insert(child).inserted {
                result.append(child)
                walk(child)
            }
        }
        walk(id)
        return result
    }

    /// Checks setting `parent` as the parent of `company` (nil removes the parent). Refuses a
    /// company as its own parent, an unknown parent, and any link that would close a cycle;
    /// the message names the cycle, each arrow pointing from a company to its parent:
    /// `parent company: Acme Holding is a subsidiary of Acme GmbH, so it cannot be its parent
    /// (the chain would loop: Acme GmbH → Acme Holding → Acme GmbH)`.
    public func checkParent(_ parent: CompanyID?, for company: CompanyID) -> FieldError? {
        guard let parent else { return nil }
        let field = "parent company"
        if parent == company { return FieldError(field: field, message: "a company cannot be its own parent") }
        guard names[parent] != nil else { return FieldError(field: field, message: "\(parent) does not exist") }
        // The new link closes a cycle when `company` is already above `parent`.
        let chain = [parent] + ancestors(of: parent)
        guard let index = chain.firstIndex(of: company) else { return nil }
        let path = ([company] + chain[...index]).map(name)
        return FieldError(field: field, message: "\(name(parent)) is a subsidiary of \(name(company)), so it cannot be its parent (the chain would loop: \(path.joined(separator: " → ")))")
    }

    /// A copy with `company`'s parent changed, after `checkParent` allowed it.
    public func settingParent(_ parent: CompanyID?, for company: CompanyID) throws -> CompanyHierarchy {
        if let error = checkParent(parent, for: company) { throw error }
        var copy = self
        if let old = copy.parents[company] { copy.children[old]?.removeAll { $0 == company } }
        copy.parents[company] = parent
        if let parent {
            copy.children[parent, default: []].append(company)
            copy.children[parent]!.sort { CompanyHierarchy.byName(names, $0, $1) }
        }
        return copy
    }

    /// Top-level companies: no parent, or a parent that is not known.
    public var roots: [CompanyID] {
        names.keys.filter { id in
            guard let parent = parents[id] else { return true }
            return names[parent] == nil
        }.sorted { CompanyHierarchy.byName(names, $0, $1) }
    }

    /// The whole forest as rows for a tree view: each top-level company followed by its
    /// subsidiaries depth first, siblings by name, every company exactly once.
    public func flattened() -> [Row] {
        var rows: [Row] = []
        var seen = Set<CompanyID>()
        func walk(_ id: CompanyID, _ depth: Int) {
            guard seen.insert(id).inserted else { return }
            rows.append(Row(companyID: id, name: name(id), depth: depth, hasChildren: !children(of: id).isEmpty))
            for child in children(of: id) { walk(child, depth + 1) }
        }
        for root in roots { walk(root, 0) }
        // Companies only reachable through a damaged cycle.
        for id in names.keys.sorted(by: { CompanyHierarchy.byName(names, $0, $1) }) where !seen.contains(id) { walk(id, 0) }
        return rows
    }

    /// Totals of the open deals of each company including all its subsidiaries. `pipelines`
    /// tell which stages are open; deals without a company or in closed stages are left out.
    /// Every known company has an entry (empty totals when it has no deals).
    public func rollup(deals: [Deal], pipelines: [Pipeline]) -> [CompanyID: DealTotals] {
        var open = Set<StageID>()
        for pipeline in pipelines { for stage in pipeline.openStages { open.insert(stage.id) } }
        var own: [CompanyID: DealTotals] = [:]
        for deal in deals where open.contains(deal.stageID) {
            guard let company = deal.companyID else { continue }
            own[company, default: DealTotals()].add(deal)
        }
        var result: [CompanyID: DealTotals] = [:]
        for id in names.keys {
            var totals = own[id] ?? DealTotals()
            for sub in descendants(of: id) { if let t = own[sub] { totals.add(t) } }
            result[id] = totals
        }
        return result
    }

    private func name(_ id: CompanyID) -> String { names[id] ?? id.description }

    private static func byName(_ names: [CompanyID: String], _ a: CompanyID, _ b: CompanyID) -> Bool {
        let x = names[a] ?? "", y = names[b] ?? ""
        if x != y { return x.localizedStandardCompare(y) == .orderedAscending }
        return a < b
    }
}
