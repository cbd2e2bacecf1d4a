/// One input article after decoding, ready for analysis.
public struct Document: Hashable, Sendable {
    /// The file name without `.txt`, or the path relative to its input directory when names clash.
    public var id: String
    /// Where it came from, for messages (`-` for standard input).
    public var path: String
    /// The decoded, LF-normalised text without the `date` header. The title line, if any, stays in the text
    /// so that offsets into `text` match what a user sees in the file after the header.
    public var text: String
    /// UTF-8 byte range of the title line within `text`, when the first line is a title.
    public var titleRange: Range<Int>?
    /// The date given by a leading `date YYYY-MM-DD` header.
    public var date: CalendarDate?

    public init(id: String, path: String, text: String, titleRange: Range<Int>? = nil, date: CalendarDate? = nil) {
        self.id = id
        self.path = path
        self.text = text
        self.titleRange = titleRange
        self.date = date
    }
}

/// A proleptic Gregorian calendar date without time or zone: all a news article's dateline says.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for impossible dates (2021-02-30): a date is never "corrected" silently.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso: some StringProtocol) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0001-01-01 (day 0), for weekday arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 12 : month
        // Days from 0000-03-01 in the proleptic Gregorian calendar, shifted so 0001-01-01 is day 0.
        let days = 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + day - 1
        return days - 306
    }

    /// 0 = Monday … 6 = Sunday (ISO order).
    public var weekday: Int { ((dayNumber % 7) + 7) % 7 }

    /// Nil when the result leaves years 1…9999 (a document dated 0001-01-01 speaking of "Friday").
    public func adding(days: Int) -> CalendarDate? {
        var y = year, m = month, d = day + days
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += CalendarDate.daysIn(month: m, year: y)
        }
        while d > CalendarDate.daysIn(month: m, year: y) {
            d -= CalendarDate.daysIn(month: m, year: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return CalendarDate(year: y, month: m, day: d)
    }
}
