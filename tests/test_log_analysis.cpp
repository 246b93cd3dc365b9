// The log side of the diff: filters, variants, the directly-follows graph and
// durations, on small logs worked by hand.
#include "log_builder.h"

#include "model/analysis/duration_stats.h"
#include "model/analysis/log_filter.h"
#include "model/analysis/transitions.h"
#include "model/analysis/variants.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace strawman::model;
using strawman::test::LogBuilder;

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

TEST_CASE("percentiles of many values agree with sorting them all") {
    // Reference: the definition applied to a fully sorted copy, times 100 to stay exact.
    auto reference100 = [](std::vector<std::int64_t> v, int percent) {
        std::sort(v.begin(), v.end());
        const auto h = static_cast<std::int64_t>(v.size() - 1) * percent;
        const auto k = static_cast<std::size_t>(h / 100);
        const std::int64_t low = v[k], high = v[std::min(k + 1, v.size() - 1)];
        return static_cast<double>(low * 100 + (h % 100) * (high - low));
    };
    std::mt19937_64 random(20240601);
    for (const std::size_t n : {1u, 2u, 2047u, 2048u, 2049u, 5000u, 100'000u})
        for (const std::int64_t spread :
             {std::int64_t{1}, std::int64_t{7}, std::int64_t{86'400'000}, std::int64_t{1} << 50}) {
            CAPTURE(n);
            CAPTURE(spread);
            std::vector<std::int64_t> v(n);
            // Mostly short steps with a long tail, as real step durations are; a few negative.
            for (auto& x : v) {
                const auto r = static_cast<std::int64_t>(random() >> 4);
                x = random() % 10 < 8 ? r % std::max<std::int64_t>(spread / 1000, 1)
                                      : r % spread - spread / 100;
            }
            for (const int percent : {0, 10, 50, 90, 99, 100}) {
                auto copy = v;
                CHECK(percentile(copy, percent) == reference100(v, percent) / 100.0);
            }
            auto copy = v;
            const auto s = durationStats(copy);
            CHECK(s.median == reference100(v, 50) / 100'000.0);
            CHECK(s.p90 == reference100(v, 90) / 100'000.0);
            CHECK(s.max == static_cast<double>(*std::max_element(v.begin(), v.end())) / 1000.0);
        }
}

// [SECTION] Filters

namespace {

constexpr TimeMs kDay = 24 * 60; // minutes

EventAttributes attrs(std::string modality, std::string priority = {}, std::string source = {},
                      std::string site = {}) {
    EventAttributes a;
    a.modality = std::move(modality);
    a.priority = std::move(priority);
    a.patientSource = std::move(source);
    a.site = std::move(site);
    return a;
}

} // namespace

TEST_CASE("a case takes each attribute from its first event that states it") {
    LogBuilder b;
    const auto ctUrgent = b.attributes(attrs("CT", "urgent"));
    const auto mrRoutine = b.attributes(attrs("MR", "routine", "GP", "Maidstone"));
    const auto siteOnly = b.attributes(attrs("", "", "", "Tunbridge Wells"));
    b.addCase({{"REQ", 0, siteOnly}, {"VET", 10, ctUrgent}, {"CMP", 20, mrRoutine}});
    b.addCase({{"REQ", 0, 0}, {"CMP", 10, 0}});
    b.addCase({});

    // Case 0's events disagree: the site comes from the first event, modality and
    // priority from the second, the patient source from the third.
    CHECK(caseAttributes(b.log, 0) == CaseAttributes{"CT", "urgent", "GP", "Tunbridge Wells"});
    CHECK(caseAttributes(b.log, 1) == CaseAttributes{});
    CHECK(caseAttributes(b.log, 2) == CaseAttributes{});
}

TEST_CASE("filters select cases by date and by attribute") {
    LogBuilder b;
    const auto ctUrgent = b.attributes(attrs("CT", "urgent", "A&E", "Maidstone"));
    const auto mrRoutine = b.attributes(attrs("MR", "routine", "GP", "Maidstone"));
    const auto ctRoutine = b.attributes(attrs("CT", "routine", "outpatient", "Pembury"));
    const auto xr = b.attributes(attrs("XR"));
    b.addCase({{"REQ", 0 * kDay, ctUrgent}, {"CMP", 1 * kDay, ctUrgent}});  // 0
    b.addCase({{"REQ", 1 * kDay, mrRoutine}, {"CMP", 3 * kDay, ctUrgent}}); // 1: MR, then CT
    b.addCase({{"REQ", 2 * kDay, ctRoutine}});                              // 2
    b.addCase({{"REQ", 3 * kDay - 1, 0}, {"ARR", 3 * kDay, xr}});           // 3: XR, stated late
    b.addCase({{"REQ", 3 * kDay, 0}});                                      // 4: no attributes
    b.addCase({});                                                          // 5: no events
    using V = std::vector<std::uint32_t>;

    SUBCASE("no filter selects every case, in order") {
        CHECK(selectCases(b.log, {}) == V{0, 1, 2, 3, 4, 5});
    }
    SUBCASE("the date range holds its start and not its end, on the first event") {
        LogFilter f;
        f.from = 1 * kDay * 60'000;
        f.to = 3 * kDay * 60'000;
        // Case 1 ends on day 3 but starts on day 1; case 3 starts a minute before day 3;
        // case 4 starts at day 3 exactly, the end of the range.
        CHECK(selectCases(b.log, f) == V{1, 2, 3});
        f.to.reset();
        CHECK(selectCases(b.log, f) == V{1, 2, 3, 4});
        f.from.reset();
        f.to = 1;
        CHECK(selectCases(b.log, f) == V{0});
    }
    SUBCASE("modality follows the first event that states one") {
        LogFilter f;
        f.modalities = {"CT"};
        CHECK(selectCases(b.log, f) == V{0, 2});
        f.modalities = {"MR"};
        CHECK(selectCases(b.log, f) == V{1});
        f.modalities = {"XR", "MR"};
        CHECK(selectCases(b.log, f) == V{1, 3});
    }
    SUBCASE("a case without a value passes only a set that allows \"\"") {
        LogFilter f;
        f.modalities = {""};
        CHECK(selectCases(b.log, f) == V{4, 5});
        f.modalities = {"", "XR"};
        CHECK(selectCases(b.log, f) == V{3, 4, 5});
    }
    SUBCASE("filters on several attributes all have to hold") {
        LogFilter f;
        f.priorities = {"routine"};
        CHECK(selectCases(b.log, f) == V{1, 2});
        f.sites = {"Maidstone"};
        CHECK(selectCases(b.log, f) == V{1});
        f.patientSources = {"A&E", "outpatient"};
        CHECK(selectCases(b.log, f).empty());
    }
    SUBCASE("filters that match nothing select nothing") {
        LogFilter f;
        f.modalities = {"US"};
        CHECK(selectCases(b.log, f).empty());
        LogFilter later;
        later.from = 10 * kDay * 60'000;
        CHECK(selectCases(b.log, later).empty());
        LogFilter backwards;
        backwards.from = 2 * kDay * 60'000;
        backwards.to = 1 * kDay * 60'000;
        CHECK(selectCases(b.log, backwards).empty());
    }
    SUBCASE("an empty log selects nothing") {
        LogFilter f;
        f.modalities = {"CT"};
        CHECK(selectCases(LogBuilder{}.log, {}).empty());
        CHECK(selectCases(LogBuilder{}.log, f).empty());
    }
}

// [SECTION] Variants

namespace {

std::vector<std::uint32_t> allCases(const EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    return cases;
}

std::string codes(const EventLog& log, const Variant& v) {
    std::string s;
    for (const auto a : v.activities) s += (s.empty() ? "" : ",") + log.activities[a];
    return s;
}

} // namespace

TEST_CASE("variants are ranked by count, ties by their activity codes") {
    LogBuilder b;
    // Activities are met in the order VET, REQ, CMP: ties must follow the codes, not that order.
    b.addCase({{"VET", 0}, {"REQ", 1}});             // 0: VET,REQ
    b.addCase({{"REQ", 0}, {"VET", 1}, {"CMP", 2}}); // 1: REQ,VET,CMP
    b.addCase({{"REQ", 0}, {"CMP", 1}});             // 2: REQ,CMP
    b.addCase({{"REQ", 0}, {"VET", 5}, {"CMP", 9}}); // 3: REQ,VET,CMP
    b.addCase({{"REQ", 0}});                         // 4: REQ
    b.addCase({{"REQ", 0}, {"VET", 1}});             // 5: REQ,VET
    b.addCase({{"REQ", 0}, {"VET", 1}, {"CMP", 1}}); // 6: REQ,VET,CMP (CMP at the same minute)
    b.addCase({{"REQ", 3}, {"CMP", 3}});             // 7: REQ,CMP

    const auto vs = rankedVariants(b.log, allCases(b.log));
    REQUIRE(vs.size() == 5);
    CHECK(codes(b.log, vs[0]) == "REQ,VET,CMP");
    CHECK(vs[0].cases == std::vector<std::uint32_t>{1, 3, 6});
    CHECK(codes(b.log, vs[1]) == "REQ,CMP");
    CHECK(vs[1].cases == std::vector<std::uint32_t>{2, 7});
    // Three variants of one case each: a sequence before its extension, then by code.
    CHECK(codes(b.log, vs[2]) == "REQ");
    CHECK(codes(b.log, vs[3]) == "REQ,VET");
    CHECK(codes(b.log, vs[4]) == "VET,REQ");
    CHECK(vs[4].cases == std::vector<std::uint32_t>{0});
}

TEST_CASE("variants are found among the selected cases only") {
    LogBuilder b;
    b.addCase({{"REQ", 0}, {"VET", 1}});
    b.addCase({{"REQ", 0}, {"CMP", 1}});
    b.addCase({{"REQ", 0}, {"CMP", 2}});
    b.addCase({{"REQ", 0}, {"VET", 1}});

    const std::vector<std::uint32_t> selected{3, 1, 0};
    const auto vs = rankedVariants(b.log, selected);
    REQUIRE(vs.size() == 2);
    CHECK(codes(b.log, vs[0]) == "REQ,VET");
    CHECK(vs[0].cases == std::vector<std::uint32_t>{3, 0}); // in the order given
    CHECK(vs[1].cases == std::vector<std::uint32_t>{1});

    CHECK(rankedVariants(b.log, {}).empty());
}

TEST_CASE("an empty log has no variants, a case with one event or none is a variant") {
    CHECK(rankedVariants(LogBuilder{}.log, {}).empty());

    LogBuilder b;
    b.addCase({});
    b.addCase({{"REQ", 0}});
    b.addCase({});
    const auto vs = rankedVariants(b.log, allCases(b.log));
    REQUIRE(vs.size() == 2);
    CHECK(vs[0].activities.empty());
    CHECK(vs[0].cases == std::vector<std::uint32_t>{0, 2});
    CHECK(codes(b.log, vs[1]) == "REQ");
}

TEST_CASE("many variants are told apart, however many share the table") {
    // 3000 distinct sequences over two activities (the binary digits of each number,
    // with a leading 1), each followed by two cases: the table grows and every
    // sequence is still found once.
    LogBuilder b;
    for (int round = 0; round < 2; ++round)
        for (int n = 1; n <= 3000; ++n) {
            std::vector<strawman::test::LoggedStep> steps;
            for (int bit = 31 - __builtin_clz(static_cast<unsigned>(n)); bit >= 0; --bit)
                steps.push_back({(n >> bit) & 1 ? "B" : "A", 0});
            b.addCase(steps);
        }
    const auto vs = rankedVariants(b.log, allCases(b.log));
    REQUIRE(vs.size() == 3000);
    for (const auto& v : vs) {
        REQUIRE(v.cases.size() == 2);
        CHECK(v.cases[1] == v.cases[0] + 3000);
    }
    // All tie at two cases, so the first is the shortest in code order: "B" (n = 1).
    CHECK(codes(b.log, vs.front()) == "B");
}

// [SECTION] Transitions and intervals

namespace {

// Five cases, times in minutes. Case 1 has CMP and VER at the same minute; case 3
// is a single event; case 4 goes round the VET -> CMP loop twice.
LogBuilder fiveCases() {
    LogBuilder b;
    b.addCase({{"REQ", 0}, {"VET", 10}, {"CMP", 70}, {"VER", 130}});
    b.addCase({{"REQ", 0}, {"VET", 30}, {"VET", 40}, {"CMP", 100}, {"VER", 100}});
    b.addCase({{"REQ", 0}, {"CMP", 20}, {"VER", 50}});
    b.addCase({{"VET", 5}});
    b.addCase({{"REQ", 0}, {"VET", 20}, {"CMP", 50}, {"VET", 60}, {"CMP", 90}, {"VER", 150}});
    return b;
}

std::string name(const EventLog& log, const Transition& t) {
    return log.activities[t.from] + ">" + log.activities[t.to];
}

std::string name(const EventLog& log, const ActivityCount& a) {
    return log.activities[a.activity] + " " + std::to_string(a.cases);
}

} // namespace

TEST_CASE("the directly-follows graph counts steps, cases and step durations") {
    const auto b = fiveCases();
    const auto g = directlyFollows(b.log, allCases(b.log));

    REQUIRE(g.transitions.size() == 6);
    // Four occurrences each: ranked by the code they start from.
    const auto& cmpVer = g.transitions[0];
    CHECK(name(b.log, cmpVer) == "CMP>VER");
    CHECK(cmpVer.occurrences == 4);
    CHECK(cmpVer.cases == 4);
    // 60, 0 (same minute), 30, 60 min: median h = 1.5 -> 45 min; P90 h = 2.7 -> 60 min
    CHECK(cmpVer.duration.count == 4);
    CHECK(cmpVer.duration.median == 45 * 60);
    CHECK(cmpVer.duration.p90 == 60 * 60);
    CHECK(cmpVer.duration.max == 60 * 60);

    const auto& vetCmp = g.transitions[1];
    CHECK(name(b.log, vetCmp) == "VET>CMP");
    CHECK(vetCmp.occurrences == 4);
    CHECK(vetCmp.cases == 3);                 // twice in case 4
    CHECK(vetCmp.duration.median == 45 * 60); // 30 30 60 60 min
    CHECK(vetCmp.duration.p90 == 60 * 60);

    const auto& reqVet = g.transitions[2];
    CHECK(name(b.log, reqVet) == "REQ>VET");
    CHECK(reqVet.occurrences == 3);
    CHECK(reqVet.cases == 3);
    // 10, 30, 20 min: median 20 min; P90 h = 1.8 -> 20 + 0.8 * 10 = 28 min
    CHECK(reqVet.duration.median == 20 * 60);
    CHECK(reqVet.duration.p90 == 28 * 60);
    CHECK(reqVet.duration.max == 30 * 60);

    // Once each, by the code they start from.
    CHECK(name(b.log, g.transitions[3]) == "CMP>VET");
    CHECK(name(b.log, g.transitions[4]) == "REQ>CMP");
    CHECK(name(b.log, g.transitions[5]) == "VET>VET");
    CHECK(g.transitions[5].duration.median == 10 * 60);
    CHECK(g.transitions[5].duration.count == 1);

    REQUIRE(g.starts.size() == 2);
    CHECK(name(b.log, g.starts[0]) == "REQ 4");
    CHECK(name(b.log, g.starts[1]) == "VET 1");
    REQUIRE(g.ends.size() == 2);
    CHECK(name(b.log, g.ends[0]) == "VER 4");
    CHECK(name(b.log, g.ends[1]) == "VET 1");
}

TEST_CASE("the directly-follows graph of selected cases only") {
    const auto b = fiveCases();
    const std::vector<std::uint32_t> selected{3, 2};
    const auto g = directlyFollows(b.log, selected);
    REQUIRE(g.transitions.size() == 2);
    CHECK(name(b.log, g.transitions[0]) == "CMP>VER");
    CHECK(g.transitions[0].duration.median == 30 * 60);
    CHECK(name(b.log, g.transitions[1]) == "REQ>CMP");
    REQUIRE(g.starts.size() == 2);
    CHECK(name(b.log, g.starts[0]) == "REQ 1"); // tie: by code
    CHECK(name(b.log, g.starts[1]) == "VET 1");

    SUBCASE("nothing selected, or nothing there") {
        const auto none = directlyFollows(b.log, {});
        CHECK(none.transitions.empty());
        CHECK(none.starts.empty());
        CHECK(none.ends.empty());
        const auto empty = directlyFollows(LogBuilder{}.log, {});
        CHECK(empty.transitions.empty());
        CHECK(empty.starts.empty());
    }
    SUBCASE("a case with one event starts and ends there") {
        const std::vector<std::uint32_t> single{3};
        const auto one = directlyFollows(b.log, single);
        CHECK(one.transitions.empty());
        REQUIRE(one.starts.size() == 1);
        CHECK(name(b.log, one.starts[0]) == "VET 1");
        CHECK(name(b.log, one.ends[0]) == "VET 1");
    }
}

TEST_CASE("an interval runs from the first A to the first B after it") {
    const auto b = fiveCases();
    const auto all = allCases(b.log);

    SUBCASE("REQ to VET") {
        // 10, 30, 20 min; case 2 has no VET; case 3 has no REQ and does not count.
        const auto s = intervalStats(b.log, all, "REQ", "VET");
        CHECK(s.duration.count == 3);
        CHECK(s.duration.median == 20 * 60);
        CHECK(s.duration.p90 == 28 * 60);
        CHECK(s.duration.max == 30 * 60);
        CHECK(s.withoutEnd == 1);
    }
    SUBCASE("from the first VET, not the last") {
        // Case 1: VET at 30 and 40, CMP at 100 -> 70 min; case 4: VET 20 -> CMP 50 = 30 min;
        // case 0: 60 min. Case 3 has VET and nothing after.
        const auto s = intervalStats(b.log, all, "VET", "CMP");
        CHECK(s.duration.count == 3);
        CHECK(s.duration.median == 60 * 60);
        CHECK(s.duration.p90 == 68 * 60); // h = 1.8 -> 60 + 0.8 * 10
        CHECK(s.duration.max == 70 * 60);
        CHECK(s.withoutEnd == 1);
    }
    SUBCASE("to the first B after A, however many loops follow") {
        // Case 4: first CMP at 50, VER at 150 -> 100 min; others 60, 0, 30 min.
        const auto s = intervalStats(b.log, all, "CMP", "VER");
        CHECK(s.duration.count == 4);
        CHECK(s.duration.median == 45 * 60);
        CHECK(s.duration.p90 == 88 * 60); // h = 2.7 -> 60 + 0.7 * 40
        CHECK(s.duration.max == 100 * 60);
        CHECK(s.withoutEnd == 0);
    }
    SUBCASE("events at the same instant keep the log's order") {
        // Case 1 has CMP then VER at minute 100: no CMP comes after a VER anywhere.
        const auto s = intervalStats(b.log, all, "VER", "CMP");
        CHECK(s.duration.count == 0);
        CHECK(s.withoutEnd == 4);
    }
    SUBCASE("from an activity to its next occurrence") {
        // Case 1: 30 -> 40 = 10 min; case 4: 20 -> 60 = 40 min; cases 0 and 3 have one VET.
        const auto s = intervalStats(b.log, all, "VET", "VET");
        CHECK(s.duration.count == 2);
        CHECK(s.duration.median == 25 * 60);
        CHECK(s.duration.p90 == 37 * 60); // h = 0.9 -> 10 + 0.9 * 30
        CHECK(s.withoutEnd == 2);
    }
    SUBCASE("codes the log does not hold") {
        const auto unknownStart = intervalStats(b.log, all, "XXX", "VET");
        CHECK(unknownStart.duration.count == 0);
        CHECK(unknownStart.withoutEnd == 0);
        const auto unknownEnd = intervalStats(b.log, all, "REQ", "XXX");
        CHECK(unknownEnd.duration.count == 0);
        CHECK(unknownEnd.withoutEnd == 4);
    }
    SUBCASE("no cases") {
        CHECK(intervalStats(b.log, {}, "REQ", "VET").duration.count == 0);
        CHECK(intervalStats(LogBuilder{}.log, {}, "REQ", "VET").duration.count == 0);
    }
}

TEST_CASE("a log with more activities than the dense pair table still counts every step") {
    // 1100 codes, A0000 ... A1099: two cases walk the chain, each step one minute
    // in the first case and three in the second.
    LogBuilder b;
    for (const int minutes : {1, 3}) {
        std::vector<strawman::test::LoggedStep> steps;
        for (int i = 0; i < 1100; ++i) {
            std::string code = std::to_string(i);
            steps.push_back({"A" + std::string(4 - code.size(), '0') + code, i * minutes});
        }
        b.addCase(steps);
    }
    const auto g = directlyFollows(b.log, allCases(b.log));
    REQUIRE(g.transitions.size() == 1099);
    CHECK(name(b.log, g.transitions.front()) == "A0000>A0001");
    CHECK(name(b.log, g.transitions.back()) == "A1098>A1099");
    for (const auto& t : g.transitions) {
        CHECK(t.occurrences == 2);
        CHECK(t.cases == 2);
        CHECK(t.duration.median == 120);
        CHECK(t.duration.max == 180);
    }
}
