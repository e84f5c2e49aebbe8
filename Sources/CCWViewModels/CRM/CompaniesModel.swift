import CCWCore
import CCWDomain

/// What the detail pane shows about the selected company: its fields, parent, a few contacts
/// and deals (bounded), and the open pipeline rolled up over all its subsidiaries.
public struct CompanyDetailData: Sendable {
    public var record: CompanyRecord
    public var parentName: String?
    public var subsidiaries: Int
    public var contacts: [ContactRecord]
    public var contactCount: Int
    public var deals: [DealRecord]
    /// Stage names by id, for the deal lines.
    public var stageNames: [StageID: String]
    public var pipeline: DealTotals
}

/// CRM › Companies: the parent/subsidiary tree (expand, collapse, filter keeping ancestors),
/// the selected company's detail, and the new/edit form with optimistic locking.
///
/// The tree (id, name, parent of every company) is read once per reload, never per frame or
/// key; the detail reads a bounded handful of rows when the selection changes.
public final class CompaniesModel {
    public enum Intent: Sendable {
        case reload
        case setFilter(String)
        case move(ListMove)
        /// Expand or collapse the selected company.
        case toggle
        /// Expand; on an expanded company go to its first subsidiary.
        case expand
        /// Collapse; on a collapsed or leaf company go to its parent.
        case collapse
        case select(CompanyID)
        /// Open the form for a new company (a subsidiary of `parent` when given).
        case new(parentName: String?)
        case edit
        case set(CompanyEditor.Field, String)
        case save
        case cancel
        /// After a conflict: drop the edits and load the stored company.
        case reloadTheirs
        /// After a conflict: save the edits over the newer version.
        case keepMine
        case delete
    }

    public enum Outcome: Equatable, Sendable {
        case none
        case saved(String)
        case deleted(String)
        case invalid
        case conflict(String)
        case failed(String)
    }

    public let session: AppSession
    public private(set) var tree = CompanyTree()
    public private(set) var lines: [CompanyTree.Line] = []
    public private(set) var selected = 0
    public private(set) var collapsed: Set<CompanyID> = []
    public private(set) var filter: String?
    public private(set) var detail: CompanyDetailData?
    public private(set) var editor: CompanyEditor?
    public private(set) var lastOutcome: Outcome = .none
    public private(set) var error: String?
    public var pageSize = 20
    private var conflictVersion: Int64?
    private var stageNames: [StageID: String] = [:]

    public init(session: AppSession) { self.session = session }

    public var selectedLine: CompanyTree.Line? { lines.indices.contains(selected) ? lines[selected] : nil }
    public var canCreate: Bool { session.can(.create, in: .crm) }
    public var canEdit: Bool { session.can(.edit, in: .crm) }
    /// Deleting a company needs the manager or admin role (a finer rule than the CRM matrix).
    public var canDelete: Bool { session.can(.delete, in: .crm) && Companies.deletingRoles.contains(session.role) }
    public var isDirty: Bool {
        guard let editor else { return false }
        if editor.isNew { return CompanyEditor.Field.allCases.contains { $0 != .status && !editor.value($0).isEmpty && $0 != .parent } }
        let original = detail.map { CompanyEditor(editing: $0.record, parentName: $0.parentName) }
        return original?.values != editor.values
    }

    public func send(_ intent: Intent) {
        lastOutcome = .none
        switch intent {
        case .reload: reload(keeping: selectedLine?.companyID)
        case .setFilter(let text):
            let t = text.trimmingCharacters(in: .whitespaces)
            filter = t.isEmpty ? nil : t
            relayout(keeping: selectedLine?.companyID, preferMatch: true)
        case .move(let m): moveSelection(m)
        case .toggle:
            guard let line = selectedLine, line.hasChildren, filter == nil else { return }
            if collapsed.contains(line.companyID) { collapsed.remove(line.companyID) } else { collapsed.insert(line.companyID) }
            relayout(keeping: line.companyID)
        case .expand:
            guard let line = selectedLine, line.hasChildren else { return }
            if line.isExpanded { moveSelection(.down) } else if filter == nil { collapsed.remove(line.companyID); relayout(keeping: line.companyID) }
        case .collapse:
            guard let line = selectedLine else { return }
            if line.hasChildren && line.isExpanded && filter == nil {
                collapsed.insert(line.companyID)
                relayout(keeping: line.companyID)
            } else if let parent = tree.parent(of: line.companyID), let i = lines.firstIndex(where: { $0.companyID == parent }) {
                select(i)
            }
        case .select(let id):
            collapsed.subtract(ancestors(of: id))
            relayout(keeping: id)
        case .new(let parent): editor = CompanyEditor(new: parent)
        case .edit:
            guard let detail else { return }
            editor = CompanyEditor(editing: detail.record, parentName: detail.parentName)
        case .set(let f, let v):
            editor?.values[f] = v
            editor?.errors[f] = nil
        case .save: save(expected: editor?.version)
        case .keepMine: save(expected: conflictVersion)
        case .reloadTheirs:
            conflictVersion = nil
            loadDetail()
            if let detail { editor = CompanyEditor(editing: detail.record, parentName: detail.parentName) }
        case .cancel: editor = nil; conflictVersion = nil
        case .delete: delete()
        }
    }

    // MARK: Tree

    private func reload(keeping id: CompanyID?) {
        do {
            tree = CompanyTree(rows: try session.database.companies.tree(session.scope))
            stageNames = [:]
            for p in (try? session.database.pipelines.list(session.scope)) ?? [] {
                for s in p.pipeline.stages { stageNames[s.id] = s.name }
            }
            error = nil
        } catch {
            tree = CompanyTree()
            self.error = describe(error)
        }
        relayout(keeping: id)
    }

    private func relayout(keeping id: CompanyID?, preferMatch: Bool = false) {
        lines = tree.lines(collapsed: collapsed, filter: filter)
        var index = id.flatMap { id in lines.firstIndex { $0.companyID == id } } ?? 0
        if preferMatch, lines.indices.contains(index), !lines[index].isMatch {
            index = lines.firstIndex(where: \.isMatch) ?? index
        }
        select(index)
    }

    private func moveSelection(_ m: ListMove) {
        let page = max(1, pageSize)
        switch m {
        case .down: select(selected + 1)
        case .up: select(selected - 1)
        case .pageDown: select(selected + page)
        case .pageUp: select(selected - page)
        case .first: select(0)
        case .last: select(lines.count - 1)
        }
    }

    private func select(_ index: Int) {
        let before = selectedLine?.companyID
        selected = lines.isEmpty ? 0 : min(max(0, index), lines.count - 1)
        if selectedLine?.companyID != before || detail?.record.id != selectedLine?.companyID { loadDetail() }
    }

    private func ancestors(of id: CompanyID) -> [CompanyID] {
        var result: [CompanyID] = []
        var current = tree.parent(of: id)
        while let p = current, !result.contains(p) { result.append(p); current = tree.parent(of: p) }
        return result
    }

    // MARK: Detail

    private func loadDetail() {
        guard let id = selectedLine?.companyID else { detail = nil; return }
        let db = session.database, scope = session.scope
        do {
            let record = try db.companies.get(scope, id: id)
            let parentName = try record.company.parentCompanyID.flatMap { try db.companies.names(scope, ids: [$0])[$0] }
            detail = CompanyDetailData(
                record: record, parentName: parentName,
                subsidiaries: tree.rows.reduce(0) { $0 + (tree.parent(of: $1.companyID) == id ? 1 : 0) },
                contacts: try db.contacts.page(scope, filter: ContactFilter(companyId: id), limit: 8),
                contactCount: try db.companies.contactCount(scope, of: id),
                deals: try db.companies.deals(scope, of: id, limit: 8),
                stageNames: stageNames,
                pipeline: try db.companies.pipelineTotals(scope, id: id))
        } catch {
            detail = nil
            self.error = describe(error)
        }
    }

    // MARK: Saving

    private func save(expected: Int64?) {
        guard var editor else { return }
        let db = session.database, scope = session.scope
        let country = (try? db.orgSettings.get(scope).defaultCountry).flatMap { $0 }.flatMap { try? PhoneCountry($0) }
        let (company, errors) = editor.company(country: country) { try db.crmLookups.company(scope, named: $0, field: "parent company") }
        guard let company else {
            editor.errors = errors
            self.editor = editor
            lastOutcome = .invalid
            return
        }
        do {
            let saved: CompanyRecord
            if let id = editor.id, let expected {
                saved = try db.companies.update(scope, id: id, company: company, ownerId: editor.ownerId, expectedVersion: expected)
            } else {
                saved = try db.companies.add(scope, company: company)
            }
            self.editor = nil
            conflictVersion = nil
            collapsed.subtract(ancestors(of: saved.id))
            reload(keeping: saved.id)
            if let i = lines.firstIndex(where: { $0.companyID == saved.id }) { select(i) }
            lastOutcome = .saved("company \(saved.company.name) \(editor.isNew ? "added" : "saved")")
        } catch CoreError.conflict(let info) {
            conflictVersion = info.currentVersion
            lastOutcome = .conflict("\(company.name) was changed by \(info.changedBy ?? "someone else") at \(session.timestampText(info.changedAt)).")
        } catch CoreError.invalid(let list) {
            editor.errors = [:]
            for fe in list { editor.errors[CompanyEditor.field(named: fe.field)] = fe.message }
            self.editor = editor
            lastOutcome = .invalid
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }

    private func delete() {
        guard let detail else { return }
        do {
            try session.database.companies.delete(session.scope, id: detail.record.id, expectedVersion: detail.record.version)
            let index = selected
            reload(keeping: nil)
            select(index)
            lastOutcome = .deleted("company \(detail.record.company.name) deleted")
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }
}

extension CompaniesModel: SearchableListModel {
    public var searchText: String? { filter }
    public var searchHint: String? { nil }
    public func search(_ text: String) { send(.setFilter(text)) }
    public func move(_ move: ListMove) { send(.move(move)) }
    public func setPageSize(_ n: Int) { pageSize = n }
}
