/// Moving through a list: the same intents on every list screen.
public enum ListMove: Sendable, Hashable {
    case down, up, pageDown, pageUp, first, last
}

extension PagedList {
    public mutating func apply(_ move: ListMove) {
        switch move {
        case .down: moveDown()
        case .up: moveUp()
        case .pageDown: pageDown()
        case .pageUp: pageUp()
        case .first: first()
        case .last: last()
        }
    }
}

/// A list view model with an incremental text search, as the audit log and contacts have.
public protocol SearchableListModel: AnyObject {
    /// The search in effect (nil: none).
    var searchText: String? { get }
    /// Shown while the typed search is too short to run.
    var searchHint: String? { get }
    func search(_ text: String)
    func move(_ move: ListMove)
    func setPageSize(_ n: Int)
}
