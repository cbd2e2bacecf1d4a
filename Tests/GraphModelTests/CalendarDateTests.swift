import DocumentReading
import Testing

/// CalendarDate lives in DocumentReading; its weekday arithmetic drives the "on Friday" dates of meetings.
/// Expected values were checked with Python's datetime.
@Suite("CalendarDate")
struct CalendarDateTests {
    private func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test(arguments: [
        ("2021-10-08", 4), ("2021-10-04", 0), ("2021-10-10", 6), ("2000-01-01", 5), ("2024-02-29", 3),
        ("1900-03-01", 3), ("0001-01-01", 0), ("2026-11-22", 6),
    ])
    func weekday(iso: String, expected: Int) {
        #expect(date(iso).weekday == expected)
    }

    @Test(arguments: [
        ("2021-10-08", 0, "2021-10-08"), ("2021-10-08", 7, "2021-10-15"), ("2021-10-08", -7, "2021-10-01"),
        ("2021-10-31", 1, "2021-11-01"), ("2021-12-31", 1, "2022-01-01"), ("2022-01-01", -1, "2021-12-31"),
        ("2024-02-28", 1, "2024-02-29"), ("2023-02-28", 1, "2023-03-01"), ("2000-02-28", 1, "2000-02-29"),
        ("1900-02-28", 1, "1900-03-01"), ("2024-03-01", -1, "2024-02-29"), ("2021-01-01", 365, "2022-01-01"),
        ("2024-01-01", 366, "2025-01-01"), ("2021-10-08", -400, "2020-09-03"),
    ])
    func addingDays(iso: String, days: Int, expected: String) {
        #expect(date(iso).adding(days: days)?.iso == expected)
    }

    @Test func addingDaysAgreesWithDayNumberAndWeekday() {
        let start = date("1999-12-25")
        for days in stride(from: -800, through: 800, by: 37) {
            guard let moved = start.adding(days: days) else {
                Issue.record("1999-12-25 + \(days) days is out of range")
                continue
            }
            #expect(moved.dayNumber - start.dayNumber == days)
            #expect(moved.weekday == ((start.weekday + days) % 7 + 7) % 7)
        }
    }

    @Test func addingDaysBeyondTheCalendarIsNil() {
        #expect(date("0001-01-01").adding(days: -1) == nil)
        #expect(date("9999-12-31").adding(days: 1) == nil)
        #expect(date("9999-12-30").adding(days: 1)?.iso == "9999-12-31")
    }

    @Test func impossibleDatesAreRejected() {
        #expect(CalendarDate(year: 2021, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2021, month: 13, day: 1) == nil)
        #expect(CalendarDate(iso: "2021-1-01") == nil)
        #expect(CalendarDate(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(date("2021-10-08") < date("2021-10-09"))
    }
}
