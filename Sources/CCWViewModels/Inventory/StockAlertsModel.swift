import CCWCore
import CCWDomain

/// Inventory › Alerts: the open low-stock alerts, newest first (or every alert with
/// `showResolved`), with the stock now and the rule's reorder quantity. Rows can be marked
/// (Space, `*` all) so a later step can turn the chosen alerts into purchase orders: that
/// step reads `alertsForReorder`.
public final class StockAlertsModel {
    public enum Intent: Sendable {
        case reload
        case move(ListMove)
        case toggleMark
        case toggleMarkAll
        case clearMarks
        /// Shows resolved alerts too (again: open ones only).
        case toggleResolved
    }

    public let session: AppSession
    public private(set) var lines: [StockAlertLine] = []
    public private(set) var selected = 0
    public private(set) var marks: Set<Int64> = []
    public private(set) var showResolved = false
    public private(set) var error: String?
    public var pageSize = 20
    public static let limit = 500

    public init(session: AppSession) { self.session = session }

    public var selectedLine: StockAlertLine? { lines.indices.contains(selected) ? lines[selected] : nil }
    public func isMarked(_ line: StockAlertLine) -> Bool { marks.contains(line.alert.id) }

    /// The alerts a reorder would order for: the marked ones, else the selected one; open alerts only.
    public var alertsForReorder: [StockAlertLine] {
        let chosen = marks.isEmpty ? selectedLine.map { [$0] } ?? [] : lines.filter { marks.contains($0.alert.id) }
        return chosen.filter { $0.alert.resolvedAt == nil }
    }

    public func send(_ intent: Intent) {
        error = nil
        switch intent {
        case .reload: reload()
        case .move(let m):
            let n = lines.count
            switch m {
            case .down: selected += 1
            case .up: selected -= 1
            case .pageDown: selected += max(1, pageSize)
            case .pageUp: selected -= max(1, pageSize)
            case .first: selected = 0
            case .last: selected = n - 1
            }
            selected = min(max(0, selected), max(0, n - 1))
        case .toggleMark:
            guard let id = selectedLine?.alert.id else { return }
            if marks.contains(id) { marks.remove(id) } else { marks.insert(id) }
            selected = min(selected + 1, max(0, lines.count - 1))
        case .toggleMarkAll:
            let all = Set(lines.map(\.alert.id))
            marks = marks == all ? [] : all
        case .clearMarks: marks = []
        case .toggleResolved:
            showResolved.toggle()
            reload()
        }
    }

    private func reload() {
        do {
            lines = try session.database.stockQueries.alertLines(session.scope, openOnly: !showResolved, limit: Self.limit)
        } catch {
            lines = []
            self.error = describe(error)
        }
        marks = marks.intersection(lines.map(\.alert.id))
        selected = min(selected, max(0, lines.count - 1))
    }
}
