// Measurable rules (forum/rule.h): read as written, refused at the wrong word,
// and checked on a small log whose values are worked out by hand below.
#include "forum/rule.h"
#include "forum/rule_check.h"

#include "model/events/event_log.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::forum;

namespace {

RuleError refusal(std::string_view text, std::string_view where = {},
                  const std::function<bool(std::string_view)>& known = nullptr) {
    try {
        parseRule(text, where, known);
    } catch (const RuleError& e) {
        return e;
    }
    FAIL("read without an error: " << text);
    return RuleError("", 0, "", "");
}

constexpr model::TimeMs kHour = 3'600'000;
constexpr model::TimeMs kDay = 24 * kHour;
// 2025-01-10 00:00 UTC and 2025-02-10 00:00 UTC: both GMT in London.
constexpr model::TimeMs kJan = 1'736'467'200'000;
constexpr model::TimeMs kFeb = kJan + 31 * kDay;

// A log of cases given as (activity, time) pairs; modality per case.
struct LogBuilder {
    model::EventLog log;
    LogBuilder() {
        log.attributeSets.emplace_back();
        log.resources.emplace_back();
        log.caseStart.push_back(0);
    }
    std::uint32_t activity(const std::string& code) {
        for (std::uint32_t i = 0; i < log.activities.size(); ++i)
            if (log.activities[i] == code) return i;
        log.activities.push_back(code);
        return static_cast<std::uint32_t>(log.activities.size() - 1);
    }
    void add(std::vector<std::pair<std::string, model::TimeMs>> events,
             const std::string& modality = "CT") {
        model::EventAttributes attributes;
        attributes.modality = modality;
        log.attributeSets.push_back(attributes);
        const auto set = static_cast<std::uint32_t>(log.attributeSets.size() - 1);
        for (const auto& [code, time] : events) {
            model::LoggedEvent e;
            e.time = time;
            e.activity = activity(code);
            e.attributes = set;
            log.events.push_back(e);
        }
        log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
        model::Pseudonym p{};
        p[0] = static_cast<std::uint8_t>(log.casePseudonyms.size());
        log.casePseudonyms.push_back(p);
        log.patients.push_back(model::Pseudonym{});
    }
};

} // namespace

TEST_CASE("the three kinds of rule are read as written and written back the same") {
    const Rule interval = parseRule("RCV->VET p90 <= 2d");
    CHECK(interval.kind == RuleKind::Interval);
    CHECK(interval.first == "RCV");
    CHECK(interval.second == "VET");
    CHECK(interval.statistic == Statistic::P90);
    CHECK(interval.comparison == Comparison::AtMost);
    CHECK(interval.limit == 2 * 86400);
    CHECK(ruleText(interval) == "RCV->VET p90 <= 2d");
    CHECK(parseRule("RCV -> VET  max < 36h") == parseRule("RCV->VET max < 1.5d"));
    CHECK(ruleText(parseRule("RCV->VET max < 1.5d")) == "RCV->VET max < 36h");
    CHECK(ruleText(parseRule("CMP->VER p50 <= 14d")) == "CMP->VER p50 <= 2w");
    CHECK(ruleText(parseRule("CMP->VER p95 > 0.25h")) == "CMP->VER p95 > 0.25h");

    const Rule order = parseRule("VET before BKD >= 95%");
    CHECK(order.kind == RuleKind::Order);
    CHECK(order.first == "VET");
    CHECK(order.second == "BKD");
    CHECK(order.limit == 95);
    CHECK(ruleText(order) == "VET before BKD >= 95%");

    const Rule presence = parseRule("VET present >= 98.5%", "modality=CT,priority=routine");
    CHECK(presence.kind == RuleKind::Presence);
    CHECK(presence.second.empty());
    CHECK(presence.limit == 98.5);
    CHECK(presence.where.modalities == std::set<std::string>{"CT"});
    CHECK(presence.where.priorities == std::set<std::string>{"routine"});
    CHECK(ruleText(presence) == "VET present >= 98.5%");
    CHECK(whereText(presence.where) == "modality=CT,priority=routine");
    CHECK(parseRule("VET present >= 98%", " modality=CT , modality=MR").where.modalities ==
          std::set<std::string>{"CT", "MR"});
}

TEST_CASE("a rule that cannot be read is refused at the word that is wrong") {
    const RuleError p85 = refusal("RCV->VET p85 <= 2d");
    CHECK(p85.word() == "p85");
    CHECK(p85.column() == 9);
    CHECK(std::string(p85.what()).find("p50, p90, p95 or max") != std::string::npos);
    CHECK(p85.pointer() == "RCV->VET p85 <= 2d\n         ^^^");

    CHECK(refusal("RCV->VET p90 =< 2d").word() == "=<");
    CHECK(refusal("RCV->VET p90 <= 2x").word() == "2x");
    CHECK(refusal("RCV->VET p90 <= 2").word() == "2");
    CHECK(refusal("VET before BKD >= 95").word() == "95");
    CHECK(refusal("VET present >= 120%").word() == "120%");
    CHECK(refusal("VET present >= 98% now").word() == "now");
    CHECK(refusal("VET after BKD >= 95%").word() == "after");
    CHECK(refusal("->VET p90 <= 2d").word() == "->VET");

    const RuleError unfinished = refusal("RCV->VET p90");
    CHECK(unfinished.column() == 12);
    CHECK(unfinished.word().empty());
    CHECK(std::string(unfinished.what()).find("a comparison") != std::string::npos);
    CHECK(refusal("").column() == 0);

    const auto known = [](std::string_view code) { return code == "RCV" || code == "VET"; };
    const RuleError unknown = refusal("RCV->VTE p90 <= 2d", {}, known);
    CHECK(unknown.word() == "VTE");
    CHECK(unknown.column() == 5);
    CHECK(std::string(unknown.what()).find("not an activity") != std::string::npos);

    const RuleError where = refusal("VET present >= 98%", "modality=CT,colour=red");
    CHECK(where.word() == "colour=red");
    CHECK(where.column() == 12);
    CHECK(where.text() == "modality=CT,colour=red");
    CHECK(refusal("VET present >= 98%", "modality=").word() == "modality=");
}

TEST_CASE("an interval rule on a small log: the statistic, the share within, month by month") {
    LogBuilder b;
    // January: RCV -> VET in 1, 2, 3 and 5 days; one case never vetted.
    b.add({{"RCV", kJan}, {"VET", kJan + 1 * kDay}});
    b.add({{"RCV", kJan}, {"VET", kJan + 2 * kDay}});
    b.add({{"RCV", kJan}, {"VET", kJan + 3 * kDay}});
    b.add({{"RCV", kJan}, {"BKD", kJan + kHour}, {"VET", kJan + 5 * kDay}});
    b.add({{"RCV", kJan}, {"BKD", kJan + kHour}});
    // February: 12 hours and 1 day; an MR case of 10 days.
    b.add({{"RCV", kFeb}, {"VET", kFeb + 12 * kHour}});
    b.add({{"RCV", kFeb}, {"VET", kFeb + kDay}});
    b.add({{"RCV", kFeb}, {"VET", kFeb + 10 * kDay}}, "MR");

    const auto london = model::TimeZone::named("Europe/London");
    const RuleCheck all = checkRule(parseRule("RCV->VET p50 <= 2d"), b.log, london);
    // Sorted: 0.5 1 1 2 3 5 10 days; the median is the 4th, 2 days.
    CHECK(all.overall.cases == 7);
    CHECK(all.overall.value == doctest::Approx(2 * 86400));
    CHECK(all.overall.compliant);
    CHECK(all.overall.shareWithin == doctest::Approx(100.0 * 4 / 7));
    CHECK(all.withoutEnd == 1);
    REQUIRE(all.byMonth.size() == 2);
    CHECK(all.byMonth[0].month == "2025-01");
    CHECK(all.byMonth[0].value.cases == 4);
    // 1 2 3 5: h = 1.5, between 2 and 3.
    CHECK(all.byMonth[0].value.value == doctest::Approx(2.5 * 86400));
    CHECK_FALSE(all.byMonth[0].value.compliant);
    CHECK(all.byMonth[0].value.shareWithin == doctest::Approx(50));
    CHECK(all.byMonth[1].month == "2025-02");
    CHECK(all.byMonth[1].value.cases == 3);
    CHECK(all.byMonth[1].value.value == doctest::Approx(86400));

    // p90 of the CT cases, 0.5 1 1 2 3 5 days: h = 4.5, between 3 and 5.
    const RuleCheck ct = checkRule(parseRule("RCV->VET p90 <= 4d", "modality=CT"), b.log, london);
    CHECK(ct.overall.cases == 6);
    CHECK(ct.overall.value == doctest::Approx(4 * 86400));
    CHECK(ct.overall.compliant);
    CHECK(checkRule(parseRule("RCV->VET max < 10d"), b.log, london).overall.value ==
          doctest::Approx(10 * 86400));
    CHECK_FALSE(checkRule(parseRule("RCV->VET max < 10d"), b.log, london).overall.compliant);
}

TEST_CASE("share rules on a small log: order among cases holding both, presence among all") {
    LogBuilder b;
    b.add({{"VET", kJan}, {"BKD", kJan + kHour}});
    b.add({{"VET", kJan}, {"BKD", kJan + kHour}});
    b.add({{"BKD", kJan}, {"VET", kJan + kHour}});
    b.add({{"VET", kJan}});
    b.add({{"RCV", kJan}});

    const auto london = model::TimeZone::named("Europe/London");
    const RuleCheck order = checkRule(parseRule("VET before BKD >= 95%"), b.log, london);
    CHECK(order.overall.cases == 3);
    CHECK(order.overall.value == doctest::Approx(100.0 * 2 / 3));
    CHECK(order.overall.shareWithin == order.overall.value);
    CHECK_FALSE(order.overall.compliant);

    const RuleCheck presence = checkRule(parseRule("VET present >= 80%"), b.log, london);
    CHECK(presence.overall.cases == 5);
    CHECK(presence.overall.value == doctest::Approx(80));
    CHECK(presence.overall.compliant);

    // An activity the log does not hold: no case has it.
    const RuleCheck none = checkRule(parseRule("ADD present >= 1%"), b.log, london);
    CHECK(none.overall.cases == 5);
    CHECK(none.overall.value == 0);
    CHECK_FALSE(none.overall.compliant);
    // No case counted: nothing measured, and not compliant.
    const RuleCheck empty = checkRule(parseRule("REQ before RCV >= 0%"), b.log, london);
    CHECK(empty.overall.cases == 0);
    CHECK_FALSE(empty.overall.compliant);
    CHECK(empty.byMonth.empty());
}

TEST_CASE("a case's month is its first event's calendar month in the network's time zone") {
    LogBuilder b;
    // 2025-03-31 23:30 UTC is 2025-04-01 00:30 in London (BST from 30 March).
    const model::TimeMs lateMarchUtc = 1'743'463'800'000;
    b.add({{"VET", lateMarchUtc}});
    b.add({{"VET", lateMarchUtc - 2 * kHour}});
    const RuleCheck check =
        checkRule(parseRule("VET present >= 1%"), b.log, model::TimeZone::named("Europe/London"));
    REQUIRE(check.byMonth.size() == 2);
    CHECK(check.byMonth[0].month == "2025-03");
    CHECK(check.byMonth[1].month == "2025-04");
    const RuleCheck utc = checkRule(parseRule("VET present >= 1%"), b.log, model::TimeZone{});
    REQUIRE(utc.byMonth.size() == 1);
    CHECK(utc.byMonth[0].month == "2025-03");
}
