import CCWCore
import CCWDomain
import Foundation

/// Work the open TUI does besides answering keys: runs the background jobs (each job in one
/// process at a time, whatever number of `ccw` processes share the database) and polls the
/// user's notifications, so notices from any process, another user's or a job's, arrive as toasts.
public final class BackgroundWork: @unchecked Sendable {
    public let session: AppSession
    public let scheduler: JobScheduler
    private let queue = DispatchQueue(label: "ccw.notifications", qos: .utility)
    private var timer: DispatchSourceTimer?
    private var lastSeenId: Int64 = 0
    private let lock = NSLock()

    public init(session: AppSession, jobs: [Job] = BackgroundJobs.all) {
        self.session = session
        self.scheduler = JobScheduler(database: session.database, clock: session.clock, holder: JobScheduler.defaultHolder)
        for job in jobs { scheduler.register(job) }
    }

    /// Starts the scheduler and the notification poll. `notice` receives each new notification;
    /// `unread` the unread count. Both are called on a background queue.
    public func start(pollEveryMs: Int = 2_000,
                      notice: @escaping @Sendable (String, Notice.Level) -> Void,
                      unread: @escaping @Sendable (Int) -> Void) {
        // Notifications that arrived before this session are counted, not replayed as toasts.
        let existing = (try? session.database.notifications.unread(session.scope, since: 0, limit: 1000)) ?? []
        lastSeenId = existing.map(\.id).max() ?? 0
        unread(existing.count)
        scheduler.start()
        let t = DispatchSource.makeTimerSource(queue: queue)
        t.schedule(deadline: .now() + .milliseconds(pollEveryMs), repeating: .milliseconds(pollEveryMs))
        t.setEventHandler { [weak self] in self?.poll(notice: notice, unread: unread) }
        t.resume()
        lock.withLock { timer = t }
    }

    public func stop() {
        scheduler.stop()
        lock.withLock { timer?.cancel(); timer = nil }
    }

    private func poll(notice: @Sendable (String, Notice.Level) -> Void, unread: @Sendable (Int) -> Void) {
        guard let fresh = try? session.database.notifications.unread(session.scope, since: lastSeenId) else { return }
        for n in fresh {
            notice(n.body.isEmpty ? n.title : "\(n.title): \(n.body)", Notice.Level(n.severity))
            lastSeenId = max(lastSeenId, n.id)
        }
        if !fresh.isEmpty, let count = try? session.database.notifications.unreadCount(session.scope) { unread(count) }
    }
}

extension Notice.Level {
    init(_ s: NoticeSeverity) {
        switch s {
        case .info: self = .info
        case .success: self = .success
        case .warning: self = .warning
        case .error: self = .error
        }
    }
}
