// Durations as the CLI's text and the editor word them (model/analysis/duration_text.h).
#include "model/analysis/duration_text.h"

#include <doctest/doctest.h>

#include <cmath>

using strawman::model::durationText;

TEST_CASE("a duration is worded in the unit people would say it in") {
    CHECK(durationText(45) == "45 s");
    CHECK(durationText(4 * 60) == "4 min");
    CHECK(durationText(600) == "10 min");
    CHECK(durationText(7200) == "2 h");
    CHECK(durationText(2.3 * 3600) == "2.3 h");
    CHECK(durationText(0.0503 * 3600) == "3 min"); // what the CLI printed as 0.0503h
    CHECK(durationText(5.1 * 86400) == "5.1 d");
    CHECK(durationText(455 * 3600) == "19 d"); // what the CLI printed as 455h
    CHECK(durationText(21 * 86400) == "21 d");
    CHECK(durationText(123.4 * 86400) == "123 d");
}

TEST_CASE("a duration that would round up to the next unit is worded in that unit") {
    CHECK(durationText(59.4) == "59 s");
    CHECK(durationText(59.5) == "1 min"); // not "60 s"
    CHECK(durationText(3590) == "1 h");   // not "60 min"
    CHECK(durationText(23.99 * 3600) == "1 d");
    CHECK(durationText(99.96 * 86400) == "100 d");
}

TEST_CASE("no time, a negative time and no number at all are worded plainly") {
    CHECK(durationText(0) == "0 s");
    CHECK(durationText(0.4) == "0 s");
    CHECK(durationText(-0.2) == "0 s"); // not "-0 s"
    CHECK(durationText(-240) == "-4 min");
    CHECK(durationText(-2.3 * 3600) == "-2.3 h");
    CHECK(durationText(std::nan("")) == "-");
}
