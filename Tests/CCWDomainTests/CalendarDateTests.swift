import Foundation
import Testing
@testable import CCWDomain

@Suite struct CalendarDateTests {
    let today = try! CalendarDate(year: 2026, month: 2, day: 14)

    @Test func parsesTypedDatesRelativeToToday() throws {
        #expect(try CalendarDate.parse("2026-12-01", today: today).description == "2026-12-01")
        #expect(try CalendarDate.parse("2026-3-1", today: today).description == "2026-03-01")
        #expect(try CalendarDate.parse("today", today: today) == today)
        #expect(try CalendarDate.parse("+7", today: today).description == "2026-02-21")
        #expect(try CalendarDate.parse("-3", today: today).description == "2026-02-11")
        #expect(try CalendarDate.parse("+2w", today: today).description == "2026-02-28")
        #expect(try CalendarDate.parse("EOM", today: today).description == "2026-02-28")
        #expect(try CalendarDate.parse("+30", today: today).description == "2026-03-16")
    }

    @Test func errorsNameWhatIsWrong() {
        #expect(throws: InputError("2026-13-01: month must be 1-12")) { try CalendarDate.parse("2026-13-01", today: today) }
        #expect(throws: InputError("2026-02-30: February 2026 has 28 days")) { try CalendarDate.parse("2026-02-30", today: today) }
        #expect(throws: InputError("2026-04-31: April 2026 has 30 days")) { try CalendarDate.parse("2026-04-31", today: today) }
        #expect(throws: InputError("2026-01-00: day must be 1-31")) { try CalendarDate.parse("2026-01-00", today: today) }
        #expect(throws: InputError("next week: not a date (expected YYYY-MM-DD, today, +7 or eom)")) {
            try CalendarDate.parse("next week", today: today)
        }
        #expect(throws: InputError.self) { try CalendarDate.parse("+x", today: today) }
        #expect(throws: InputError.self) { try CalendarDate.parseISO("2026-3-1") }
    }

    @Test func leapYearsAndMonthEnds() throws {
        #expect(try CalendarDate(year: 2028, month: 2, day: 29).endOfMonth.day == 29)
        #expect(throws: InputError("1900-02-29: February 1900 has 28 days")) { try CalendarDate(year: 1900, month: 2, day: 29) }
        #expect(try CalendarDate(year: 2000, month: 2, day: 29).day == 29)
    }

    @Test func dayNumbersRoundTripAndWeekdays() throws {
        #expect(try CalendarDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(try CalendarDate(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(try CalendarDate(year: 2026, month: 2, day: 14).weekday == .saturday)
        #expect(try CalendarDate(year: 1969, month: 12, day: 31).dayNumber == -1)
        for n in stride(from: -719_000, through: 2_900_000, by: 997) {
            let date = CalendarDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(try CalendarDate.parseISO(date.description) == date)
            #expect(date.adding(days: 1).dayNumber == n + 1)
        }
        #expect(try CalendarDate(year: 2026, month: 1, day: 1).days(until: CalendarDate(year: 2027, month: 1, day: 1)) == 365)
    }

    @Test func instantsConvertInTheOrgTimeZone() throws {
        let berlin = try ZonedTime.timeZone("Europe/Berlin")
        // 2026-01-31T23:30:00Z is already 1 February in Berlin (UTC+1).
        let instant: Int64 = 1_769_902_200_000
        #expect(ZonedTime.date(at: instant, in: try ZonedTime.timeZone("UTC")).description == "2026-01-31")
        #expect(ZonedTime.date(at: instant, in: berlin).description == "2026-02-01")
        let start = ZonedTime.startOfDay(try CalendarDate.parseISO("2026-02-01"), in: berlin)
        #expect(start == 1_769_900_400_000) // 2026-01-31T23:00:00Z
        #expect(ZonedTime.format(instant, in: berlin) == "2026-02-01 00:30")
        #expect(ZonedTime.iso8601UTC(instant) == "2026-01-31T23:30:00.000Z")
        // Summer time: 2026-07-01 starts at 22:00Z the day before.
        let july = ZonedTime.startOfDay(try CalendarDate.parseISO("2026-07-01"), in: berlin)
        #expect(ZonedTime.iso8601UTC(july) == "2026-06-30T22:00:00.000Z")
        #expect(throws: InputError.self) { try ZonedTime.timeZone("Mars/Olympus") }
    }
}

@Suite struct ClockAndUIDTests {
    @Test func manualClockMovesOnlyWhenTold() {
        let clock = ManualClock(1000)
        #expect(clock.now() == 1000)
        clock.advance(by: 500)
        #expect(clock.now() == 1500)
        clock.set(42)
        #expect(clock.now() == 42)
    }

    @Test func uidsAreVersion7AndTimeOrdered() {
        var previous = ""
        let generator = UID.Generator()
        for i in 0..<2000 {
            let uid = generator.make(at: 1_767_225_600_000 + Int64(i / 10))
            #expect(UID.isValid(uid))
            let chars = Array(uid)
            #expect(chars[14] == "7")
            #expect("89ab".contains(chars[19]))
            #expect(uid > previous)
            #expect(UID.instant(of: uid) == 1_767_225_600_000 + Int64(i / 10))
            previous = uid
        }
    }
}

@Suite struct ValidationErrorsTests {
    @Test func collectsEveryFieldMessage() {
        var errors = ValidationErrors()
        let currency = errors.check("base currency") { try CurrencyCode("EUT") }
        let date = errors.check("due date") { try CalendarDate.parse("2026-13-01", today: CalendarDate(dayNumber: 0)) }
        #expect(currency == nil && date == nil)
        #expect(errors["due date"] == "2026-13-01: month must be 1-12")
        #expect(errors.errors.count == 2)
        #expect(throws: ValidationErrors.self) { try errors.throwIfAny() }
    }
}
