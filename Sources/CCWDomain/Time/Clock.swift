import Foundation

/// The source of "now" for everything that stores or compares time: milliseconds since
/// 1970-01-01 UTC. Injected everywhere so tests and background jobs can control time.
public protocol Clock: Sendable {
    func now() -> Int64
}

extension Clock {
    /// Today's date in the given zone.
    public func today(in zone: TimeZone) -> CalendarDate { ZonedTime.date(at: now(), in: zone) }
}

/// The wall clock.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}

/// A clock that moves only when told to; safe to share between threads.
public final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64

    public init(_ start: Int64 = 1_767_225_600_000) { current = start } // 2026-01-01T00:00:00Z

    public func now() -> Int64 { lock.withLock { current } }

    public func set(_ instant: Int64) { lock.withLock { current = instant } }

    public func advance(by milliseconds: Int64) { lock.withLock { current += milliseconds } }
}
