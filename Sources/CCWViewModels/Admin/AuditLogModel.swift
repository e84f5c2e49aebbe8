import CCWCore
import CCWDomain

/// The audit log viewer: every write of the organization, newest first, filtered by entity, user,
/// action, date range or text, paged by key so it stays fast at millions of rows.
public final class AuditLogModel {
    public enum Intent: Sendable {
        case reload
        case setText(String)
        case setEntity(String?)
        case setLogin(String?)
        case setAction(String?)
        /// Dates as typed (`2026-11-01`, `today`, `-7`); empty clears that end.
        case setRange(from: String, to: String)
        case clearFilters
        case move(ListMove)
        case verifyChain
    }

    public let session: AppSession
    public private(set) var filter = AuditFilter()
    public private(set) var list: PagedList<AuditEntry>
    /// The result of the last chain verification, as a sentence.
    public private(set) var verification: (ok: Bool, text: String)?
    /// A problem with the last filter input, naming it.
    public private(set) var filterError: String?
    /// Text searches need this many characters (the trigram index answers them instantly;
    /// shorter ones would scan every row).
    public static let minimumSearchLength = 3
    /// Text searches stop counting after this many matches ("1,000+").
    public static let countCap = 1_000
    /// Shown while the typed search is too short to run.
    public private(set) var searchHint: String?

    public init(session: AppSession) {
        self.session = session
        self.list = PagedList(source: Self.source(session, AuditFilter()))
    }

    public var selected: AuditEntry? { list.selectedRow }

    /// A one-line description of the active filters ("entity user · login anna · from 2026-11-01").
    public var filterSummary: String {
        var parts: [String] = []
        if let e = filter.entity { parts.append("entity \(e)") }
        if let l = filter.login { parts.append("user \(l)") }
        if let a = filter.action { parts.append("action \(a.rawValue)") }
        if let f = filter.from { parts.append("from \(f)") }
        if let t = filter.to { parts.append("to \(t)") }
        if let t = filter.text, !t.isEmpty { parts.append("/\(t)") }
        return parts.joined(separator: " · ")
    }

    public func send(_ intent: Intent) {
        switch intent {
        case .reload: reload()
        case .setText(let t): setText(t)
        case .setEntity(let e): filter.entity = e; reload()
        case .setLogin(let l): filter.login = l; reload()
        case .setAction(let a): filter.action = a.map { AuditAction(rawValue: $0) }; reload()
        case .setRange(let from, let to): setRange(from: from, to: to)
        case .clearFilters: filter = AuditFilter(); filterError = nil; reload()
        case .move(let m): list.apply(m)
        case .verifyChain:
            do {
                let v = try session.database.audit.verify(session.scope)
                verification = (v.isOK, v.description)
            } catch {
                verification = (false, describe(error))
            }
        }
    }

    public func setPageSize(_ n: Int) { list.pageSize = n }

    /// The entities and users that appear in the log, for the filter pick lists.
    public func distinctValues(_ column: AuditTrail.DistinctColumn) -> [String] {
        (try? session.database.audit.distinct(session.scope, column)) ?? []
    }

    private func setText(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if !t.isEmpty && t.count < Self.minimumSearchLength {
            searchHint = "type at least \(Self.minimumSearchLength) characters to search"
            return
        }
        searchHint = nil
        filter.text = t.isEmpty ? nil : t
        reload()
    }

    private func setRange(from: String, to: String) {
        let today = session.today
        do {
            filter.from = from.isEmpty ? nil : try CalendarDate.parse(from, today: today)
            filter.to = to.isEmpty ? nil : try CalendarDate.parse(to, today: today)
            if let f = filter.from, let t = filter.to, t < f {
                filterError = "date range: \(t) is before \(f)"
                return
            }
            filterError = nil
            reload()
        } catch {
            filterError = "date range: \(describe(error))"
        }
    }

    private func reload() {
        list = PagedList(source: Self.source(session, filter))
        list.reload()
    }

    static func source(_ session: AppSession, _ filter: AuditFilter) -> KeysetSource<AuditEntry> {
        let audit = session.database.audit
        let scope = session.scope
        return KeysetSource(
            count: {
                let (n, exact) = try audit.countMatching(scope, filter: filter, cap: countCap)
                return ListCount(n, isExact: exact)
            },
            first: { try audit.page(scope, filter: filter, after: nil, limit: $0) },
            after: { row, limit in try audit.page(scope, filter: filter, after: row.cursor, limit: limit) },
            before: { row, limit in try audit.page(scope, filter: filter, before: row.cursor, limit: limit) },
            last: { try audit.lastPage(scope, filter: filter, limit: $0) })
    }
}

extension AuditLogModel: SearchableListModel {
    public var searchText: String? { filter.text }
    public func search(_ text: String) { send(.setText(text)) }
    public func move(_ move: ListMove) { send(.move(move)) }
}
