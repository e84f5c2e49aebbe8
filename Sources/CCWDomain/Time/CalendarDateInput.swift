import Foundation

/// Dates as users type them in forms and on the command line.
extension CalendarDate {
    /// Parses `YYYY-MM-DD` only (files, JSON, stored columns).
    public static func parseISO(_ text: String) throws -> CalendarDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw InputError("\(text): not a date (expected YYYY-MM-DD, e.g. 2026-12-01)")
        }
        return try CalendarDate(year: year, month: month, day: day)
    }

    /// Parses what a user types into a date field, relative to `today`:
    ///
    /// - `2026-12-01` (also `2026-12-1`): that date, validated (`2026-02-30: February 2026 has 28 days`)
    /// - `today`, `tomorrow`, `yesterday`
    /// - `+7` / `-3`: days from today; `+2w`: weeks from today
    /// - `eom`: the last day of today's month; `bom`: the first
    public static func parse(_ input: String, today: CalendarDate) throws -> CalendarDate {
        let text = input.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "": throw InputError("date is empty (expected YYYY-MM-DD, today, +7 or eom)")
        case "today", "t": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        case "eom": return today.endOfMonth
        case "bom": return today.startOfMonth
        default: break
        }
        if let sign = text.first, sign == "+" || sign == "-" {
            var amount = text.dropFirst()
            var unit = 1
            if amount.last == "w" { unit = 7; amount = amount.dropLast() }
            else if amount.last == "d" { amount = amount.dropLast() }
            guard !amount.isEmpty, amount.count <= 6, amount.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let count = Int(amount) else {
                throw InputError("\(input): not a date offset (expected e.g. +7, -3 or +2w)")
            }
            return today.adding(days: (sign == "+" ? count : -count) * unit)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw InputError("\(input): not a date (expected YYYY-MM-DD, today, +7 or eom)")
        }
        return try CalendarDate(year: year, month: month, day: day)
    }
}
