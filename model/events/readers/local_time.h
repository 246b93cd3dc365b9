// Times as RIS extracts and messages write them. Instants are kept in UTC with
// the offset the source used; local times without an offset are read in a named
// zone (Europe/London by default), with the autumn repeated hour and the spring
// missing hour resolved by a stated rule and reported, never guessed silently.
#pragma once

#include "source_event.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace strawman::model {

struct ParsedTime {
    TimeMs time = 0;                // UTC
    std::int32_t offsetMinutes = 0; // offset in force (or written) at that instant
    std::optional<DstCase> dst;     // set when a local time fell in a DST transition
};

class TimeZone {
  public:
    // Throws Error("unknown time zone \"X\"") for a name the tz database lacks.
    // The database is the system's tzdata (/usr/share/zoneinfo); nothing is
    // downloaded. A default-constructed TimeZone is UTC.
    // Loading the database (a walk of the whole directory) waits until a local
    // time is first read: files whose times all carry their offset (XES) never
    // need it. A name with no zone file there is refused at once; a file the
    // database does not list as a zone (posix/..., rare) when first used.
    static TimeZone named(std::string_view name);
    const std::string& name() const { return m_name; }

    // A wall-clock time in this zone. Ambiguous (October): the earlier instant,
    // i.e. summer time. Nonexistent (March): moved forward by the gap, as a
    // clock that was not changed would show. Either way `dst` says so.
    // The fields are taken as valid (parseTimestamp checks them); out-of-range
    // values roll over arithmetically. Offset periods are cached per thread, so
    // a TimeZone can be shared between threads and most calls skip the lookup.
    ParsedTime fromLocal(int year, unsigned month, unsigned day, int hour, int minute, int second,
                         int millisecond = 0) const;

  private:
    struct Located;
    const date::time_zone* zone() const; // null for UTC

    std::string m_name;
    std::shared_ptr<Located> m_located; // shared by copies, found once
};

// The first instant of a calendar day written YYYY-MM-DD, in the zone, or of the
// day after it (for an inclusive "to" date); nullopt when the text is not such a date.
std::optional<TimeMs> localDayStart(std::string_view text, const TimeZone& zone, bool nextDay);

// Reads, in this order of attempts:
//   ISO 8601 with offset or Z: 2025-10-26T01:30:00+01:00, 2025-10-26T00:30Z, fractions allowed
//   ISO-like local:            2025-10-26 01:30[:00] or 2025-10-26T01:30[:00]
//   UK local:                  26/10/2025 01:30[:00]
//   a date alone (either style) is taken as local midnight.
// Offsets may be Z, UTC, GMT, +hh, +hhmm or +hh:mm, after the time or a space.
// Days per month and leap years are checked ("cannot read \"31/04/2025\" as a
// time: day 31: April has 30 days"). No allocation unless it fails.
// Returns nullopt and sets *error to a reason a user understands on failure.
std::optional<ParsedTime> parseTimestamp(std::string_view text, const TimeZone& zone,
                                         std::string* error = nullptr);

// With an explicit format: %Y %m %d %H %M %S %f (fraction) %z (offset), also
// %y (two digits, 20yy) and %b (Jan..Dec, any case); %% is a percent sign, a
// space matches a run of spaces, other characters are literal. Local unless %z
// is given.
std::optional<ParsedTime> parseTimestamp(std::string_view text, std::string_view format,
                                         const TimeZone& zone, std::string* error = nullptr);

// ISO 8601 in UTC: 2025-10-26T00:30:00Z, with .mmm when there are milliseconds.
std::string formatUtc(TimeMs time);

// Appends the instant as the local time at the given offset, ISO 8601 with
// milliseconds and the offset (2025-10-26T01:30:00.000+01:00), as XES and the
// CSV exports write it and parseTimestamp reads it back. No allocation beyond
// the append.
void appendLocalIso(std::string& out, TimeMs time, int offsetMinutes);

// Calendar months in a time zone, as "YYYY-MM", for instants in UTC: the month
// of a case's first event, by which a trend is counted. The local month is the
// UTC month or one beside it (offsets are under a day), so each instant is
// compared with at most two month starts, found once each and kept.
class LocalMonths {
  public:
    explicit LocalMonths(const TimeZone& zone) : m_zone(zone) {}
    std::string of(TimeMs time);

  private:
    TimeMs start(int year, unsigned month);

    const TimeZone& m_zone;
    std::map<int, TimeMs> m_starts;
};

} // namespace strawman::model
