import CCWCore
import CCWDomain

/// The home screen: who and where you are, how busy the organization has been, the latest
/// changes (for roles that may read the audit trail) and your unread notifications.
public final class HomeModel {
    public struct Fact: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    public let session: AppSession
    public private(set) var facts: [Fact] = []
    /// Changes per day, oldest first, for the last `activityDays` days.
    public private(set) var activity: [(day: CalendarDate, count: Int)] = []
    public private(set) var recent: [AuditEntry] = []
    public private(set) var notifications: [AppNotification] = []
    public private(set) var error: String?
    public let activityDays = 14

    public init(session: AppSession) { self.session = session }

    /// Whether this role may read the audit trail (recent changes).
    public var showsRecentChanges: Bool { session.can(.view, in: .admin) }

    public var activityTotal: Int { activity.reduce(0) { $0 + $1.count } }

    public func reload() {
        let db = session.database, scope = session.scope
        do {
            let org = try db.orgSettings.get(scope)
            facts = [
                Fact(label: "Organization", value: org.name),
                Fact(label: "You", value: "\(scope.displayName) (\(scope.login)), \(scope.role.title.lowercased())"),
                Fact(label: "Today", value: "\(session.today), \(String(describing: session.today.weekday).capitalized)"),
                Fact(label: "Base currency", value: org.baseCurrency.code),
                Fact(label: "Time zone", value: org.timeZone),
            ]
            if showsRecentChanges {
                let users = try db.users.list(scope, includeInactive: false)
                facts.append(Fact(label: "Active users", value: "\(users.count)"))
            }
            activity = try db.audit.dailyCounts(scope, days: activityDays, today: session.today)
            recent = showsRecentChanges ? try db.audit.page(scope, limit: 12) : []
            notifications = try db.notifications.recent(scope, limit: 12)
            error = nil
        } catch {
            self.error = describe(error)
        }
    }

    /// Marks every notification read (clears the Home badge).
    public func markAllRead() {
        do {
            _ = try session.database.notifications.markRead(session.scope)
            reload()
        } catch {
            self.error = describe(error)
        }
    }
}
