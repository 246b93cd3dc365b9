#include "local_time.h"

#include "model/core/error.h"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

namespace strawman::model {

// [SECTION] Calendar arithmetic
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(int y, unsigned m) {
    static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                       31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29u : kDays[m - 1];
}

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
// Months and days outside their range roll over arithmetically.
std::int64_t daysFromCivil(std::int64_t y, std::int64_t m, std::int64_t d) {
    // Bring the month into 1..12 first so the era arithmetic holds.
    y += (m - 1) >= 0 ? (m - 1) / 12 : -((12 - m) / 12);
    m = ((m - 1) % 12 + 12) % 12 + 1;
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    const auto m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

} // namespace

// [SECTION] Zone lookups with a small cache
namespace {

struct Resolved {
    std::int64_t utcSeconds = 0;
    std::int32_t offsetSeconds = 0;
    std::optional<DstCase> dst;
};

// Local-time intervals inside which one fixed UTC offset applies and no
// transition makes the wall clock repeat or skip. A CSV import resolves a
// million local times a second, nearly all in the same one or two periods
// (winter and summer), so a few entries avoid nearly all tz database lookups.
// Per thread: readers may run in parallel, and a TimeZone is shared const.
struct ZoneCache {
    struct Entry {
        std::int64_t localBegin = 0; // inclusive, local seconds
        std::int64_t localEnd = 0;   // exclusive
        std::int32_t offsetSeconds = 0;
    };
    const date::time_zone* zone = nullptr;
    std::array<Entry, 4> entries{};
    unsigned used = 0;
    unsigned next = 0;
};

thread_local ZoneCache t_cache;

std::int32_t offsetOf(const date::sys_info& info) {
    return static_cast<std::int32_t>(info.offset.count());
}

Resolved resolveSlow(const date::time_zone* zone, std::int64_t local, ZoneCache& cache) {
    using namespace std::chrono;
    const date::local_seconds lt{seconds{local}};
    const date::local_info info = zone->get_info(lt);
    Resolved r;
    switch (info.result) {
    case date::local_info::unique: {
        const date::sys_info& p = info.first;
        const std::int32_t off = offsetOf(p);
        r.utcSeconds = local - off;
        r.offsetSeconds = off;
        // The part of this period's wall-clock range that no neighbour shares:
        // a repeated hour at its start or a missing hour at its end must still
        // go through get_info.
        const std::int64_t begin = p.begin.time_since_epoch().count();
        const std::int64_t end = p.end.time_since_epoch().count();
        std::int64_t localBegin = begin + off;
        std::int64_t localEnd = end + off;
        constexpr std::int64_t kFar = std::int64_t{1} << 50; // beyond any real date
        if (begin > -kFar) {
            const auto before = zone->get_info(date::sys_seconds{seconds{begin - 1}});
            localBegin = begin + std::max(off, offsetOf(before));
        }
        if (end < kFar) {
            const auto after = zone->get_info(date::sys_seconds{seconds{end}});
            localEnd = end + std::min(off, offsetOf(after));
        }
        if (localBegin <= local && local < localEnd) {
            ZoneCache::Entry& e = cache.entries[cache.next];
            e = {localBegin, localEnd, off};
            cache.next = (cache.next + 1) % static_cast<unsigned>(cache.entries.size());
            if (cache.used < cache.entries.size()) ++cache.used;
        }
        break;
    }
    case date::local_info::ambiguous:
        // The repeated hour: the earlier instant, still on the first offset.
        r.utcSeconds = local - offsetOf(info.first);
        r.offsetSeconds = offsetOf(info.first);
        r.dst = DstCase::Ambiguous;
        break;
    case date::local_info::nonexistent:
        // The missing hour: read with the offset before the change, which is
        // the instant a clock not yet put forward would show; the offset
        // reported is the one in force at that instant.
        r.utcSeconds = local - offsetOf(info.first);
        r.offsetSeconds = offsetOf(info.second);
        r.dst = DstCase::Nonexistent;
        break;
    }
    return r;
}

// The system's zoneinfo files list transitions up to 2037 and leave later years
// to a rule the date library does not read, so it would report no daylight
// saving after 2037. Later times are read 28 years earlier, where weekdays and
// leap years repeat (until 2100), under the rules in force at the end of the table.
constexpr std::int64_t kTableEnd = 24472 * kSecondsPerDay; // 2037-01-01
constexpr std::int64_t kCycle = 10227 * kSecondsPerDay;    // 28 Gregorian years

Resolved resolveCached(const date::time_zone* zone, std::int64_t local);

Resolved resolveLocal(const date::time_zone* zone, std::int64_t local) {
    if (zone == nullptr) return {local, 0, std::nullopt}; // a default TimeZone is UTC
    if (local < kTableEnd) return resolveCached(zone, local);
    const std::int64_t shift = ((local - kTableEnd) / kCycle + 1) * kCycle;
    Resolved r = resolveCached(zone, local - shift);
    r.utcSeconds += shift;
    return r;
}

Resolved resolveCached(const date::time_zone* zone, std::int64_t local) {
    ZoneCache& cache = t_cache;
    if (cache.zone != zone) {
        cache.zone = zone;
        cache.used = 0;
        cache.next = 0;
    }
    for (unsigned i = 0; i < cache.used; ++i) {
        const ZoneCache::Entry& e = cache.entries[i];
        if (e.localBegin <= local && local < e.localEnd)
            return {local - e.offsetSeconds, e.offsetSeconds, std::nullopt};
    }
    return resolveSlow(zone, local, cache);
}

} // namespace

// [SECTION] TimeZone
struct TimeZone::Located {
    std::once_flag once;
    const date::time_zone* zone = nullptr;
};

namespace {

// Whether the system's tzdata has a zone file of that name (one starting with
// the TZif magic), read without loading the database.
bool hasZoneFile(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos)
        return false;
    const std::string path = "/usr/share/zoneinfo/" + std::string(name);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return false;
    char magic[4] = {};
    const bool zone =
        std::fread(magic, 1, sizeof magic, f) == sizeof magic && std::memcmp(magic, "TZif", 4) == 0;
    std::fclose(f);
    return zone;
}

} // namespace

TimeZone TimeZone::named(std::string_view name) {
    TimeZone tz;
    tz.m_name = std::string(name);
    tz.m_located = std::make_shared<Located>();
    if (!hasZoneFile(name)) tz.zone(); // the database decides at once, and refuses most
    return tz;
}

const date::time_zone* TimeZone::zone() const {
    if (!m_located) return nullptr;
    std::call_once(m_located->once, [&] {
        try {
            m_located->zone = date::locate_zone(m_name);
        } catch (const std::exception&) {
            throw Error("unknown time zone \"" + m_name + "\"");
        }
    });
    return m_located->zone;
}

ParsedTime TimeZone::fromLocal(int year, unsigned month, unsigned day, int hour, int minute,
                               int second, int millisecond) const {
    const std::int64_t local = daysFromCivil(year, month, day) * kSecondsPerDay +
                               std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
    const Resolved r = resolveLocal(zone(), local);
    ParsedTime t;
    t.time = r.utcSeconds * 1000 + millisecond;
    t.offsetMinutes = r.offsetSeconds / 60;
    t.dst = r.dst;
    return t;
}

// [SECTION] Parsing
namespace {

// What a timestamp says, before it is checked and placed in time.
struct Fields {
    int year = 0;
    unsigned month = 1;
    unsigned day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millisecond = 0;
    bool hasOffset = false;
    int offsetMinutes = 0;
};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Reads between minDigits and maxDigits decimal digits.
bool digits(const char*& p, const char* end, int minDigits, int maxDigits, int& value) {
    int v = 0;
    int n = 0;
    while (p < end && n < maxDigits && isDigit(*p)) {
        v = v * 10 + (*p - '0');
        ++p;
        ++n;
    }
    value = v;
    return n >= minDigits;
}

bool literal(const char*& p, const char* end, char c) {
    if (p < end && *p == c) {
        ++p;
        return true;
    }
    return false;
}

// Fraction digits after the separator: milliseconds, further digits dropped.
bool fraction(const char*& p, const char* end, int& ms) {
    int n = 0;
    ms = 0;
    while (p < end && isDigit(*p)) {
        if (n < 3) ms = ms * 10 + (*p - '0');
        ++p;
        ++n;
    }
    if (n == 0) return false;
    for (int i = n; i < 3; ++i) ms *= 10;
    return true;
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool word(const char*& p, const char* end, std::string_view w) {
    if (static_cast<std::size_t>(end - p) < w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (lower(p[i]) != w[i]) return false;
    p += w.size();
    return true;
}

// Z, UTC, GMT, +hh, +hhmm, +hh:mm (or -).
bool offset(const char*& p, const char* end, int& minutes) {
    if (literal(p, end, 'Z') || literal(p, end, 'z') || word(p, end, "utc") ||
        word(p, end, "gmt")) {
        minutes = 0;
        return true;
    }
    if (p >= end || (*p != '+' && *p != '-')) return false;
    const int sign = *p == '-' ? -1 : 1;
    ++p;
    int h = 0;
    int m = 0;
    if (!digits(p, end, 2, 2, h)) return false;
    if (literal(p, end, ':')) {
        if (!digits(p, end, 2, 2, m)) return false;
    } else if (p < end && isDigit(*p)) {
        if (!digits(p, end, 2, 2, m)) return false;
    }
    if (m > 59) return false;
    minutes = sign * (h * 60 + m);
    return true;
}

void skipSpaces(const char*& p, const char* end) {
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

void fail(std::string* error, std::string_view text, std::string_view why) {
    if (error == nullptr) return;
    *error = "cannot read \"";
    *error += text;
    *error += "\" as a time: ";
    *error += why;
}

constexpr std::string_view kExpected =
    "expected e.g. 2025-10-26T01:30:00Z, 2025-10-26 01:30 or 26/10/2025 01:30";

// Time of day and an optional offset, after the date.
bool timeAndOffset(const char*& p, const char* end, Fields& f) {
    if (!digits(p, end, 1, 2, f.hour)) return false;
    if (!literal(p, end, ':') || !digits(p, end, 2, 2, f.minute)) return false;
    if (literal(p, end, ':')) {
        if (!digits(p, end, 2, 2, f.second)) return false;
        if (literal(p, end, '.') || literal(p, end, ',')) {
            if (!fraction(p, end, f.millisecond)) return false;
        }
    }
    skipSpaces(p, end);
    if (p < end) {
        if (!offset(p, end, f.offsetMinutes)) return false;
        f.hasOffset = true;
    }
    return p == end;
}

bool readGeneral(std::string_view s, Fields& f) {
    const char* p = s.data();
    const char* end = p + s.size();
    if (s.size() >= 10 && s[4] == '-') {
        int m = 0;
        int d = 0;
        if (!digits(p, end, 4, 4, f.year) || !literal(p, end, '-') || !digits(p, end, 1, 2, m) ||
            !literal(p, end, '-') || !digits(p, end, 1, 2, d))
            return false;
        f.month = static_cast<unsigned>(m);
        f.day = static_cast<unsigned>(d);
        if (p == end) return true;
        if (*p == 'T' || *p == 't')
            ++p;
        else if (*p == ' ')
            skipSpaces(p, end);
        else
            return false;
        return timeAndOffset(p, end, f);
    }
    int d = 0;
    int m = 0;
    if (!digits(p, end, 1, 2, d) || !literal(p, end, '/') || !digits(p, end, 1, 2, m) ||
        !literal(p, end, '/') || !digits(p, end, 4, 4, f.year))
        return false;
    f.month = static_cast<unsigned>(m);
    f.day = static_cast<unsigned>(d);
    if (p == end) return true;
    if (*p != ' ' && *p != 'T') return false;
    ++p;
    skipSpaces(p, end);
    return timeAndOffset(p, end, f);
}

constexpr std::string_view kMonthAbbrev[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};

// The whole text must match the format.
bool readWithFormat(std::string_view s, std::string_view format, Fields& f) {
    const char* p = s.data();
    const char* end = p + s.size();
    for (std::size_t i = 0; i < format.size(); ++i) {
        const char c = format[i];
        if (c != '%' || i + 1 == format.size()) {
            if (c == ' ') {
                // One space in the format matches any run of spaces.
                if (p == end || *p != ' ') return false;
                skipSpaces(p, end);
                continue;
            }
            if (!literal(p, end, c)) return false;
            continue;
        }
        const char spec = format[++i];
        int v = 0;
        switch (spec) {
        case 'Y':
            if (!digits(p, end, 4, 4, f.year)) return false;
            break;
        case 'y': // two-digit years are this century's
            if (!digits(p, end, 2, 2, v)) return false;
            f.year = 2000 + v;
            break;
        case 'm':
            if (!digits(p, end, 1, 2, v)) return false;
            f.month = static_cast<unsigned>(v);
            break;
        case 'b': {
            bool found = false;
            for (unsigned k = 0; k < 12 && !found; ++k) {
                if (word(p, end, kMonthAbbrev[k])) {
                    f.month = k + 1;
                    found = true;
                }
            }
            if (!found) return false;
            break;
        }
        case 'd':
            if (!digits(p, end, 1, 2, v)) return false;
            f.day = static_cast<unsigned>(v);
            break;
        case 'H':
            if (!digits(p, end, 1, 2, f.hour)) return false;
            break;
        case 'M':
            if (!digits(p, end, 2, 2, f.minute)) return false;
            break;
        case 'S':
            if (!digits(p, end, 2, 2, f.second)) return false;
            break;
        case 'f':
            if (!fraction(p, end, f.millisecond)) return false;
            break;
        case 'z':
            if (!offset(p, end, f.offsetMinutes)) return false;
            f.hasOffset = true;
            break;
        case '%':
            if (!literal(p, end, '%')) return false;
            break;
        default:
            return false;
        }
    }
    return p == end;
}

// Checks the fields and places them in time.
std::optional<ParsedTime> finish(const Fields& f, std::string_view text, const TimeZone& zone,
                                 std::string* error) {
    if (f.month < 1 || f.month > 12) {
        fail(error, text, "month " + std::to_string(f.month));
        return std::nullopt;
    }
    if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) {
        if (f.month == 2 && f.day == 29)
            fail(error, text, "29 February " + std::to_string(f.year) + ": not a leap year");
        else if (f.day < 1 || f.day > 31)
            fail(error, text, "day " + std::to_string(f.day));
        else
            fail(error, text,
                 "day " + std::to_string(f.day) + ": " + kMonthNames[f.month - 1] + " has " +
                     std::to_string(daysInMonth(f.year, f.month)) + " days");
        return std::nullopt;
    }
    if (f.hour > 23) {
        fail(error, text, "hour " + std::to_string(f.hour));
        return std::nullopt;
    }
    if (f.minute > 59) {
        fail(error, text, "minute " + std::to_string(f.minute));
        return std::nullopt;
    }
    if (f.second > 59) {
        fail(error, text, "second " + std::to_string(f.second));
        return std::nullopt;
    }
    if (f.offsetMinutes < -18 * 60 || f.offsetMinutes > 18 * 60) {
        fail(error, text, "UTC offset beyond 18 hours");
        return std::nullopt;
    }
    if (!f.hasOffset)
        return zone.fromLocal(f.year, f.month, f.day, f.hour, f.minute, f.second, f.millisecond);
    const std::int64_t local = daysFromCivil(f.year, f.month, f.day) * kSecondsPerDay +
                               std::int64_t{f.hour} * 3600 + std::int64_t{f.minute} * 60 + f.second;
    ParsedTime t;
    t.time = (local - std::int64_t{f.offsetMinutes} * 60) * 1000 + f.millisecond;
    t.offsetMinutes = f.offsetMinutes;
    return t;
}

} // namespace

std::optional<ParsedTime> parseTimestamp(std::string_view text, const TimeZone& zone,
                                         std::string* error) {
    const std::string_view s = trim(text);
    if (s.empty()) {
        fail(error, text, "it is empty");
        return std::nullopt;
    }
    Fields f;
    if (!readGeneral(s, f)) {
        fail(error, text, kExpected);
        return std::nullopt;
    }
    return finish(f, text, zone, error);
}

std::optional<ParsedTime> parseTimestamp(std::string_view text, std::string_view format,
                                         const TimeZone& zone, std::string* error) {
    const std::string_view s = trim(text);
    if (s.empty()) {
        fail(error, text, "it is empty");
        return std::nullopt;
    }
    Fields f;
    if (!readWithFormat(s, format, f)) {
        std::string why = "it does not match the format \"";
        why += format;
        why += "\"";
        fail(error, text, why);
        return std::nullopt;
    }
    return finish(f, text, zone, error);
}

// [SECTION] Formatting
namespace {

// Appends the instant's calendar fields as ISO 8601 without a zone,
// 2025-10-26T00:30:00 with .mmm when there are milliseconds or `withMs`:
// formatUtc and appendLocalIso add the zone. Digits are put by hand: the XES
// and CSV exports write millions of these.
void appendIsoFields(std::string& out, TimeMs time, bool withMs) {
    const std::int64_t seconds = floorDiv(time, 1000);
    const auto ms = static_cast<int>(time - seconds * 1000);
    const std::int64_t days = floorDiv(seconds, kSecondsPerDay);
    const auto sod = static_cast<int>(seconds - days * kSecondsPerDay);
    const Civil c = civilFromDays(days);
    char buf[32];
    char* q = buf;
    const auto put = [&q](std::int64_t v, int width) {
        for (int i = width - 1; i >= 0; --i) {
            q[i] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
        q += width;
    };
    if (c.year < 0 || c.year > 9999)
        out.append(std::to_string(c.year)); // outside ISO's four digits: written plainly
    else
        put(c.year, 4);
    *q++ = '-';
    put(c.month, 2);
    *q++ = '-';
    put(c.day, 2);
    *q++ = 'T';
    put(sod / 3600, 2);
    *q++ = ':';
    put(sod / 60 % 60, 2);
    *q++ = ':';
    put(sod % 60, 2);
    if (withMs || ms != 0) {
        *q++ = '.';
        put(ms, 3);
    }
    out.append(buf, static_cast<std::size_t>(q - buf));
}

} // namespace

std::string formatUtc(TimeMs time) {
    std::string out;
    appendIsoFields(out, time, false);
    out += 'Z';
    return out;
}

void appendLocalIso(std::string& out, TimeMs time, int offsetMinutes) {
    appendIsoFields(out, time + std::int64_t{offsetMinutes} * 60'000, true);
    const int offset = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    const char sign = offsetMinutes < 0 ? '-' : '+';
    const char text[] = {
        sign, static_cast<char>('0' + offset / 600),     static_cast<char>('0' + offset / 60 % 10),
        ':',  static_cast<char>('0' + offset % 60 / 10), static_cast<char>('0' + offset % 10)};
    out.append(text, sizeof text);
}

std::optional<TimeMs> localDayStart(std::string_view text, const TimeZone& zone, bool nextDay) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return std::nullopt;
    return zone.fromLocal(y, m, d + (nextDay ? 1 : 0), 0, 0, 0).time;
}

// [SECTION] Calendar months

std::string LocalMonths::of(TimeMs time) {
    using namespace std::chrono;
    const year_month_day utc{floor<days>(sys_time<milliseconds>(milliseconds(time)))};
    year_month month{utc.year(), utc.month()};
    const auto startOf = [&](year_month m) {
        return start(static_cast<int>(m.year()), static_cast<unsigned>(m.month()));
    };
    if (time < startOf(month))
        month -= std::chrono::months(1);
    else if (time >= startOf(month + std::chrono::months(1)))
        month += std::chrono::months(1);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(month.year()),
                  static_cast<unsigned>(month.month()));
    return text;
}

TimeMs LocalMonths::start(int year, unsigned month) {
    const int key = year * 12 + static_cast<int>(month);
    if (const auto it = m_starts.find(key); it != m_starts.end()) return it->second;
    const TimeMs t = m_zone.fromLocal(year, month, 1, 0, 0, 0).time;
    m_starts.emplace(key, t);
    return t;
}

} // namespace strawman::model
