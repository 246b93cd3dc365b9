#include "london_time.h"

#include <date/date.h>

namespace strawman::sample {

namespace {

// UTC second at which summer time starts and ends in a year (cached: the
// generator asks about the same year millions of times in a row).
struct SummerBounds {
    int year = 0;
    UtcSeconds start = 0, end = 0;
};

UtcSeconds lastSundayAt1Utc(int year, date::month m) {
    const date::sys_days d{date::year{year} / m / date::Sunday[date::last]};
    return static_cast<UtcSeconds>(d.time_since_epoch().count()) * 86400 + 3600;
}

const SummerBounds& boundsFor(int year) {
    thread_local SummerBounds cached;
    if (cached.year != year) {
        cached.year = year;
        cached.start = lastSundayAt1Utc(year, date::March);
        cached.end = lastSundayAt1Utc(year, date::October);
    }
    return cached;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

void put2(std::string& out, int v) {
    out.push_back(static_cast<char>('0' + v / 10));
    out.push_back(static_cast<char>('0' + v % 10));
}

void put4(std::string& out, int v) {
    put2(out, v / 100);
    put2(out, v % 100);
}

} // namespace

bool isSummerTime(UtcSeconds t) {
    // The year of a UTC instant; the bounds never sit near New Year.
    const auto days = floorDiv(t, 86400);
    const date::year_month_day ymd{date::sys_days{date::days{days}}};
    const auto& b = boundsFor(static_cast<int>(ymd.year()));
    return t >= b.start && t < b.end;
}

LocalTime toLocal(UtcSeconds t) {
    LocalTime lt;
    lt.offsetMinutes = isSummerTime(t) ? 60 : 0;
    const UtcSeconds local = t + lt.offsetMinutes * 60;
    lt.dayNumber = floorDiv(local, 86400);
    const auto sod = static_cast<int>(local - lt.dayNumber * 86400);
    const date::sys_days sd{date::days{lt.dayNumber}};
    const date::year_month_day ymd{sd};
    lt.year = static_cast<int>(ymd.year());
    lt.month = static_cast<unsigned>(ymd.month());
    lt.day = static_cast<unsigned>(ymd.day());
    lt.hour = sod / 3600;
    lt.minute = sod / 60 % 60;
    lt.second = sod % 60;
    lt.weekday = date::weekday{sd}.c_encoding();
    return lt;
}

UtcSeconds fromLocal(std::int64_t dayNumber, int secondOfDay) {
    const UtcSeconds local = dayNumber * 86400 + secondOfDay;
    const UtcSeconds asSummer = local - 3600;
    if (isSummerTime(asSummer)) return asSummer;
    return local; // GMT, or the March gap read on an unchanged clock
}

std::int64_t dayNumberOf(int year, unsigned month, unsigned day) {
    const date::sys_days d{date::year{year} / date::month{month} / date::day{day}};
    return d.time_since_epoch().count();
}

bool parseDate(const std::string& text, std::int64_t& dayNumber) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (text[i] < '0' || text[i] > '9') return false;
    const int y = std::stoi(text.substr(0, 4));
    const auto m = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    const auto d = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return false;
    dayNumber = date::sys_days{ymd}.time_since_epoch().count();
    return true;
}

void appendUkLocal(std::string& out, const LocalTime& t, bool seconds) {
    put2(out, static_cast<int>(t.day));
    out.push_back('/');
    put2(out, static_cast<int>(t.month));
    out.push_back('/');
    put4(out, t.year);
    out.push_back(' ');
    put2(out, t.hour);
    out.push_back(':');
    put2(out, t.minute);
    if (seconds) {
        out.push_back(':');
        put2(out, t.second);
    }
}

void appendIsoLocal(std::string& out, const LocalTime& t, bool seconds) {
    put4(out, t.year);
    out.push_back('-');
    put2(out, static_cast<int>(t.month));
    out.push_back('-');
    put2(out, static_cast<int>(t.day));
    out.push_back(' ');
    put2(out, t.hour);
    out.push_back(':');
    put2(out, t.minute);
    if (seconds) {
        out.push_back(':');
        put2(out, t.second);
    }
}

void appendIsoOffset(std::string& out, const LocalTime& t, bool millis) {
    appendIsoLocal(out, t, true);
    out[out.size() - 9] = 'T';
    if (millis) out.append(".000");
    out.append(t.offsetMinutes ? "+01:00" : "+00:00");
}

void appendHl7(std::string& out, const LocalTime& t) {
    put4(out, t.year);
    put2(out, static_cast<int>(t.month));
    put2(out, static_cast<int>(t.day));
    put2(out, t.hour);
    put2(out, t.minute);
    put2(out, t.second);
    out.append(t.offsetMinutes ? "+0100" : "+0000");
}

void appendHl7Date(std::string& out, int year, unsigned month, unsigned day) {
    put4(out, year);
    put2(out, static_cast<int>(month));
    put2(out, static_cast<int>(day));
}

} // namespace strawman::sample
