import CCWCore
import CCWDomain

/// Purchase orders: the open ones (or all), the selected order's lines, and the steps of an
/// order's life — draft from low-stock alerts, send, receive, cancel.
public final class PurchaseOrdersModel {
    public enum Intent: Sendable {
        case reload
        case toggleClosed
        case move(ListMove)
        /// Drafts orders from these alerts and selects the first of them.
        case draft(alertIds: [Int64])
        /// Drafts orders from every open low-stock alert that is on no order yet.
        case reorderAll
        case send
        case receive
        case cancel
    }

    public let session: AppSession
    public private(set) var orders: [PurchaseOrder] = []
    public private(set) var selected = 0
    public private(set) var showClosed = false
    public private(set) var error: String?
    public private(set) var lastMessage: String?

    public init(session: AppSession) { self.session = session }

    public var order: PurchaseOrder? { orders.indices.contains(selected) ? orders[selected] : nil }
    public var canCreate: Bool { session.can(.create, in: .inventory) }
    public var canEdit: Bool { session.can(.edit, in: .inventory) }

    public func send(_ intent: Intent) {
        error = nil
        lastMessage = nil
        let pos = session.database.purchaseOrders, scope = session.scope
        do {
            switch intent {
            case .reload: try reload()
            case .toggleClosed:
                showClosed.toggle()
                try reload()
            case let .move(m):
                switch m {
                case .down: selected += 1
                case .up: selected -= 1
                case .first, .pageUp: selected = 0
                case .last, .pageDown: selected = orders.count - 1
                }
                selected = max(0, min(orders.count - 1, selected))
            case let .draft(alertIds):
                let drafted = try pos.draft(scope, fromAlerts: alertIds)
                lastMessage = drafted.count == 1 ? "\(drafted[0].number) drafted" : "\(drafted.count) orders drafted: " + drafted.map(\.number).joined(separator: ", ")
                try reload()
                selected = orders.firstIndex { $0.id == drafted.first?.id } ?? 0
            case .reorderAll:
                let alerts = try pos.alertsToOrder(scope)
                guard !alerts.isEmpty else { lastMessage = "no low-stock alerts waiting for an order"; return }
                send(.draft(alertIds: alerts.map(\.id)))
                return
            case .send:
                guard let o = order else { return }
                _ = try pos.markSent(scope, id: o.id, expectedVersion: o.version)
                lastMessage = "\(o.number) marked sent"
                try reload(keeping: o.id)
            case .receive:
                guard let o = order else { return }
                let r = try pos.receive(scope, id: o.id)
                lastMessage = "\(r.number) received: \(r.lines.count) line\(r.lines.count == 1 ? "" : "s") booked into \(r.warehouseCode)"
                try reload(keeping: o.id)
            case .cancel:
                guard let o = order else { return }
                _ = try pos.cancel(scope, id: o.id, expectedVersion: o.version)
                lastMessage = "\(o.number) cancelled"
                try reload(keeping: o.id)
            }
        } catch CoreError.conflict(let info) {
            error = "this order was changed by \(info.changedBy ?? "a background job") meanwhile; it has been reloaded"
            try? reload(keeping: order?.id)
        } catch {
            self.error = describe(error)
        }
    }

    private func reload(keeping id: Int64? = nil) throws {
        let keep = id ?? order?.id
        orders = try session.database.purchaseOrders.list(session.scope, includeClosed: showClosed)
        selected = orders.firstIndex { $0.id == keep } ?? min(selected, max(0, orders.count - 1))
    }
}
