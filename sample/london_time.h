// Europe/London wall-clock time for the sample data, without a tz database:
// since 1996 British Summer Time runs from 01:00 UTC on the last Sunday of March
// to 01:00 UTC on the last Sunday of October. The simulation works in UTC
// seconds; local times are only made when a rule needs them (working hours) and
// when a writer prints a timestamp, so the October repeated hour appears when an
// event happens to fall in it, and no event is ever placed in the March gap.
#pragma once

#include <cstdint>
#include <string>

namespace strawman::sample {

using UtcSeconds = std::int64_t; // seconds since 1970-01-01T00:00:00Z

struct LocalTime {
    int year = 1970;
    unsigned month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;
    int offsetMinutes = 0;      // 0 (GMT) or 60 (BST)
    std::int64_t dayNumber = 0; // local days since 1970-01-01
    unsigned weekday = 4;       // 0 = Sunday … 6 = Saturday
};

bool isSummerTime(UtcSeconds t);
LocalTime toLocal(UtcSeconds t);

// The instant a wall clock in London shows secondOfDay on local day dayNumber.
// In the October repeated hour: the earlier (BST) instant; in the March gap: the
// instant a clock not yet changed would show (i.e. one hour later).
UtcSeconds fromLocal(std::int64_t dayNumber, int secondOfDay);

// Local days since 1970-01-01 of a civil date, and back.
std::int64_t dayNumberOf(int year, unsigned month, unsigned day);
// Parses YYYY-MM-DD; returns false when it is not a valid date.
bool parseDate(const std::string& text, std::int64_t& dayNumber);

inline bool isWeekend(const LocalTime& t) {
    return t.weekday == 0 || t.weekday == 6;
}
inline int secondOfDay(const LocalTime& t) {
    return t.hour * 3600 + t.minute * 60 + t.second;
}

// Timestamp printers; each writes into out (appending) without allocation churn.
void appendUkLocal(std::string& out, const LocalTime& t, bool seconds);  // 26/10/2025 14:05[:07]
void appendIsoLocal(std::string& out, const LocalTime& t, bool seconds); // 2025-10-26 14:05[:07]
void appendIsoOffset(std::string& out, const LocalTime& t,
                     bool millis);                    // 2025-10-26T14:05:07[.000]+01:00
void appendHl7(std::string& out, const LocalTime& t); // 20251026140507+0100
void appendHl7Date(std::string& out, int year, unsigned month, unsigned day); // 19570312

} // namespace strawman::sample
