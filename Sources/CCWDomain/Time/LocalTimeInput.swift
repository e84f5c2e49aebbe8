import Foundation

/// A moment typed by a person: "now", "14:30" (today), "yesterday 9:15", "2026-11-24 14:30",
/// "-2 10:00". The date part is anything `CalendarDate.parse(_:today:)` accepts; the time
/// is `H:MM` or `HH:MM` in the organization's zone (a date alone means 09:00).
public enum LocalTimeInput {
    public static func parse(_ input: String, now: Int64, in zone: TimeZone) throws -> Int64 {
        let text = input.trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty || text == "now" { return now }
        let today = ZonedTime.date(at: now, in: zone)
        var parts = text.split(separator: " ").map(String.init)
        var time: (Int, Int)?
        if let last = parts.last, last.contains(":") {
            time = try clock(last)
            parts.removeLast()
        }
        let date = parts.isEmpty ? today : try CalendarDate.parse(parts.joined(separator: " "), today: today)
        let (hour, minute) = time ?? (9, 0)
        return instant(date, hour: hour, minute: minute, in: zone)
    }

    /// The instant of a local wall-clock time (in a DST gap: the same offset as before the gap).
    public static func instant(_ date: CalendarDate, hour: Int, minute: Int, in zone: TimeZone) -> Int64 {
        let local = Int64(date.dayNumber) * ZonedTime.millisecondsPerDay + Int64(hour * 60 + minute) * 60_000
        var guess = local - ZonedTime.offset(at: local, in: zone)
        guess = local - ZonedTime.offset(at: guess, in: zone)
        return guess
    }

    static func clock(_ text: String) throws -> (Int, Int) {
        let pieces = text.split(separator: ":")
        guard pieces.count == 2, let h = Int(pieces[0]), let m = Int(pieces[1]), pieces[1].count == 2,
              (0...23).contains(h), (0...59).contains(m) else {
            throw InputError("\"\(text)\" is not a time; type HH:MM, e.g. 14:30")
        }
        return (h, m)
    }
}
