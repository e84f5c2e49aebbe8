import CCWCore
import Foundation
import CCWDomain

/// One line of the contacts grid: the contact with the names it refers to.
public struct ContactRow: Sendable, Hashable {
    public var record: ContactRecord
    public var companyName: String?
    public var ownerLogin: String?
}

/// The contacts list: every contact of the organization in name order, narrowed by an
/// incremental text search (names, email, phone, title) and by status; paged by key so it
/// stays fast at a million contacts.
public final class ContactsModel {
    public enum Intent: Sendable {
        case reload
        case setText(String)
        case setStatus(ContactStatus?)
        /// Shows only the contacts of a saved segment (nil: all).
        case setSegment(SegmentRecord?)
        /// Orders the list; the same order again reverses it.
        case sort(ContactSort)
        case move(ListMove)
        /// Marks or unmarks the selected contact for a bulk change.
        case toggleMark
        /// Marks every contact the filter shows, or clears the marks when all are marked.
        case toggleMarkAll
        case clearMarks
        /// Applies a change to the marked contacts (or the selected one when none is marked).
        case bulk(ContactBulkChange)
    }

    public let session: AppSession
    public private(set) var filter = ContactFilter()
    public private(set) var list: PagedList<ContactRow>
    /// Shown while the typed search is too short to run.
    public private(set) var searchHint: String?
    public static let minimumSearchLength = 3
    public static let countCap = 1_000
    /// Marked contacts; with `allMarked`, the contacts left out of "all".
    public private(set) var marks: Set<ContactID> = []
    public private(set) var allMarked = false
    /// What the last intent did, for a toast; cleared by the next intent.
    public private(set) var lastMessage: String?
    public private(set) var error: String?
    /// The name of the segment shown, if any.
    public private(set) var segmentName: String?
    /// The selected contact's deals, tasks, timeline and score, read when the selection moves.
    public private(set) var overview: ContactOverview?

    public init(session: AppSession) {
        self.session = session
        self.list = PagedList(source: Self.source(session, ContactFilter(), owners: [:]))
    }

    public var selected: ContactRow? { list.selectedRow }

    /// "customer · /müller" for the filter line; empty when nothing narrows the list.
    public var filterSummary: String {
        [segmentName.map { "segment \($0)" }, filter.status.map { "status \($0)" }, filter.text.map { "/\($0)" }]
            .compactMap { $0 }.joined(separator: " · ")
    }

    public func setPageSize(_ n: Int) { list.pageSize = n }

    /// How many contacts a bulk change would touch now.
    public var markedCount: Int { allMarked ? max(0, list.count - marks.count) : marks.count }

    public func isMarked(_ row: ContactRow) -> Bool { allMarked != marks.contains(row.record.id) }

    public var canEdit: Bool { session.can(.edit, in: .crm) }
    public var canDelete: Bool { session.can(.delete, in: .crm) }
    public var canCreate: Bool { session.can(.create, in: .crm) }

    public func send(_ intent: Intent) {
        lastMessage = nil
        error = nil
        handle(intent)
        loadOverview()
    }

    /// Reads the selected contact's overview unless it is already the one shown.
    private func loadOverview(force: Bool = false) {
        guard let record = selected?.record else { overview = nil; return }
        if !force, let o = overview, o.record.id == record.id, o.record.version == record.version { return }
        overview = try? session.database.contacts.overview(session.scope, id: record.id)
    }

    /// Reads the selected contact again (after logging an interaction, adding a task…).
    public func refreshSelected() { loadOverview(force: true) }

    private func handle(_ intent: Intent) {
        switch intent {
        case .reload: reload()
        case .toggleMark:
            guard let id = selected?.record.id else { return }
            if marks.contains(id) { marks.remove(id) } else { marks.insert(id) }
            list.moveDown()
        case .toggleMarkAll:
            let everything = allMarked && marks.isEmpty
            allMarked = !everything
            marks = []
        case .clearMarks: allMarked = false; marks = []
        case .bulk(let change): bulk(change)
        case .setText(let text):
            let t = text.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty && t.count < Self.minimumSearchLength {
                searchHint = "type at least \(Self.minimumSearchLength) characters to search"
                return
            }
            searchHint = nil
            filter.text = t.isEmpty ? nil : t
            clearMarksIfAll()
            reload()
        case .setStatus(let status): filter.status = status; clearMarksIfAll(); reload()
        case .setSegment(let record):
            filter.segment = record?.segment
            segmentName = record?.segment.name
            clearMarksIfAll()
            reload()
        case .sort(let sort):
            filter.descending = filter.sort == sort ? !filter.descending : false
            filter.sort = sort
            reload()
        case .move(let m): list.apply(m)
        }
    }

    /// "All marked" means all in the filter; a new filter starts again.
    private func clearMarksIfAll() {
        if allMarked { allMarked = false; marks = [] }
    }

    private func bulk(_ change: ContactBulkChange) {
        let contacts = session.database.contacts, scope = session.scope
        do {
            var ids: [ContactID]
            if allMarked {
                ids = try contacts.ids(scope, filter: filter).filter { !marks.contains($0) }
            } else if !marks.isEmpty {
                ids = marks.sorted { $0.rawValue < $1.rawValue }
            } else if let id = selected?.record.id {
                ids = [id]
            } else {
                return
            }
            let result = try contacts.bulk(scope, ids: ids, change: change)
            var parts = ["\(result.changed) contact\(result.changed == 1 ? "" : "s") \(change.shortText)"]
            if result.unchanged > 0 { parts.append("\(result.unchanged) already so") }
            if result.missing > 0 { parts.append("\(result.missing) deleted meanwhile") }
            lastMessage = parts.joined(separator: ", ")
            allMarked = false
            marks = []
            reload()
        } catch {
            self.error = describe(error)
        }
    }

    /// Writes the contacts the list shows now (its filter, segment and order) to a CSV file;
    /// sets `lastMessage` or `error`.
    public func export(to path: String) {
        lastMessage = nil
        error = nil
        let expanded = (path as NSString).expandingTildeInPath
        guard FileManager.default.createFile(atPath: expanded, contents: nil),
              let handle = FileHandle(forWritingAtPath: expanded) else {
            error = "cannot write \(path): check the folder exists and you may write there"
            return
        }
        defer { try? handle.close() }
        do {
            let n = try session.database.contacts.exportCSV(session.scope, filter: filter) { text in
                try handle.write(contentsOf: Data(text.utf8))
            }
            lastMessage = "\(n) contact\(n == 1 ? "" : "s") written to \(path)"
        } catch {
            self.error = "export stopped: \(describe(error))"
        }
    }

    /// The organization's saved segments, for the picker.
    public func segments() -> [SegmentRecord] {
        (try? session.database.crmDefinitions.segments(session.scope)) ?? []
    }

    /// Shows `record` in the list: searches for its name so it is the first row.
    public func reveal(_ record: ContactRecord) {
        filter.status = nil
        filter.segment = nil
        segmentName = nil
        filter.text = record.contact.fullName.count >= Self.minimumSearchLength ? record.contact.fullName : nil
        reload()
        if let i = (0..<min(list.count, 200)).first(where: { list.row(at: $0)?.record.id == record.id }) { list.moveTo(i) }
        loadOverview(force: true)
    }

    private func reload() {
        // Owners are the organization's users: a small list, read once per reload. Reading
        // them needs Admin view; roles without it see contacts without owner names.
        let owners = (try? session.database.users.list(session.scope)).map {
            Dictionary(uniqueKeysWithValues: $0.map { (UserID($0.userId), $0.login) })
        } ?? [:]
        let size = list.pageSize
        list = PagedList(source: Self.source(session, filter, owners: owners))
        list.pageSize = size
        list.reload()
    }

    static func source(_ session: AppSession, _ filter: ContactFilter, owners: [UserID: String]) -> KeysetSource<ContactRow> {
        let contacts = session.database.contacts, companies = session.database.companies, scope = session.scope
        let rows: @Sendable ([ContactRecord]) throws -> [ContactRow] = { records in
            let names = try companies.names(scope, ids: records.compactMap(\.contact.companyID))
            return records.map { r in
                ContactRow(record: r, companyName: r.contact.companyID.flatMap { names[$0] }, ownerLogin: r.ownerId.flatMap { owners[$0] })
            }
        }
        return KeysetSource(
            count: {
                // Only a text search or a segment is capped; otherwise the count is exact.
                let (n, exact) = try contacts.countMatching(scope, filter: filter,
                                                            cap: filter.text == nil && filter.segment == nil ? nil : countCap)
                return ListCount(n, isExact: exact)
            },
            first: { try rows(contacts.page(scope, filter: filter, after: nil, limit: $0)) },
            after: { row, limit in try rows(contacts.page(scope, filter: filter, after: row.record.cursor, limit: limit)) },
            before: { row, limit in try rows(contacts.page(scope, filter: filter, before: row.record.cursor, limit: limit)) },
            last: { try rows(contacts.page(scope, filter: filter, before: nil, limit: $0)) })
    }
}

extension ContactBulkChange {
    /// "tagged vip", "set to customer", "deleted": the past tense for the result message.
    var shortText: String {
        switch self {
        case let .addTag(tag): "tagged \(tag)"
        case let .removeTag(tag): "untagged \(tag)"
        case .setOwner(nil): "without owner now"
        case .setOwner: "reassigned"
        case let .setStatus(status): "set to \(status)"
        case .delete: "deleted"
        }
    }
}

extension ContactsModel: SearchableListModel {
    public var searchText: String? { filter.text }
    public func search(_ text: String) { send(.setText(text)) }
    public func move(_ move: ListMove) { send(.move(move)) }
}
