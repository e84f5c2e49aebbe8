import CCWCore
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
        case move(ListMove)
    }

    public let session: AppSession
    public private(set) var filter = ContactFilter()
    public private(set) var list: PagedList<ContactRow>
    /// Shown while the typed search is too short to run.
    public private(set) var searchHint: String?
    public static let minimumSearchLength = 3
    public static let countCap = 1_000

    public init(session: AppSession) {
        self.session = session
        self.list = PagedList(source: Self.source(session, ContactFilter(), owners: [:]))
    }

    public var selected: ContactRow? { list.selectedRow }

    /// "customer · /müller" for the filter line; empty when nothing narrows the list.
    public var filterSummary: String {
        [filter.status.map { "status \($0)" }, filter.text.map { "/\($0)" }].compactMap { $0 }.joined(separator: " · ")
    }

    public func setPageSize(_ n: Int) { list.pageSize = n }

    public func send(_ intent: Intent) {
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
            reload()
        case .setStatus(let status): filter.status = status; reload()
        case .move(let m): list.apply(m)
        }
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
                // Only a text search is capped; without one the count is exact.
                let (n, exact) = try contacts.countMatching(scope, filter: filter, cap: filter.text == nil ? nil : countCap)
                return ListCount(n, isExact: exact)
            },
            first: { try rows(contacts.page(scope, filter: filter, after: nil, limit: $0)) },
            after: { row, limit in try rows(contacts.page(scope, filter: filter, after: row.record.cursor, limit: limit)) },
            before: { row, limit in try rows(contacts.page(scope, filter: filter, before: row.record.cursor, limit: limit)) },
            last: { try rows(contacts.page(scope, filter: filter, before: nil, limit: $0)) })
    }
}

extension ContactsModel: SearchableListModel {
    public var searchText: String? { filter.text }
    public func search(_ text: String) { send(.setText(text)) }
    public func move(_ move: ListMove) { send(.move(move)) }
}
