// The log side of the diff: filters, variants, the directly-follows graph and
// durations, on small logs worked by hand.
#include "model/duration_stats.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace strawman::model;

namespace {

constexpr std::int64_t kSecond = 1000;

DurationStats statsOfSeconds(std::vector<std::int64_t> seconds) {
    for (auto& s : seconds) s *= kSecond;
    return durationStats(seconds);
}

} // namespace

TEST_CASE("durations summarise as count, median, P90 and max in seconds") {
    SUBCASE("nothing to summarise") {
        const auto s = durationStats({});
        CHECK(s.count == 0);
        CHECK(s.median == 0);
        CHECK(s.p90 == 0);
        CHECK(s.max == 0);
    }
    SUBCASE("one duration is its own median, P90 and max") {
        const auto s = statsOfSeconds({42});
        CHECK(s.count == 1);
        CHECK(s.median == 42);
        CHECK(s.p90 == 42);
        CHECK(s.max == 42);
    }
    SUBCASE("an even count takes the mean of the two middle values") {
        // sorted 10 20 30 40: median h = 1.5 -> 25; P90 h = 2.7 -> 30 + 0.7*10 = 37
        const auto s = statsOfSeconds({40, 10, 30, 20});
        CHECK(s.count == 4);
        CHECK(s.median == 25);
        CHECK(s.p90 == 37);
        CHECK(s.max == 40);
    }
    SUBCASE("P90 interpolates between closest ranks") {
        // sorted 1..10 s: P90 h = 9*0.9 = 8.1 -> 9 + 0.1*1 = 9.1; median h = 4.5 -> 5.5
        const auto s = statsOfSeconds({7, 3, 10, 1, 9, 2, 8, 4, 6, 5});
        CHECK(s.median == 5.5);
        CHECK(s.p90 == 9.1);
        CHECK(s.max == 10);
    }
    SUBCASE("eleven values put P90 exactly on a rank") {
        // sorted 0,10,...,100: P90 h = 10*0.9 = 9 -> 90; median h = 5 -> 50
        const auto s = statsOfSeconds({100, 0, 90, 10, 80, 20, 70, 30, 60, 40, 50});
        CHECK(s.median == 50);
        CHECK(s.p90 == 90);
        CHECK(s.max == 100);
    }
    SUBCASE("ties and zero durations count like any other") {
        // sorted 0 0 0 5: median h = 1.5 -> 0; P90 h = 2.7 -> 0 + 0.7*5 = 3.5
        const auto s = statsOfSeconds({0, 5, 0, 0});
        CHECK(s.median == 0);
        CHECK(s.p90 == 3.5);
        CHECK(s.max == 5);
    }
    SUBCASE("milliseconds survive into seconds") {
        std::vector<std::int64_t> ms{1'001, 1'002};
        const auto s = durationStats(ms);
        CHECK(s.median == 1.0015);
        CHECK(s.p90 == 1.0019);
        CHECK(s.max == 1.002);
    }
}

TEST_CASE("a percentile is the linear interpolation between closest ranks") {
    std::vector<std::int64_t> v{15, 20, 35, 40, 50};
    CHECK(percentile(v, 0) == 15);
    CHECK(percentile(v, 100) == 50);
    CHECK(percentile(v, 40) == 29); // h = 1.6 -> 20 + 0.6*15
    CHECK(percentile(v, 75) == 40); // h = 3
}
