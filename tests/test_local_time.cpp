#include "model/core/error.h"
#include "model/events/readers/local_time.h"

#include <doctest/doctest.h>

#include <string>

using namespace strawman::model;

namespace {

const TimeZone& london() {
    static const TimeZone zone = TimeZone::named("Europe/London");
    return zone;
}

ParsedTime parse(std::string_view text, const TimeZone& zone = london()) {
    std::string error;
    auto t = parseTimestamp(text, zone, &error);
    INFO(error);
    REQUIRE(t.has_value());
    return *t;
}

std::string failure(std::string_view text, const TimeZone& zone = london()) {
    std::string error;
    auto t = parseTimestamp(text, zone, &error);
    CHECK_FALSE(t.has_value());
    return error;
}

} // namespace

TEST_CASE("ISO 8601 times with an offset or Z are taken as written") {
    const ParsedTime z = parse("2025-10-26T00:30:00Z");
    CHECK(formatUtc(z.time) == "2025-10-26T00:30:00Z");
    CHECK(z.offsetMinutes == 0);
    CHECK_FALSE(z.dst.has_value());

    const ParsedTime bst = parse("2025-10-26T01:30:00+01:00");
    CHECK(bst.time == z.time);
    CHECK(bst.offsetMinutes == 60);
    CHECK_FALSE(bst.dst.has_value());

    CHECK(parse("2025-10-26T01:30+0100").time == z.time);
    CHECK(parse("2025-10-25T19:30:00-05").time == z.time);
    CHECK(parse("2025-10-25T19:30:00-05").offsetMinutes == -300);
    CHECK(parse("2025-10-26 00:30:00 UTC").time == z.time);
    CHECK(parse("  2025-10-26T00:30Z ").time == z.time);
}

TEST_CASE("fractions of a second are kept to the millisecond") {
    CHECK(parse("2025-06-01T10:00:00.5Z").time % 1000 == 500);
    CHECK(parse("2025-06-01T10:00:00.123Z").time % 1000 == 123);
    CHECK(parse("2025-06-01T10:00:00.123999+00:00").time % 1000 == 123);
    CHECK(parse("2025-06-01 10:00:00,25").time % 1000 == 250);
    CHECK(formatUtc(parse("2025-06-01T10:00:00.042Z").time) == "2025-06-01T10:00:00.042Z");
}

TEST_CASE("local times in London are GMT in winter and BST in summer") {
    SUBCASE("ISO-like") {
        const ParsedTime winter = parse("2025-01-15 09:00");
        CHECK(formatUtc(winter.time) == "2025-01-15T09:00:00Z");
        CHECK(winter.offsetMinutes == 0);
        const ParsedTime summer = parse("2025-07-15T09:00:00");
        CHECK(formatUtc(summer.time) == "2025-07-15T08:00:00Z");
        CHECK(summer.offsetMinutes == 60);
        CHECK_FALSE(summer.dst.has_value());
    }
    SUBCASE("UK day first") {
        const ParsedTime winter = parse("15/01/2025 09:00");
        CHECK(formatUtc(winter.time) == "2025-01-15T09:00:00Z");
        CHECK(winter.offsetMinutes == 0);
        const ParsedTime summer = parse("15/07/2025 09:00:30");
        CHECK(formatUtc(summer.time) == "2025-07-15T08:00:30Z");
        CHECK(summer.offsetMinutes == 60);
        CHECK(formatUtc(parse("5/7/2025 9:00").time) == "2025-07-05T08:00:00Z");
    }
    SUBCASE("a date alone is local midnight") {
        CHECK(formatUtc(parse("2025-07-15").time) == "2025-07-14T23:00:00Z");
        CHECK(formatUtc(parse("15/01/2025").time) == "2025-01-15T00:00:00Z");
    }
}

TEST_CASE("the October repeated hour takes the earlier instant and says so") {
    const ParsedTime t = parse("2025-10-26 01:30");
    CHECK(formatUtc(t.time) == "2025-10-26T00:30:00Z");
    CHECK(t.offsetMinutes == 60);
    REQUIRE(t.dst.has_value());
    CHECK(*t.dst == DstCase::Ambiguous);
    // Either side of the repeated hour is plain.
    CHECK_FALSE(parse("2025-10-26 00:59").dst.has_value());
    CHECK_FALSE(parse("2025-10-26 02:00").dst.has_value());
    CHECK(formatUtc(parse("2025-10-26 02:00").time) == "2025-10-26T02:00:00Z");
}

TEST_CASE("the March missing hour moves forward by the gap and says so") {
    const ParsedTime t = parse("30/03/2025 01:30");
    CHECK(formatUtc(t.time) == "2025-03-30T01:30:00Z"); // 02:30 BST
    CHECK(t.offsetMinutes == 60);
    REQUIRE(t.dst.has_value());
    CHECK(*t.dst == DstCase::Nonexistent);
    CHECK_FALSE(parse("2025-03-30 00:59").dst.has_value());
    CHECK(formatUtc(parse("2025-03-30 00:59").time) == "2025-03-30T00:59:00Z");
    CHECK_FALSE(parse("2025-03-30 02:00").dst.has_value());
    CHECK(formatUtc(parse("2025-03-30 02:00").time) == "2025-03-30T01:00:00Z");
}

TEST_CASE("fromLocal agrees with parsing, across many periods in turn") {
    // Alternating winter and summer exercises the cache of offset periods.
    for (int year = 2019; year <= 2026; ++year) {
        const ParsedTime w = london().fromLocal(year, 1, 10, 12, 0, 0);
        const ParsedTime s = london().fromLocal(year, 7, 10, 12, 0, 0, 250);
        CHECK(w.offsetMinutes == 0);
        CHECK(s.offsetMinutes == 60);
        CHECK(w.time % 1000 == 0);
        CHECK(s.time % 1000 == 250);
    }
    const ParsedTime amb = london().fromLocal(2025, 10, 26, 1, 30, 0);
    CHECK(amb.dst == DstCase::Ambiguous);
}

TEST_CASE("another zone: America/New_York") {
    const TimeZone ny = TimeZone::named("America/New_York");
    CHECK(ny.name() == "America/New_York");
    const ParsedTime winter = parse("2025-01-15 09:00", ny);
    CHECK(formatUtc(winter.time) == "2025-01-15T14:00:00Z");
    CHECK(winter.offsetMinutes == -300);
    const ParsedTime summer = parse("2025-07-15 09:00", ny);
    CHECK(formatUtc(summer.time) == "2025-07-15T13:00:00Z");
    CHECK(summer.offsetMinutes == -240);
    // New York's missing hour is 2025-03-09 02:00-03:00.
    const ParsedTime gap = parse("2025-03-09 02:30", ny);
    CHECK(gap.dst == DstCase::Nonexistent);
    CHECK(formatUtc(gap.time) == "2025-03-09T07:30:00Z");
    // Zones without daylight saving, and the default TimeZone, which is UTC.
    CHECK(parse("2025-07-15 09:00", TimeZone::named("UTC")).offsetMinutes == 0);
    CHECK(parse("2025-07-15 09:00", TimeZone::named("Asia/Kolkata")).offsetMinutes == 330);
    CHECK(formatUtc(parse("2025-07-15 09:00", TimeZone{}).time) == "2025-07-15T09:00:00Z");
    // Far from today the first and last offset periods still resolve.
    CHECK(parse("1800-01-01 12:00").offsetMinutes == -1);
    // After 2037, where the zoneinfo tables end, today's rules go on.
    for (int year = 2036; year <= 2099; ++year) {
        CAPTURE(year);
        CHECK(london().fromLocal(year, 7, 1, 12, 0, 0).offsetMinutes == 60);
        CHECK(london().fromLocal(year, 12, 1, 12, 0, 0).offsetMinutes == 0);
    }
    const ParsedTime late = parse("2040-10-28 01:30"); // the last Sunday of October 2040
    CHECK(late.dst == DstCase::Ambiguous);
    CHECK(formatUtc(late.time) == "2040-10-28T00:30:00Z");
    CHECK(parse("2040-03-25 01:30").dst == DstCase::Nonexistent);
    // London, read again on the same thread, is unaffected by the other zone.
    CHECK(parse("2025-07-15 09:00").offsetMinutes == 60);
}

TEST_CASE("an unknown time zone is an error naming it") {
    CHECK_THROWS_WITH_AS(TimeZone::named("Europe/Atlantis"),
                         "unknown time zone \"Europe/Atlantis\"", Error);
}

TEST_CASE("impossible dates are rejected with a readable reason") {
    CHECK(failure("26/13/2025 10:00") == "cannot read \"26/13/2025 10:00\" as a time: month 13");
    CHECK(failure("31/04/2025") ==
          "cannot read \"31/04/2025\" as a time: day 31: April has 30 days");
    CHECK(failure("29/02/2025") ==
          "cannot read \"29/02/2025\" as a time: 29 February 2025: not a leap year");
    CHECK(parse("29/02/2024").time == parse("2024-02-29T00:00:00Z").time);
    CHECK(failure("1900-02-29").find("not a leap year") != std::string::npos);
    CHECK(parse("2000-02-29 12:00").time > 0);
    CHECK(failure("2025-01-32") == "cannot read \"2025-01-32\" as a time: day 32");
    CHECK(failure("2025-01-01 24:00") == "cannot read \"2025-01-01 24:00\" as a time: hour 24");
    CHECK(failure("2025-01-01 10:60") == "cannot read \"2025-01-01 10:60\" as a time: minute 60");
    CHECK(failure("yesterday").find("expected e.g.") != std::string::npos);
    CHECK(failure("") == "cannot read \"\" as a time: it is empty");
    CHECK(failure("2025-01-01 10:00 +01:00 extra").find("expected") != std::string::npos);
    CHECK_FALSE(parseTimestamp("2025-01-01T10:00:00+25:00", london()).has_value());
}

TEST_CASE("an explicit format reads what the general rules would not") {
    std::string error;
    auto t = parseTimestamp("20250715 0930", "%Y%m%d %H%M", london(), &error);
    REQUIRE(t.has_value());
    CHECK(formatUtc(t->time) == "2025-07-15T08:30:00Z");
    CHECK(t->offsetMinutes == 60);

    t = parseTimestamp("15-Jul-2025 09:30:00.250", "%d-%b-%Y %H:%M:%S.%f", london());
    REQUIRE(t.has_value());
    CHECK(formatUtc(t->time) == "2025-07-15T08:30:00.250Z");

    t = parseTimestamp("07/15/2025 09:30 -0400", "%m/%d/%Y %H:%M %z", london());
    REQUIRE(t.has_value());
    CHECK(formatUtc(t->time) == "2025-07-15T13:30:00Z");
    CHECK(t->offsetMinutes == -240);

    t = parseTimestamp("26/10/25 01:30", "%d/%m/%y %H:%M", london());
    REQUIRE(t.has_value());
    CHECK(t->dst == DstCase::Ambiguous);

    CHECK_FALSE(parseTimestamp("2025-07-15 09:30", "%d/%m/%Y %H:%M", london(), &error));
    CHECK(error == "cannot read \"2025-07-15 09:30\" as a time: it does not match the format "
                   "\"%d/%m/%Y %H:%M\"");
    CHECK_FALSE(parseTimestamp("31/06/2025 09:30", "%d/%m/%Y %H:%M", london(), &error));
    CHECK(error.find("June has 30 days") != std::string::npos);
}

TEST_CASE("formatUtc writes ISO 8601 that parses back to the same instant") {
    CHECK(formatUtc(0) == "1970-01-01T00:00:00Z");
    CHECK(formatUtc(-1) == "1969-12-31T23:59:59.999Z");
    for (TimeMs t : {TimeMs{0}, TimeMs{1761438600000}, TimeMs{951782400123}, TimeMs{-86400001},
                     TimeMs{4102444799999}}) {
        CAPTURE(t);
        CHECK(parse(formatUtc(t)).time == t);
    }
    // Every day of a leap year round-trips through the calendar arithmetic.
    for (TimeMs day = 0; day < 366; ++day) {
        const TimeMs t = TimeMs{1704067200000} + day * 86400000 + 3723004;
        CHECK(parse(formatUtc(t)).time == t);
    }
}
