import Foundation

/// Conversions between instants (Int64 milliseconds since 1970-01-01 UTC, as stored) and
/// calendar dates in an organization's IANA time zone.
public enum ZonedTime {
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// Resolves an IANA identifier (`Europe/Berlin`); the error names the text.
    public static func timeZone(_ identifier: String) throws -> TimeZone {
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let zone = TimeZone(identifier: trimmed) else {
            throw InputError("\"\(identifier)\" is not an IANA time zone (expected e.g. Europe/Berlin or UTC)")
        }
        return zone
    }

    /// Offset from UTC in milliseconds at an instant.
    public static func offset(at instant: Int64, in zone: TimeZone) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1000))) * 1000
    }

    /// The calendar date at an instant in a zone.
    public static func date(at instant: Int64, in zone: TimeZone) -> CalendarDate {
        let local = instant + offset(at: instant, in: zone)
        return CalendarDate(dayNumber: Int(floorDiv(local, millisecondsPerDay)))
    }

    /// The first instant of a date in a zone (local midnight, or the first existing local
    /// time after a gap when a DST change skips midnight).
    public static func startOfDay(_ date: CalendarDate, in zone: TimeZone) -> Int64 {
        let localMidnight = Int64(date.dayNumber) * millisecondsPerDay
        var guess = localMidnight - offset(at: localMidnight, in: zone)
        guess = localMidnight - offset(at: guess, in: zone)
        return guess
    }

    /// `YYYY-MM-DD HH:MM` in the zone, for "changed by bob at …" messages and list columns.
    public static func format(_ instant: Int64, in zone: TimeZone, seconds: Bool = false) -> String {
        let local = instant + offset(at: instant, in: zone)
        let date = CalendarDate(dayNumber: Int(floorDiv(local, millisecondsPerDay)))
        let msOfDay = local - Int64(date.dayNumber) * millisecondsPerDay
        let h = msOfDay / 3_600_000, m = (msOfDay / 60_000) % 60, s = (msOfDay / 1000) % 60
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date) \(two(h)):\(two(m))" + (seconds ? ":\(two(s))" : "")
    }

    /// ISO 8601 UTC text with milliseconds (`2026-03-01T09:30:00.000Z`) for JSON output.
    public static func iso8601UTC(_ instant: Int64) -> String {
        let date = CalendarDate(dayNumber: Int(floorDiv(instant, millisecondsPerDay)))
        let ms = instant - Int64(date.dayNumber) * millisecondsPerDay
        func pad(_ v: Int64, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: w - s.count) + s }
        return "\(date)T\(pad(ms / 3_600_000, 2)):\(pad((ms / 60_000) % 60, 2)):\(pad((ms / 1000) % 60, 2)).\(pad(ms % 1000, 3))Z"
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
