/// A date on the proleptic Gregorian calendar without a time or a zone (an invoice date, a
/// due date). Stored and exchanged as `YYYY-MM-DD` text.
///
/// Arithmetic goes through a day number (days since 1970-01-01) using the civil-from-days
/// algorithm, so it does not depend on Foundation's Calendar.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Validates the parts; the error message names the date and the rule it breaks.
    public init(year: Int, month: Int, day: Int) throws {
        let text = CalendarDate.text(year, month, day)
        guard (1...9999).contains(year) else { throw InputError("\(text): year must be 1-9999") }
        guard (1...12).contains(month) else { throw InputError("\(text): month must be 1-12") }
        let length = CalendarDate.daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            if day >= 1 && day <= 31 {
                throw InputError("\(text): \(CalendarDate.monthNames[month - 1]) \(year) has \(length) days")
            }
            throw InputError("\(text): day must be 1-\(length)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date with the given day number (days since 1970-01-01, negative before).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from this date to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    public var endOfMonth: CalendarDate {
        CalendarDate(unchecked: year, month, CalendarDate.daysIn(month: month, year: year))
    }

    public var startOfMonth: CalendarDate { CalendarDate(unchecked: year, month, 1) }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    public var description: String { CalendarDate.text(year, month, day) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func text(_ year: Int, _ month: Int, _ day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value.magnitude)
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// Days of the week, ISO order (Monday first).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

extension CalendarDate: TextCodable {
    public init(codingText: String) throws { self = try CalendarDate.parseISO(codingText) }
    public var codingText: String { description }
}
